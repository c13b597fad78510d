"""make preview (tools/preview.py): rebuild on change, reload the page, show a failed build.

A stand-in build command writes the site, so the loop is tested without Jupyter Book.
"""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from support import ROOT

FAKE_BUILD = """
import pathlib, sys
root = pathlib.Path.cwd()
text = (root / "notebooks" / "01-kapittel.md").read_text()
if "FEIL" in text:
    print("WARNING: en bevisst feil")
    sys.exit(1)
site = root / "_build" / "html"
site.mkdir(parents=True, exist_ok=True)
(site / "index.html").write_text("<html><body><p>" + text + "</p></body></html>")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_command(root, port: int, build: str, *options) -> list:
    return [
        sys.executable,
        ROOT / "tools" / "preview.py",
        "--root",
        root,
        "--port",
        str(port),
        "--build",
        build,
        *options,
    ]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def until(predicate, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def preview(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "src").mkdir()
    (tmp_path / "notebooks" / "01-kapittel.md").write_text("første utkast")
    (tmp_path / "fake_build.py").write_text(FAKE_BUILD)
    port = free_port()
    proc = subprocess.Popen(
        preview_command(
            tmp_path, port, f"{sys.executable} {tmp_path / 'fake_build.py'}", "--interval", "0.2"
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        until(lambda: get(base + "/"))
        yield tmp_path, base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def state(base):
    return json.loads(get(base + "/__preview__"))


def test_page_gets_the_reloader(preview):
    _, base = preview
    page = get(base + "/")
    assert "første utkast" in page
    assert "make preview: reload after each rebuild" in page
    assert page.index("make preview") < page.index("</body>")
    assert state(base) == {"version": 1, "ok": True, "message": "", "warnings": []}


def test_an_edit_is_rebuilt_and_a_failure_is_shown(preview):
    root, base = preview
    chapter = root / "notebooks" / "01-kapittel.md"
    chapter.write_text("andre utkast")
    until(lambda: state(base)["version"] == 2)
    assert "andre utkast" in get(base + "/")
    chapter.write_text("FEIL")
    failed = until(lambda: (s := state(base))["ok"] is False and s)
    assert failed["version"] == 2, "a failed build does not reload the page"
    assert "en bevisst feil" in failed["message"]
    assert "andre utkast" in get(base + "/"), "the last good site stays"
    chapter.write_text("tredje utkast")
    until(lambda: state(base) == {"version": 3, "ok": True, "message": "", "warnings": []})


def test_a_typed_number_is_shown_on_the_page(preview):
    """The check of `make lint`, run after each build: the author sees it while writing."""
    root, base = preview
    chapter = root / "notebooks" / "01-kapittel.md"
    chapter.write_text("Det flyttet 36 076 personer i 2020.\n")
    shown = until(lambda: (s := state(base))["version"] == 2 and s)
    assert shown["ok"] is True
    # Exactly what the lint check says (tools/checks.py), paths relative to the book.
    lint = subprocess.run(
        [sys.executable, ROOT / "tools" / "checks.py", "typed-numbers", chapter],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 1
    assert shown["warnings"] == [line.replace(f"{root}/", "") for line in lint.stderr.splitlines()]
    assert shown["warnings"][0].startswith("notebooks/01-kapittel.md:1: ")
    assert "Tall skrevet inn i teksten" in get(base + "/")
    chapter.write_text("Det flyttet {eval}`ut_2020` personer i 2020.\n")
    until(lambda: state(base) == {"version": 3, "ok": True, "message": "", "warnings": []})


def test_a_busy_port_is_reported_in_one_line_before_building(tmp_path):
    (tmp_path / "notebooks").mkdir()
    marker = tmp_path / "built"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        proc = subprocess.run(
            preview_command(
                tmp_path, port, f"{sys.executable} -c 'import pathlib; pathlib.Path(\"{marker}\").touch()'"
            ),
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert proc.returncode == 2
    assert time.monotonic() - started < 10
    assert not marker.exists(), "nothing is built when the port is busy"
    assert proc.stderr.strip().splitlines() == [
        f"[preview] port {port} på 127.0.0.1 er opptatt (Address already in use): "
        f"velg en annen, f.eks. make preview PORT={port + 1}"
    ]


def test_make_serve_reports_a_busy_port_in_one_line(tmp_path):
    """make serve goes through the same script: one line naming the port, no traceback."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [
                "make",
                "--no-print-directory",
                "-C",
                str(ROOT),
                "-o",
                ".venv/.installed",
                "serve",
                f"PORT={port}",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert (
        f"[preview] port {port} på 127.0.0.1 er opptatt (Address already in use): "
        f"velg en annen, f.eks. make serve PORT={port + 1}"
    ) in proc.stderr.splitlines()
