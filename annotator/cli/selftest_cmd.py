"""``annotator self-test``: check that this installation can annotate, save and read back.

For people who installed Annotator as a desktop app (a wheel, the one-folder
bundle, a Flatpak) and want to know it works before they start, and for the
packaging checks. It opens the real window on a private copy of the bundled
sample project, labels a word from the keyboard, saves, reads the file back
and validates it; settings and data live in a temporary folder that is
removed afterwards (``--keep`` keeps it). Offscreen when there is no display.
Qt is loaded only inside :func:`run`.
"""

from __future__ import annotations

import argparse
import os
import sys

NAME = "self-test"
HELP = ("check this installation: label a word in the sample project in the real window, "
        "save, read back and validate (offscreen without a display); exit 1 naming the step "
        "that failed")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offscreen", action="store_true",
                        help="never show the window, even on a desktop")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (project, settings) and print where")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="give up after this long (default: %(default)s)")


def choose_platform(force_offscreen: bool = False) -> str | None:
    """Make Qt draw offscreen when asked to, or when a Linux/BSD session has no display.

    Sets ``QT_QPA_PLATFORM`` (before the ``QApplication`` exists) and returns
    it; a platform the user chose is kept unless ``force_offscreen``. Windows
    and macOS always have a screen.
    """
    no_display = not os.environ.get("QT_QPA_PLATFORM") \
        and sys.platform not in ("win32", "darwin") \
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if force_offscreen or no_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ.get("QT_QPA_PLATFORM")


def run(args: argparse.Namespace) -> int:
    from annotator.cli.qtcheck import require_qt

    choose_platform(force_offscreen=args.offscreen)  # before Qt picks a platform
    require_qt(need_display=False)  # a display, or offscreen now, or Windows/macOS
    from annotator.ui.selftest import run_self_test  # lazy: the Qt import of this command

    return run_self_test(keep=args.keep, timeout_s=args.timeout)
