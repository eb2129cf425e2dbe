"""Who speaks at the end of a sentence: an organisation the parser hung on the name before it
is still the speaker, and "the group" is never a place's name (a hospital, a university)."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def _sources(claims, ents, ctype):
    return {ents[c.source].name for c in of_type(claims, ctype) if c.source in ents}


def test_an_organisation_after_a_person_s_name_speaks(extract):
    claims, ents = extract("At least 900 people were killed in the offensive that ended with the toppling of "
                           "Bashar al-Assad, the Syrian Observatory for Human Rights said on Thursday.")
    assert _sources(claims, ents, "CASUALTY") == {"Syrian Observatory for Human Rights"}


def test_the_group_is_not_the_hospital_named_before(extract):
    claims, ents = extract("The White Helmets said air strikes hit Kessel on Sunday. One raid struck the Kessel "
                           "University Hospital, wounding two nurses, the group said.")
    assert _sources(claims, ents, "CASUALTY") == {"White Helmets"}
