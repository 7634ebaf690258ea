"""``annotator init DIR [TEXT_FILES...]``: create a project and copy documents into it.

Every input is checked before anything is written: each document id (the
file's name without ``.txt``) follows the naming rules of the format spec
(:func:`annotator.core.project.name_problem`), each file is a regular file of
valid UTF-8, and ``--name`` (free text) is valid Unicode.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli import UsageError
from annotator.core.document import decode_text
from annotator.core.project import name_problem
from annotator.core.safe_files import read_regular_file
from annotator.io.atomic import ABSENT, atomic_write
from annotator.io.gitsync import init_repository
from annotator.io.project_file import default_project, write_project

NAME = "init"
HELP = "create a project (labels entity, gift, meeting) and copy text files into documents/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="the project folder to create")
    parser.add_argument("texts", type=Path, nargs="*", metavar="TEXT_FILES",
                        help="UTF-8 .txt files to add as documents")
    parser.add_argument("--name", help="project name (default: the folder's name)")
    parser.add_argument("--git", action="store_true",
                        help="also make the folder a git repository, for 'annotator sync' "
                        "(add a remote with 'git remote add origin URL')")


def _valid_unicode(text: str) -> bool:
    """False for text holding lone surrogates (undecodable bytes of a command-line argument)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    if (root / "project.json").exists():
        raise UsageError(f"{root} already holds a project (project.json exists)")
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} exists and is not a folder")
    # Check every input before writing anything.
    if args.name is not None and not _valid_unicode(args.name):
        raise UsageError("--name is not valid Unicode (it holds bytes that are not UTF-8)")
    documents: list[tuple[Path, bytes]] = []
    seen: set[str] = set()
    for path in args.texts:
        if path.suffix != ".txt":
            raise UsageError(f"{path}: documents must be .txt files")
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        problem = name_problem(path.stem, "document id")
        if problem:
            raise UsageError(f"{path}: {problem}")
        if path.stem in seen:
            raise UsageError(f"{path}: two documents would be named {path.stem!r}")
        seen.add(path.stem)
        data = read_regular_file(path)  # never waits on a FIFO
        decode_text(data, str(path))  # refuses invalid UTF-8 with its byte offset
        documents.append((path, data))
    project = default_project(root, args.name)
    (root / "documents").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    write_project(project, ABSENT)
    for path, data in documents:
        atomic_write(project.document_path(path.stem), data, ABSENT)
    if args.git:
        init_repository(root)
    print(f"created project {project.name!r} in {root} with {len(documents)} document(s); "
          f"labels: {', '.join(label.name for label in project.labels)}"
          + ("; a git repository (add a remote: git remote add origin URL)" if args.git else ""))
    return 0
