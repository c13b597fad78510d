"""tools/preflight.py: on a machine without the browser or npm, `make test` stops within
seconds with the command to run, instead of failing after the whole build."""

import os
import shutil
import subprocess
import sys
import time

from support import ROOT

PREFLIGHT = ROOT / "tools" / "preflight.py"
AS_ROOT = os.geteuid() == 0


def bare_path(tmp_path, *tools):
    """A PATH holding only Python and the given tools: no chromium, no npm."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    for tool in tools:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    return bin_dir


def stub(bin_dir, name, log):
    """An executable that records its arguments and succeeds without doing anything."""
    path = bin_dir / name
    path.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n')
    path.chmod(0o755)
    return path


def fresh_root(tmp_path):
    """A project folder whose node_modules is not installed yet."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / name, root / name)
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "python").symlink_to(sys.executable)
    return root


def run(args, path, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("CHROMIUM", "PREFLIGHT_INSTALL")}
    started = time.monotonic()
    proc = subprocess.run(
        args, env={**clean, "PATH": str(path), **env}, capture_output=True, text=True, timeout=60
    )
    return proc, time.monotonic() - started


def test_missing_browser_and_npm_stop_within_seconds_with_the_command(tmp_path):
    path = bare_path(tmp_path)
    proc, took = run(
        [sys.executable, PREFLIGHT, "test", "--root", fresh_root(tmp_path), "--no-install"], path
    )
    assert proc.returncode == 1
    assert took < 10
    assert "missing: no browser" in proc.stderr and "missing: npm" in proc.stderr
    # No apt-get on this PATH: the advice names the packages and the overrides.
    assert "install chromium, npm with this system's package manager" in proc.stderr
    assert "CHROMIUM=" in proc.stderr and "PYTHON=" in proc.stderr


def test_advice_is_the_apt_get_command_on_debian(tmp_path):
    path = bare_path(tmp_path)
    stub(path, "apt-get", tmp_path / "apt.log")
    proc, _ = run([sys.executable, PREFLIGHT, "test", "--root", fresh_root(tmp_path), "--no-install"], path)
    sudo = "" if AS_ROOT else "sudo "
    assert proc.returncode == 1
    assert (
        f"run: {sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends chromium npm"
        in proc.stderr
    )
    assert not (tmp_path / "apt.log").exists()


def test_as_root_on_debian_it_installs_then_checks_again(tmp_path):
    path = bare_path(tmp_path)
    log = tmp_path / "apt.log"
    stub(path, "apt-get", log)
    proc, _ = run([sys.executable, PREFLIGHT, "test", "--root", fresh_root(tmp_path)], path)
    # The stub installs nothing, so what is missing is still reported, with a non-zero exit.
    assert proc.returncode == 1
    if AS_ROOT:
        assert log.read_text().splitlines() == [
            "apt-get update",
            "apt-get install -y --no-install-recommends chromium npm",
        ]
        assert "still missing after apt-get: no browser" in proc.stderr
    else:
        assert not log.exists() and "sudo apt-get install" in proc.stderr


def test_everything_present_passes(tmp_path):
    path = bare_path(tmp_path)
    browser = stub(path, "my-chromium", tmp_path / "unused.log")
    root = fresh_root(tmp_path)
    (root / "node_modules").mkdir()
    (root / "node_modules" / ".package-lock.json").write_text("{}")
    proc, _ = run([sys.executable, PREFLIGHT, "test", "--root", root], path, CHROMIUM=str(browser))
    assert proc.returncode == 0, proc.stderr
    assert "everything needed is here" in proc.stdout


def test_make_test_runs_the_preflight_before_building(tmp_path):
    path = bare_path(tmp_path, "make")
    proc, took = run(["make", "-C", ROOT, "test", "PREFLIGHT_INSTALL=0"], path)
    assert proc.returncode != 0
    assert took < 20
    assert "[preflight] missing: no browser for the browser tests (chromium on PATH)" in proc.stderr
    assert "jupyter-book" not in proc.stdout + proc.stderr and "helpers build" not in proc.stdout


def test_make_passes_chromium_to_the_tests():
    dry = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            ROOT,
            "-n",
            "--always-make",
            "test",
            "CHROMIUM=/opt/elsewhere/chromium",
        ],
        capture_output=True,
        text=True,
    )
    assert dry.stdout.splitlines()[0].endswith("tools/preflight.py test")
    probe = subprocess.run(
        ["make", "-C", ROOT, "-s", "--eval=probe: ; @echo $$CHROMIUM", "probe", "CHROMIUM=/opt/x/chromium"],
        capture_output=True,
        text=True,
    )
    assert probe.stdout.strip() == "/opt/x/chromium"
