"""Docs are tested: help for every command, the README quick start, the ontology documented."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

import claimgraph
from claimgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
ONTOLOGY = ROOT / "src" / "claimgraph" / "data" / "ontology"
COMMANDS = sorted(main.commands)


def ontology_types() -> list[str]:
    types = []
    for path in sorted(ONTOLOGY.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        types.append(data["type"])
    return types


def readme() -> str:
    if not README.exists():
        pytest.skip("README.md does not exist yet")
    return README.read_text(encoding="utf-8")


SHELL_FENCES = {"", "bash", "sh", "shell", "console", "zsh"}


def shell_lines(markdown: str) -> list[str]:
    """Command lines inside shell code blocks, split at && ; || | (a leading "$ " prompt dropped)."""
    lines = []
    for lang, block in re.findall(r"```([^\n]*)\n(.*?)```", markdown, flags=re.S):
        if lang.strip().lower() not in SHELL_FENCES:
            continue
        for line in block.splitlines():
            for part in re.split(r"\s*(?:&&|\|\||;|\|)\s*", line.strip()):
                part = part.strip()
                if part.startswith("$ "):
                    part = part[2:]
                if part and not part.startswith("#"):
                    lines.append(part)
    return lines


def claimgraph_args(line: str) -> list[str] | None:
    """The arguments after the claimgraph console script (any path to it), or None."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError:
        return None
    if not words or Path(words[0]).name != "claimgraph":
        return None
    return words[1:]


def subcommand(args: list[str]) -> str | None:
    rest = list(args)
    while rest and rest[0].startswith("-"):  # group options: --db FILE, --model NAME
        option = rest.pop(0)
        if option in ("--db", "--model") and rest:
            rest.pop(0)
    return rest[0] if rest else None


def quick_start(markdown: str) -> str:
    """The quick-start section (up to the next heading of the same or higher level), or the whole README."""
    m = re.search(r"^(#+)\s*quick[ -]?start.*?$", markdown, flags=re.I | re.M)
    if not m:
        return markdown
    level = len(m.group(1))
    rest = markdown[m.end():]
    end = re.search(rf"^#{{1,{level}}}\s", rest, flags=re.M)
    return rest[: end.start()] if end else rest


# -- help ----------------------------------------------------------------------------------


def test_docs_there_are_commands():
    assert {"ingest", "export", "events", "claims", "show", "contradictions", "rejects", "demo"} <= set(COMMANDS)


def test_docs_group_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"], prog_name="claimgraph")
    assert result.exit_code == 0
    assert "Usage: claimgraph" in result.output
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s+\S", result.output, flags=re.M), f"{name} has no summary"


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_command_help(name):
    command = main.commands[name]
    assert (command.help or "").strip(), f"'claimgraph {name}' has no docstring"
    result = CliRunner().invoke(main, [name, "--help"], prog_name="claimgraph")
    assert result.exit_code == 0, result.output
    assert f"Usage: claimgraph {name}" in result.output
    assert command.help.strip().splitlines()[0].strip()[:40] in " ".join(result.output.split())


def test_docs_settings_have_help():
    from claimgraph.settings import SETTINGS, Settings

    assert [name for name, _, _ in SETTINGS] == list(Settings.__dataclass_fields__)
    for name, _default, text in SETTINGS:
        assert text.strip(), name


# -- README quick start -------------------------------------------------------------------------


def test_docs_readme_quick_start_commands():
    lines = shell_lines(quick_start(readme()))
    demo = [args for args in map(claimgraph_args, lines) if args is not None and subcommand(args) == "demo"]
    assert demo, f"the quick start should run 'claimgraph demo'; found {lines!r}"
    for args in demo:  # the demo line parses as the CLI would take it
        result = CliRunner().invoke(main, [*args, "--help"], prog_name="claimgraph")
        assert result.exit_code == 0, (args, result.output)
    assert any(re.search(r"(^|[\s/])(python3? -m pytest|pytest)(\s|$)", line) for line in lines), \
        f"the quick start should show how to run the tests; found {lines!r}"


def test_docs_readme_commands_exist():
    seen = 0
    for line in shell_lines(readme()):
        args = claimgraph_args(line)
        if args is None:
            continue
        name = subcommand(args)
        if name is None or name in ("--help", "--version"):
            continue
        seen += 1
        assert name in main.commands, f"README runs 'claimgraph {name}', which does not exist"
        # every option the README uses is one the command (or the group's subcommand) knows
        command, words = [name], args[args.index(name) + 1:]
        group = main.commands[name]
        if isinstance(group, click.Group) and words and words[0] in group.commands:
            command, words = [name, words[0]], words[1:]
        result = CliRunner().invoke(main, [*command, "--help"], prog_name="claimgraph")
        assert result.exit_code == 0
        for word in words:
            if word.startswith("--"):
                assert word.split("=")[0] in result.output, \
                    f"README uses 'claimgraph {' '.join(command)} {word}', unknown option"
    assert seen, "README shows no claimgraph command"


def test_docs_readme_and_ci_run_the_slow_lane():
    """The documented test command and CI run everything; plain pytest is the fast lane."""
    quick = [line for line in shell_lines(quick_start(readme())) if re.search(r"\bpytest\b", line)]
    assert quick and all("--slow" in line for line in quick), quick
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"-m pytest\b.*--slow", ci), "'.ci/run' should run pytest --slow"


def test_docs_readme_test_command_points_at_real_paths():
    for line in shell_lines(readme()):
        if "pytest" not in line:
            continue
        for word in shlex.split(line):
            if word.startswith("tests"):
                assert (ROOT / word.split("::")[0]).exists(), f"README's test command names {word}, which is missing"


# -- ontology -----------------------------------------------------------------------------------


def test_docs_every_ontology_type_is_documented():
    texts = []
    if README.exists():
        texts.append(README.read_text(encoding="utf-8"))
    if DOCS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*")) if p.suffix in (".md", ".rst", ".txt")]
    if not texts:
        pytest.skip("neither README.md nor docs/ has any text yet")
    corpus = "\n".join(texts)
    missing = [t for t in ontology_types() if not re.search(rf"\b{re.escape(t)}\b", corpus)]
    assert missing == [], f"ontology types not mentioned in README.md or docs/: {missing}"


def test_docs_ontology_files_are_named_after_their_type():
    types = ontology_types()
    assert len(types) == len(set(types))
    assert {t.lower() for t in types} == {p.stem for p in ONTOLOGY.glob("*.yaml")}


# -- the Python API ------------------------------------------------------------------------------


def test_docs_all_is_sorted_and_importable():
    assert claimgraph.__all__ == sorted(claimgraph.__all__)
    assert len(set(claimgraph.__all__)) == len(claimgraph.__all__)
    for name in claimgraph.__all__:
        assert getattr(claimgraph, name) is not None, name
