"""Command line: python -m helpers {check,tidy,import-shared,refresh,verify,build}."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _cmd_check(args) -> int:
    from helpers.store.validation import check_package

    problems = check_package(Path(args.data) if args.data else None)
    for p in problems:
        print(f"FEIL: {p}", file=sys.stderr)
    if problems:
        return 1
    print("Datapakken er gyldig.")
    return 0


def _cmd_tidy(args) -> int:
    from helpers.statbank.jsonstat import JsonStatError, load_file
    from helpers.store.package import number_text

    try:
        frame = load_file(args.file)
    except JsonStatError as exc:
        print(f"FEIL: {exc}", file=sys.stderr)
        return 1
    # A missing cell stays an empty value with its status symbol beside it, never 0.
    frame["value"] = [number_text(v) for v in frame["value"]]
    try:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    except BrokenPipeError:  # `| head` closed the pipe; not an error of ours
        sys.stdout = open(os.devnull, "w")
    return 0


def _cmd_import_shared(args) -> int:
    from helpers.catalog.sources import rettigheter
    from helpers.store.package import SnapshotError
    from helpers.store.paths import data_dir
    from helpers.store.shared import import_shared

    target = Path(args.data) if args.data else data_dir()
    try:
        written = import_shared(Path(args.source), target, rettigheter)
    except (SnapshotError, KeyError) as exc:  # KeyError: a publisher the source catalog lacks
        print(f"FEIL: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 1
    print(f"Skrev {len(written)} filer til {target}")
    return 0


def _cmd_refresh(args) -> int:
    if args.book:
        from helpers.site.tekster import refresh_with_book

        return refresh_with_book(args, Path(args.book))
    from helpers.statbank.command import main as refresh_main

    return refresh_main(args)


def _cmd_verify(args) -> int:
    from helpers.statbank.verify import main as verify_main

    return verify_main(args)


def _cmd_build(args) -> int:
    from helpers.build import build

    return build(Path(args.root))


STALL_HELP = (
    "sekunder et svar kan stå stille (under 1 kB) før det gis opp (standard 30; miljø: SSB_STALL_SECONDS)"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    parser.add_argument("--data", help="mappen med datapackage.json (standard: data/ i repoet)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="valider datapakken").set_defaults(func=_cmd_check)
    tidy = sub.add_parser("tidy", help="JSON-stat2-fil -> ryddig CSV på stdout")
    tidy.add_argument("file")
    tidy.set_defaults(func=_cmd_tidy)
    imp = sub.add_parser(
        "import-shared", help="kopier publiserte verdier (CSV med source_url og note) inn i datapakken"
    )
    imp.add_argument("source", help="mappen med CSV-filene, f.eks. ../shared/data eller en mappe i repoet")
    imp.set_defaults(func=_cmd_import_shared)
    ref = sub.add_parser("refresh", help="hent alle datasett fra SSBs statistikkbank og bytt ut atomisk")
    ref.add_argument(
        "--max-retries", type=int, help="nye forsøk per forespørsel (standard 4; miljø: SSB_MAX_RETRIES)"
    )
    ref.add_argument(
        "--backoff", type=float, help="første ventetid i sekunder, dobles per forsøk (miljø: SSB_BACKOFF)"
    )
    ref.add_argument(
        "--timeout", type=float, help="sekunder uten svar før et forsøk gis opp (miljø: SSB_TIMEOUT)"
    )
    ref.add_argument("--stall-seconds", type=float, help=STALL_HELP)
    ref.add_argument(
        "--book",
        nargs="?",
        const=".",
        help="bygg boka før og etter, og skriv hvilke setninger som endret seg i endringsloggen",
    )
    ref.set_defaults(func=_cmd_refresh)
    ver = sub.add_parser("verify", help="kontroller deklarerte SSB-tabeller mot metadata (henter ikke data)")
    ver.add_argument("--report", help="skriv rapporten også til denne filen")
    ver.add_argument("--stall-seconds", type=float, help=STALL_HELP)
    ver.set_defaults(func=_cmd_verify)
    bld = sub.add_parser("build", help="bygg boka strengt (advarsler og cellefeil stopper bygget)")
    bld.add_argument("root", nargs="?", default=".")
    bld.set_defaults(func=_cmd_build)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
