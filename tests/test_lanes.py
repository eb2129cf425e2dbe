"""The two test lanes of tests/conftest.py, run on a tiny suite in a subprocess: plain pytest
leaves the slow tests out (and says so), ``--slow`` runs them, and a browser test that cannot
run skips on a laptop but fails in CI or with ``--slow``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")

FAST = "def test_fast():\n    assert True\n"
SLOW = "import pytest\n\n\n@pytest.mark.slow\ndef test_slow():\n    assert True\n"
NO_BROWSER = ("import pytest\n\npytest.skip('no browser here', allow_module_level=True)\n\n\n"
              "def test_page(page):\n    pass\n")


def suite(tmp_path: Path) -> Path:
    tests = tmp_path / "tests"
    (tests / "browser").mkdir(parents=True)
    shutil.copyfile(CONFTEST, tests / "conftest.py")
    (tests / "test_fast.py").write_text(FAST)
    (tests / "test_slow.py").write_text(SLOW)
    (tests / "browser" / "test_page.py").write_text(NO_BROWSER)
    (tmp_path / "pytest.ini").write_text("[pytest]\nmarkers =\n    slow: slow\n")
    return tmp_path


def pytest_in(root: Path, *args: str, ci: bool = False) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "1"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=root,
                          env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout.splitlines()[-1] if done.stdout else done.stderr


@pytest.mark.slow  # three pytest subprocesses
def test_plain_pytest_is_the_fast_lane_and_slow_runs_everything_browser_tests_included(tmp_path):
    root = suite(tmp_path)
    code, summary = pytest_in(root)
    assert code == 0, summary
    assert re.search(r"1 passed, 1 skipped, 1 deselected", summary), summary
    code, summary = pytest_in(root, "--slow")
    assert code == 1, summary  # the browser module cannot run, and --slow does not let it skip
    assert re.search(r"1 failed, 2 passed", summary), summary
    code, summary = pytest_in(root, ci=True)  # CI without --slow: the same failure
    assert code == 1 and re.search(r"1 failed, 1 passed, 1 deselected", summary), summary
