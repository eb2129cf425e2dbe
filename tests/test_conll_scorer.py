"""The coreference scorer against the CoNLL-2012 reference scorer's published toy cases.

Cases and expected numbers: conll/reference-coreference-scorers, ``test/TestCases.README``
and ``test/CorefMetricTestConfig.pm`` (values are [recall, precision, F1]; the CEAF-e
ones are printed there to 5 decimals). Letters are mentions; a capital letter is a
different mention overlapping its lower-case twin (TC-A-5/6), a repeated letter the same
mention twice (TC-A-7/8, de-duplicated as the reference scorer does).
"""

from __future__ import annotations

import pytest

from claimgraph.evaluate.conll import PRF, b_cubed, ceafe, clusters_from_labels, conll_scores, muc


def sets(*clusters: str) -> list[list[str]]:
    """"a", "bc", "def" -> [['a'], ['b', 'c'], ['d', 'e', 'f']] (lists, so duplicates survive)."""
    return [list(c) for c in clusters]


KEY_A = sets("a", "bc", "def")
KEY_D = [[1, 2, 3, 4, 5], [6, 7], [8, 9, "A", "B", "C"]]


def close(score: PRF, expected: list[float], tol: float = 1e-9) -> bool:
    return score == pytest.approx(PRF(*expected), abs=tol)


def f1(r: float, p: float) -> float:
    return 2 * r * p / (r + p)


MUC_CASES = [
    ("A1", KEY_A, sets("a", "bc", "def"), [1, 1, 1]),
    ("A2", KEY_A, sets("a", "de"), [1 / 3, 1, 0.5]),
    ("A3", KEY_A, sets("a", "bcx", "defy", "z"), [1, 3 / 5, 0.75]),
    ("A4", KEY_A, sets("a", "bcx", "dy", "z"), [1 / 3, 1 / 3, 1 / 3]),
    ("A5", KEY_A, sets("a", "bcxB", "dy", "z"), [1 / 3, 1 / 4, 2 / 7]),
    ("A6", KEY_A, sets("a", "bcx", "dy", "Bz"), [1 / 3, 1 / 4, 2 / 7]),
    ("A7", KEY_A, sets("a", "bcxb", "dy", "z"), [1 / 3, 1 / 3, 1 / 3]),
    ("A8", KEY_A, sets("a", "bcx", "dy", "bz"), [1 / 3, 1 / 3, 1 / 3]),
    ("A10", KEY_A, sets(*"abcdef"), [0, 0, 0]),
    ("A11", KEY_A, sets("abcdef"), [1, 3 / 5, 6 / 8]),
    ("A12", KEY_A, sets(*"axycdez"), [0, 0, 0]),
    ("A13", KEY_A, sets("axycdez"), [1 / 3, 1 / 6, 2 / 9]),
    ("D1", KEY_D, [[1, 2, 3, 4, 5], [6, 7, 8, 9, "A", "B", "C"]], [1, 9 / 10, f1(1, 9 / 10)]),
    ("E1", KEY_D, [[1, 2, 3, 4, 5, 8, 9, "A", "B", "C"], [6, 7]], [1, 9 / 10, f1(1, 9 / 10)]),
    ("F1", sets("ABCD"), sets("AB", "CD"), [2 / 3, 1, f1(2 / 3, 1)]),
    ("G1", sets("AB", "CD"), sets("ABCD"), [1, 2 / 3, f1(1, 2 / 3)]),
    ("H1", sets("ABCD"), sets("ABCD"), [1, 1, 1]),
    ("J1", sets("ABC"), sets("AC"), [1 / 2, 1, f1(1 / 2, 1)]),
    ("K1", sets("BCDEGHJ"), sets("ABC", "DEF", "GHI"), [3 / 6, 3 / 6, 3 / 6]),
    ("L1", sets("ABC", "DEFG"), sets("AB", "CD", "FGH"), [2 / 5, 2 / 4, f1(2 / 5, 2 / 4)]),
    ("M2", sets("abcdef"), sets(*"abcdef"), [0, 0, 0]),
    ("N1", sets(*"abcdef"), sets(*"abcdef"), [0, 0, 0]),
]

