"""``claimgraph serve`` and ``demo`` meet their port (issue 11): the banner comes only once
the port is bound (a browser opened on it gets an answer), a busy port is one clear line
and a non-zero exit, and ``demo --port`` serves where it is told."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from claimgraph.cli import main  # noqa: E402

SRC = str(Path(__file__).resolve().parents[1] / "src")
BANNER = re.compile(r"claimgraph on (http://127\.0\.0\.1:(\d+)/)")


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args], env={"CLAIMGRAPH_DB": None})


@pytest.fixture()
def busy_port():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        yield taken.getsockname()[1]


def test_busy_port_is_one_clear_line_and_no_banner(tmp_path, busy_port):
    result = run(tmp_path / "busy.db", "serve", "--port", str(busy_port))
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert f"port {busy_port}" in lines[0] and "already in use" in lines[0] and "--port" in lines[0]
    assert "claimgraph on" not in result.output and "Traceback" not in result.output


def test_demo_port_option_is_checked(tmp_path):
    result = run(tmp_path / "demo.db", "demo", "--port", "70000")
    assert result.exit_code != 0 and "70000" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_serve_banner_comes_once_the_port_answers(tmp_path):
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("CLAIMGRAPH_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "--db", str(tmp_path / "s.db"), "serve",
                             "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        seen = ""
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen += line
            found = BANNER.search(seen)
            if found:
                break
        assert found, seen
        # the port is ours the moment the banner shows: a request is answered, not refused
        response = httpx.get(found.group(1) + "api/health", timeout=30)
        assert response.status_code == 200 and response.json()["status"] == "ok"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
