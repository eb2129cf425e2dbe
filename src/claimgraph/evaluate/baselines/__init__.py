"""Comparison systems the evaluations run beside the product, never an ingest.

Each ``claimgraph eval`` task scores what an ingest runs; these modules give its table a
second row on the same texts (how far a dedicated tagger, mention finder, event-mention
clusterer or the earlier geocoder gets), so a gap the product could close is visible:

- ``timex_tagger``: a TimeML TIMEX3 tagger (``eval timex``); tried as the claims' time
  extents on the real-news gold, it changed no claim's time for the better, so the
  extractor keeps ``extract.times.sentence_times``.
- ``phrases``: a noun-phrase mention finder (``eval ner``).
- ``event_mentions``: clustering of gold event mentions (``eval coref``).
- ``geo_legacy``: the place resolution before ``resolve/geoparse.py`` (``eval geo``).
"""