B3_CASES = [
    ("A1", KEY_A, sets("a", "bc", "def"), [1, 1, 1]),
    ("A2", KEY_A, sets("a", "de"), [(7 / 3) / 6, 3 / 3, 14 / 25]),
    ("A3", KEY_A, sets("a", "bcx", "defy", "z"), [1, (4 + 7 / 12) / 9, 110 / 163]),
    ("A4", KEY_A, sets("a", "bcx", "dy", "z"), [(3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7, f1(5 / 9, 17 / 42)]),
    ("A5", KEY_A, sets("a", "bcxB", "dy", "z"), [(3 + 1 / 3) / 6, 2.5 / 8, f1(5 / 9, 5 / 16)]),
    ("A6", KEY_A, sets("a", "bcx", "dy", "Bz"), [(10 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 8, f1(5 / 9, 17 / 48)]),
    ("A7", KEY_A, sets("a", "bcxb", "dy", "z"), [(10 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7, f1(5 / 9, 17 / 42)]),
    ("A8", KEY_A, sets("a", "bcx", "dy", "bz"), [(10 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7, f1(5 / 9, 17 / 42)]),
    ("A10", KEY_A, sets(*"abcdef"), [3 / 6, 6 / 6, 2 / 3]),
    ("A11", KEY_A, sets("abcdef"), [6 / 6, (1 / 6 + 2 * 2 / 6 + 3 * 3 / 6) / 6, 14 / 25]),
    ("A12", KEY_A, sets(*"axycdez"), [(1 + 1 / 2 + 2 / 3) / 6, 4 / 7, f1(13 / 36, 4 / 7)]),
    ("A13", KEY_A, sets("axycdez"), [(1 + 1 / 2 + 2 * 2 / 3) / 6, (1 / 7 + 1 / 7 + 2 * 2 / 7) / 7,
                                     f1(17 / 36, 6 / 49)]),
    ("D1", KEY_D, [[1, 2, 3, 4, 5], [6, 7, 8, 9, "A", "B", "C"]], [12 / 12, 16 / 21, f1(1, 16 / 21)]),
    ("E1", KEY_D, [[1, 2, 3, 4, 5, 8, 9, "A", "B", "C"], [6, 7]], [1, 7 / 12, f1(1, 7 / 12)]),
    ("M1", sets("abcdef"), sets("abcdef"), [1, 1, 1]),
    ("N1", sets(*"abcdef"), sets(*"abcdef"), [1, 1, 1]),
]

CEAFE_CASES = [
    ("A1", KEY_A, sets("a", "bc", "def"), [1, 1, 1]),
    ("A2", KEY_A, sets("a", "de"), [0.6, 0.9, 0.72]),
    ("A3", KEY_A, sets("a", "bcx", "defy", "z"), [0.88571, 0.66429, 0.75918]),
    ("A4", KEY_A, sets("a", "bcx", "dy", "z"), [0.73333, 0.55, 0.62857]),
    ("A5", KEY_A, sets("a", "bcxB", "dy", "z"), [0.68889, 0.51667, 0.59048]),
    ("A6", KEY_A, sets("a", "bcx", "dy", "Bz"), [0.73333, 0.55, 0.62857]),
    ("A7", KEY_A, sets("a", "bcxb", "dy", "z"), [0.73333, 0.55, 0.62857]),
    ("A8", KEY_A, sets("a", "bcx", "dy", "bz"), [0.73333, 0.55, 0.62857]),
    ("M1", sets("abcdef"), sets("abcdef"), [1, 1, 1]),
    ("N1", sets(*"abcdef"), sets(*"abcdef"), [1, 1, 1]),
]


@pytest.mark.parametrize("case,key,response,expected", MUC_CASES, ids=[c[0] for c in MUC_CASES])
def test_conll_scorer_muc_matches_reference_cases(case, key, response, expected):
    assert close(muc(key, response), expected)


@pytest.mark.parametrize("case,key,response,expected", B3_CASES, ids=[c[0] for c in B3_CASES])
def test_conll_scorer_b_cubed_matches_reference_cases(case, key, response, expected):
    assert close(b_cubed(key, response), expected)


@pytest.mark.parametrize("case,key,response,expected", CEAFE_CASES, ids=[c[0] for c in CEAFE_CASES])
def test_conll_scorer_ceafe_matches_reference_cases(case, key, response, expected):
    # the reference file prints five decimals
    assert close(ceafe(key, response), expected, tol=1e-5)


def test_conll_scorer_conll_f1_is_mean_of_three_f1s():
    scores = conll_scores(KEY_A, sets("a", "bcx", "dy", "z"))  # TC-A-4
    assert scores["muc_f1"] == pytest.approx(1 / 3)
    assert scores["b3_f1"] == pytest.approx(f1(5 / 9, 17 / 42))
    assert scores["ceafe_f1"] == pytest.approx(0.62857, abs=1e-5)
    assert scores["conll_f1"] == pytest.approx((1 / 3 + f1(5 / 9, 17 / 42) + 0.628571) / 3, abs=1e-5)


def test_conll_scorer_empty_response_scores_zero():
    assert conll_scores(KEY_A, [])["conll_f1"] == 0.0


def test_conll_scorer_clusters_from_labels_groups_by_label():
    clusters = clusters_from_labels({"m1": "x", "m2": "y", "m3": "x"})
    assert sorted(sorted(c) for c in clusters) == [["m1", "m3"], ["m2"]]
