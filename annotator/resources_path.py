"""One way to find shipped resources, installed or in a source checkout.

The top-level ``resources/`` folder is installed as the package
``annotator.resources``. Relative names only: absolute paths and ``..`` are
refused so a resource name can never point outside the folder.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path, PurePosixPath


def resources_root() -> Path:
    spec = importlib.util.find_spec("annotator.resources")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("fonts/NotoNaskhArabic-Regular.ttf")``."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"resource names are relative and stay inside resources/: {name!r}")
    return resources_root().joinpath(*pure.parts)
