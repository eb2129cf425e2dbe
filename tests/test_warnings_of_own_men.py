"""A warning that the warner's own men would use force is a threat ("his fighters would
retaliate"); a warning about what is merely the speaker's ("his town could flood") is not."""

from test_precision import extract  # noqa: F401
from test_unseen_news import of_type


def test_his_fighters_would_retaliate_is_a_threat(extract):
    claims, _ = extract("A rebel commander warned that his fighters would retaliate against any further drone strikes.")
    assert of_type(claims, "THREATEN") and not of_type(claims, "NOTIFY")


def test_its_forces_would_respond_is_a_threat(extract):
    claims, _ = extract("The ministry warned that its forces would respond forcefully to any attack on Kessel.")
    assert of_type(claims, "THREATEN")


def test_his_town_could_flood_is_no_threat(extract):
    claims, _ = extract("The mayor warned that his town could flood if the rain continued.")
    assert not of_type(claims, "THREATEN")
