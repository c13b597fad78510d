"""Pre-flight for `make book` and `make test`: find what they need outside Python's own
packages, install it where that is safe (Debian, as root, as .ci/run runs), or stop within
seconds with the exact command to run.

    python3 tools/preflight.py book     a Python >= 3.11 that can make a virtual environment
    python3 tools/preflight.py test     that, plus Debian's chromium and npm (axe-core)

Runs with the system's Python before .venv exists, so it uses the standard library only.
--no-install (or PREFLIGHT_INSTALL=0) reports what is missing without installing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_PYTHON = (3, 11)


def python_problem(root: Path) -> tuple[str, str] | None:
    """(what is missing, Debian package) for the interpreter running this script, or None."""
    if sys.version_info < MIN_PYTHON:
        found = ".".join(map(str, sys.version_info[:3]))
        return f"Python {found} is too old (3.11 or newer)", "python3"
    if (root / ".venv" / "bin" / "python").exists():
        return None
    try:
        import ensurepip  # noqa: F401 (Debian ships venv without it in a separate package)
        import venv  # noqa: F401
    except ImportError:
        return f"{sys.executable} cannot make a virtual environment", "python3-venv"
    return None


def chromium() -> str | None:
    """The browser the tests drive: $CHROMIUM, else `chromium` on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted if os.access(wanted, os.X_OK) else None
    return shutil.which("chromium")


def node_modules_current(root: Path) -> bool:
    stamp = root / "node_modules" / ".package-lock.json"
    lock = root / "package-lock.json"
    return stamp.is_file() and lock.is_file() and stamp.stat().st_mtime >= lock.stat().st_mtime


def missing(target: str, root: Path) -> list[tuple[str, str]]:
    """(what, Debian package) for each thing the target needs and this machine lacks."""
    found = []
    problem = python_problem(root)
    if problem:
        found.append(problem)
    if target == "test":
        if chromium() is None:
            where = os.environ.get("CHROMIUM") or "chromium on PATH"
            found.append((f"no browser for the browser tests ({where})", "chromium"))
        if not node_modules_current(root) and shutil.which("npm") is None:
            found.append(("npm, to install axe-core for the accessibility tests", "npm"))
    return found


def install_command(packages: list[str]) -> list[str]:
    return ["apt-get", "install", "-y", "--no-install-recommends", *packages]


def may_install() -> bool:
    return (
        os.environ.get("PREFLIGHT_INSTALL", "1") != "0"
        and hasattr(os, "geteuid")
        and os.geteuid() == 0
        and shutil.which("apt-get") is not None
    )


def advice(packages: list[str]) -> str:
    if shutil.which("apt-get") is None:
        return (
            f"install {', '.join(packages)} with this system's package manager, then run it again "
            "(a browser elsewhere: make test CHROMIUM=/path/to/chromium; "
            "another Python: make PYTHON=/path/to/python3.11)"
        )
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"run: {sudo}apt-get update && {sudo}{' '.join(install_command(packages))}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=("book", "test"))
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--no-install", action="store_true", help="report what is missing, install nothing")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    lacking = missing(args.target, root)
    if not lacking:
        print(f"[preflight] {args.target}: everything needed is here", flush=True)
        return 0
    packages = sorted({package for _, package in lacking})
    for what, _ in lacking:
        print(f"[preflight] missing: {what}", file=sys.stderr, flush=True)
    if args.no_install or not may_install():
        print(f"[preflight] {advice(packages)}", file=sys.stderr)
        return 1

    print(f"[preflight] installing Debian's {' '.join(packages)} (root, apt-get)", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], install_command(packages)):
        if subprocess.run(command, env=env).returncode != 0:
            print(f"[preflight] `{' '.join(command)}` failed; {advice(packages)}", file=sys.stderr)
            return 1
    still = missing(args.target, root)
    if still:
        for what, _ in still:
            print(f"[preflight] still missing after apt-get: {what}", file=sys.stderr)
        return 1
    print("[preflight] installed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
