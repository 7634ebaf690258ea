"""The one guard every output path of every command goes through.

An output (an export folder, an HTML report, a trained model) is never:

- inside a project's data: a ``documents/``, ``annotations/``, ``gold/`` or
  ``suggestions/`` folder of any project, its ``project.json``, or the
  project folder itself (found by walking up from the path, so another
  project's data is safe too);
- an existing file, unless the caller passes ``overwrite`` (and then it is
  replaced atomically, see :func:`check_output_file`);
- a non-empty folder that an earlier export did not make: export folders
  carry a small marker file, :data:`EXPORT_MARKER`, and only those are
  replaced with ``overwrite``; anything else is refused, so a folder holding
  a thesis is never emptied.

Every refusal is an :class:`~annotator.core.errors.OutputRefusedError`
(the command line exits 2) and nothing is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Final

from annotator.core.errors import OutputRefusedError, Problem
from annotator.core.project import PROJECT_FILE
from annotator.io.atomic import ABSENT

DATA_FOLDERS: Final = ("documents", "annotations", "gold", "suggestions")
EXPORT_MARKER: Final = ".annotator-export"
MARKER_FORMAT: Final = "annotator/export-folder"


def _refuse(path: Path, message: str, hint: str | None = None) -> OutputRefusedError:
    return OutputRefusedError(Problem("bad-output", f"{message}; nothing was written",
                                      file=str(path), hint=hint))


def _is_project(folder: Path) -> bool:
    return (folder / PROJECT_FILE).is_file() or (folder / "documents").is_dir()


def project_data_reason(path: Path) -> str | None:
    """Why ``path`` would overwrite a project's data, or None when it would not."""
    target = Path(os.path.realpath(path))
    if target.name == PROJECT_FILE and _is_project(target.parent):
        return "is a project's project.json"
    if target.is_dir() and _is_project(target) and (target / PROJECT_FILE).is_file():
        return "is a project folder"
    for folder in target.parents:
        for data in DATA_FOLDERS:
            inside = folder / data
            if (target == inside or target.is_relative_to(inside)) and _is_project(folder):
                return f"lies in the {data}/ folder of the project {folder}"
    return None


def check_output_file(path: Path, overwrite: bool) -> str | None:
    """Refuse an output file path; returns the ``expected`` fingerprint for ``atomic_write``.

    :data:`ABSENT` (the file must still not exist when it is written) or, with
    ``overwrite``, None.
    """
    reason = project_data_reason(path)
    if reason:
        raise _refuse(path, f"the output {reason}")
    if path.is_dir():
        raise _refuse(path, "the output is a folder, not a file")
    if path.exists() or path.is_symlink():
        if not overwrite:
            raise _refuse(path, "the output file exists and is replaced only when overwriting "
                          "is allowed", hint="overwrite")
        if not path.is_file():
            raise _refuse(path, "the output exists and is not a regular file")
        return None
    return ABSENT


def check_output_folder(path: Path, overwrite: bool, project_root: Path | None = None) -> None:
    """Refuse an output folder that is project data, holds the project, or is not ours."""
    reason = project_data_reason(path)
    if reason:
        raise _refuse(path, f"the output folder {reason}")
    target = Path(os.path.realpath(path))
    if project_root is not None:
        root = Path(os.path.realpath(project_root))
        if target == root or root.is_relative_to(target):
            raise _refuse(path, "the output folder holds the project; choose another folder")
    if path.is_symlink() or (target.exists() and not target.is_dir()):
        raise _refuse(path, "exists and is not a folder")
    if not target.is_dir() or not any(target.iterdir()):
        return
    if not (target / EXPORT_MARKER).is_file():
        raise _refuse(path, f"the output folder is not empty and was not made by 'annotator "
                      f"export' (it has no {EXPORT_MARKER} file), so it is never replaced: "
                      "choose an empty or new folder")
    if not overwrite:
        raise _refuse(path, "the output folder holds an earlier export, which is replaced only "
                      "when overwriting is allowed", hint="overwrite")


def marker_bytes(options: dict[str, Any]) -> bytes:
    """The export folder's marker: what made it, from the options alone (deterministic)."""
    value = {"format": MARKER_FORMAT, **dict(sorted(options.items()))}
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
