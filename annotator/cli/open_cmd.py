"""``annotator open PROJECT``: the window. Qt is imported only inside :func:`run`."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli import annotator_argument, doc_id_argument

NAME = "open"
HELP = "open the annotation window on a project (default: the bundled sample project)"
# the interface languages (annotator.ui.settings.LANGUAGES, which needs Qt to import)
LANGUAGES = ("ar", "en")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, nargs="?",
                        help="project folder (default: the sample project)")
    parser.add_argument("--annotator", type=annotator_argument,
                        help="your name (remembered after the first time)")
    parser.add_argument("--doc", metavar="DOC_ID", type=doc_id_argument,
                        help="document to open first")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="language of the interface for this run (default: the one chosen "
                        "in View > Language, else the system's)")


def run(args: argparse.Namespace) -> int:
    from annotator.cli.qtcheck import require_qt

    require_qt()
    from annotator.ui.app import run_app  # lazy: the only Qt import of the command line

    return run_app(args.project, annotator=args.annotator, doc_id=args.doc, language=args.lang)
