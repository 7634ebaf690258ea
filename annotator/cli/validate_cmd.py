"""``annotator validate PATH``: check a project folder or one annotation file, change nothing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from annotator.cli import UsageError
from annotator.core.errors import AnnotatorError, MissingPathError, Problem
from annotator.core.project import GOLD, Project, name_problem
from annotator.io.project_file import open_project
from annotator.io.standoff import parse_annotations

NAME = "validate"
HELP = "check a project or an annotation file against the format; exit 1 if anything is wrong"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="a project folder or one annotation .json file")
    parser.add_argument("--json", action="store_true",
                        help='print {"ok": bool, "problems": '
                        '[{"file", "code", "message", "span"}]}')


def run(args: argparse.Namespace) -> int:
    path: Path = args.path
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if path.is_dir():
        problems, checked = validate_project(path)
    else:
        problems, checked = validate_file(path), 1
    if args.json:
        print(json.dumps({"ok": not problems, "problems": [p.to_json() for p in problems]},
                         ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
        verdict = "valid" if not problems else f"{len(problems)} problem(s)"
        print(f"{checked} annotation file(s) checked: {verdict}")
    return 1 if problems else 0


def _project_of(annotation_file: Path) -> tuple[Path, str] | None:
    """The project root and annotator implied by an annotation file's place, if any."""
    parent = annotation_file.resolve().parent
    if parent.name == GOLD and (parent.parent / "documents").is_dir():
        return parent.parent, GOLD
    if parent.parent.name == "annotations" and (parent.parent.parent / "documents").is_dir():
        return parent.parent.parent, parent.name
    return None


def validate_file(path: Path, project: Project | None = None,
                  annotator: str | None = None) -> list[Problem]:
    """Problems of one annotation file, checked against its project's document and labels."""
    if project is None:
        place = _project_of(path)
        if place is None:
            return [Problem("missing-document", "cannot tell which project this file belongs to: "
                            "it must live in <project>/annotations/<annotator>/ or "
                            "<project>/gold/", file=str(path))]
        try:
            project = open_project(place[0])
        except AnnotatorError as exc:
            return list(exc.problems)
        annotator = place[1]
    doc_id = path.stem
    try:
        document = project.load_document(doc_id)
    except AnnotatorError as exc:
        if exc.problem.code == "missing-document":
            return [Problem("missing-document", f"annotates document {doc_id!r}, but "
                            f"{project.document_path(doc_id)} does not exist", file=str(path))]
        return list(exc.problems)
    try:
        data = path.read_bytes()
        result = parse_annotations(data, document.text, source=str(path), doc_id=doc_id,
                                   annotator=annotator, labels=project.label_names)
    except AnnotatorError as exc:
        return list(exc.problems)
    return result.problems


def validate_project(root: Path) -> tuple[list[Problem], int]:
    try:
        project = open_project(root)
    except MissingPathError:
        raise
    except AnnotatorError as exc:
        return list(exc.problems), 0
    problems: list[Problem] = []
    unreadable: set[str] = set()  # documents reported once, not again for each annotator
    for doc_path in sorted(project.documents_dir.glob("*.txt")):
        try:
            project.load_document(doc_path.stem)
        except AnnotatorError as exc:
            problems.extend(exc.problems)
            unreadable.add(doc_path.stem)
    files: list[tuple[Path, str]] = []
    if project.annotations_dir.is_dir():
        for folder in sorted(p for p in project.annotations_dir.iterdir() if p.is_dir()):
            bad_name = name_problem(folder.name, "annotator name")
            if bad_name:
                problems.append(Problem("bad-name", bad_name, file=str(folder)))
                continue
            files += [(f, folder.name) for f in sorted(folder.glob("*.json"))]
    if project.gold_dir.is_dir():
        files += [(f, GOLD) for f in sorted(project.gold_dir.glob("*.json"))]
    for file, annotator in files:
        if file.stem not in unreadable:
            problems.extend(validate_file(file, project, annotator))
    return problems, len(files)
