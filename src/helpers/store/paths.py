"""Where the data package lives.

On Binder the package is installed non-editable, so `__file__` points into
site-packages and says nothing about the repository. We therefore look for the
data package from the working directory upwards first (notebooks run from inside
the repository), then next to the source tree, and let an environment variable win.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "OSLO_FLYTTING_DATA"
MARKER = "datapackage.json"


class DataNotFound(FileNotFoundError):
    pass


def data_dir(start: Path | None = None) -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser().resolve()
        if not (path / MARKER).is_file():
            raise DataNotFound(f"{ENV_VAR}={override}: fant ingen {MARKER} der")
        return path
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / MARKER).is_file():
            return folder / "data"
    source_root = Path(__file__).resolve().parents[2]
    if (source_root / "data" / MARKER).is_file():
        return source_root / "data"
    raise DataNotFound(
        f"Fant ikke data/{MARKER} fra {here} eller oppover. Kjør fra repoet, "
        f"eller sett {ENV_VAR} til mappen med datapakken."
    )


def repo_root() -> Path:
    return data_dir().parent
