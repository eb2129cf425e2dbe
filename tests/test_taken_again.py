""""Troops reached the camp on Friday and seized it": "it" is the camp the first verb took,
so the seizure is an attack on it; a place taken is no person captured."""

from test_precision import extract  # noqa: F401
from test_unseen_news import names, of_type


def test_seizing_it_after_reaching_a_camp_is_an_attack_on_the_camp(extract):
    claims, ents = extract("Government troops reached the camp near Kessel on Friday and seized it by Saturday "
                           "evening.")
    seized = [c for c in of_type(claims, "ATTACK") if c.trigger == "seized"]
    assert seized and "camp" in names(ents, seized[0].roles["target"])


def test_a_town_captured_again_is_no_prisoner(extract):
    claims, _ = extract("Rebels surrounded the town of Kessel and captured it on Sunday.")
    assert of_type(claims, "ATTACK") and not of_type(claims, "CASUALTY")
