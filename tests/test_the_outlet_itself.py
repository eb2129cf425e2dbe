"""The outlet that publishes a story is not an intermediary of its own sources: "a local
official told Reuters" in a Reuters story has the official as source and no via."""

from claimgraph.model import Document


def _extract(pipeline, text: str, outlet: str | None):
    sdoc = pipeline.nlp(text)
    return pipeline.extractor.extract(sdoc, Document(id="d1", text=text, published="2024-03-14", outlet=outlet))


def _vias(claims, ents):
    return {ents[v].name for c in claims for v in c.via if v in ents}


TOLD = "Gunmen killed 12 villagers in Kessel on Sunday, a local health official told Reuters."


def test_telling_the_outlet_itself_relays_nothing(pipeline):
    claims, ents = _extract(pipeline, TOLD, outlet="Reuters")
    killed = [c for c in claims if c.type == "CASUALTY"]
    assert killed and all(not c.via for c in killed)
    assert all(ents[c.source].name.lower() != "reuters" for c in killed if c.source in ents)


def test_telling_another_outlet_still_relays(pipeline):
    claims, ents = _extract(pipeline, TOLD, outlet="BBC")
    assert "Reuters" in _vias([c for c in claims if c.type == "CASUALTY"], ents)


def test_the_outlet_is_known_by_its_short_name(pipeline):
    text = "Soldiers shelled the market in Kessel on Sunday, a resident told Agence France-Presse."
    claims, ents = _extract(pipeline, text, outlet="AFP")
    attacks = [c for c in claims if c.type == "ATTACK"]
    assert attacks and not _vias(attacks, ents)
