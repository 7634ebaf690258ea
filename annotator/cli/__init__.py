"""The ``annotator`` command line: headless commands, and the window on request.

Each subcommand lives in its own module under this package and is listed once
in :data:`COMMANDS`; a module provides ``NAME``, ``HELP``, ``add_arguments``
and ``run``. Nothing here imports Qt at module level: ``open`` (and running
``annotator`` with no arguments) loads :mod:`annotator.ui` only when it opens a
window, so the commands work on machines without a display or Qt libraries.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from annotator import __version__
from annotator.core.errors import AnnotatorError, PathError, Problem
from annotator.core.project import Project, name_problem
from annotator.io import project_file
from annotator.logs import setup_logging

log = logging.getLogger(__name__)

# Subcommand modules, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = (
    "open_cmd",
    "init_cmd",
    "validate_cmd",
    "agreement_cmd",
    "show_cmd",
    "export_cmd",
    "import_cmd",
    "sync_cmd",
    "assign_cmd",
    "status_cmd",
    "find_cmd",
    "suggest_cmd",
    "train_cmd",
    "selftest_cmd",
)


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


def doc_id_argument(value: str) -> str:
    """An argparse ``type`` for a document id: FORMAT.md's naming rules, checked before reading."""
    return _name_argument(value, "document id")


def annotator_argument(value: str) -> str:
    """An argparse ``type`` for an annotator name (``gold`` included)."""
    return _name_argument(value, "annotator name")


def _name_argument(value: str, what: str) -> str:
    problem = name_problem(value, what)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def flag(option: str) -> str:
    """The command-line flag of an import or export option: ``add_labels`` -> ``--add-labels``.

    The io drivers name options by their field in ``ImportOptions``/``ExportOptions``
    (a :class:`~annotator.core.errors.Problem`'s ``hint``, a summary's lines); the
    command line shows them as the flags that set them.

    >>> flag("utf16_offsets")
    '--utf16-offsets'
    """
    return "--" + option.replace("_", "-")


def problem_text(problem: Problem) -> str:
    """A problem as the command line prints it, its hint named as a flag.

    >>> problem_text(Problem("unknown-label", "add it to the labels", "x.json", hint="add_labels"))
    'x.json: add it to the labels (--add-labels) [unknown-label]'
    """
    if problem.hint is None:
        return str(problem)
    return str(replace(problem, message=f"{problem.message} ({flag(problem.hint)})"))


def open_project(path: Path, command: str) -> Project:
    """Open a project for ``command``, saying what opening it had to do first.

    That is finishing or undoing an import a killed process left half done:
    the one change a command that only reads may make to a project.
    """
    project = project_file.open_project(path)
    for notice in project.notices:
        print(f"annotator {command}: note: {notice}", file=sys.stderr)
    return project


def version_text() -> str:
    """``--version``: Annotator's, Python's, and Qt's and PySide6's (loaded only here)."""
    lines = [f"annotator {__version__}", f"Python: {sys.version.split()[0]}"]
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:  # not installed, or a system library Qt needs is missing
        missing = isinstance(exc, ModuleNotFoundError) and (exc.name or "").startswith(
            ("PySide6", "shiboken6"))
        lines.append("Qt: not installed" if missing else f"Qt: cannot be loaded ({exc})")
    else:
        lines += [f"Qt: {QtCore.qVersion()}", f"PySide6: {PySide6.__version__}"]
    return "\n".join(lines)


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the versions of Annotator, Python, Qt and PySide6 and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(version_text())
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"annotator.cli.{name}") for name in COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator",
        description="Label spans in right-to-left news articles for NLP training data. "
        "Without a command, opens the window on the bundled sample project.",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run, parser=command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status.

    0: all went well; 1: problems in the data (each printed with its file and
    position); 2: a usage mistake or a path that cannot be used; 3: an internal
    error (one line on the terminal, the traceback in the log file).
    """
    log_file = setup_logging()
    # a file name that is not UTF-8 reaches us with surrogate escapes: print it escaped
    # (like stderr does by default) instead of failing on it
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except Exception:  # a defect: say where the details are, never print a traceback
        log.exception("internal error running annotator %s",
                      " ".join(sys.argv[1:] if argv is None else argv))
        where = f"details in {log_file}" if log_file else "and the log could not be written"
        exc = sys.exc_info()[1]
        print(f"annotator: internal error ({type(exc).__name__}), {where}", file=sys.stderr)
        return 3


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    if unknown:  # say it with the subcommand's usage, not the top-level one
        (getattr(args, "parser", None) or parser).error(
            f"unrecognized arguments: {' '.join(unknown)}")
    if args.command is None:
        from annotator.cli import open_cmd

        args = parser.parse_args(["open"])
        args.run = open_cmd.run
    try:
        status: int = args.run(args)
    except UsageError as exc:
        print(f"annotator {args.command}: {exc}", file=sys.stderr)
        return 2
    except AnnotatorError as exc:
        for problem in exc.problems:
            print(f"annotator {args.command}: {problem_text(problem)}", file=sys.stderr)
        return 2 if isinstance(exc, PathError) else 1
    except BrokenPipeError:  # the reader of our output went away (| head)
        return 0
    except OSError as exc:  # an output path that cannot be made, a folder not writable...
        where = f": {exc.filename}" if exc.filename else ""
        print(f"annotator {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return status
