"""``annotator sync PROJECT --annotator NAME``: send your work through git, receive the team's.

A thin layer over :func:`annotator.io.gitsync.sync`: exit 0 when all went
well, 1 when a file was changed here and on the remote (the remote's version
stays, yours is kept beside it and listed), 2 when sync could not start (no
repository, no remote, a detached head, someone else's changed file...).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import UsageError, annotator_argument, open_project
from annotator.io.gitsync import sync

NAME = "sync"
HELP = "commit your annotation files, fetch and rebase onto the team's remote, push (git)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder (a git work tree)")
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--annotator", type=annotator_argument, metavar="NAME",
                     help="whose files to send: annotations/NAME/ (and gold/ for the "
                     "project's adjudicator)")
    who.add_argument("--coordinator", action="store_true",
                     help="send project.json, documents/ and the guidelines instead")
    parser.add_argument("--message", "-m", help="the commit message")
    parser.add_argument("--json", action="store_true",
                        help='print {"sent": N, "received": M, "conflicts": [...]}')


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    project = open_project(args.project, NAME)
    report = sync(project, None if args.coordinator else args.annotator, args.message)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"sent {len(report.sent)} file(s), received {len(report.received)} file(s)")
        for copy in report.conflicts:
            print(f"conflict: changed here and on the remote; the remote's version stays, "
                  f"yours is kept in {copy} (open the document to keep mine or take theirs)",
                  file=sys.stderr)
    return 1 if report.conflicts else 0
