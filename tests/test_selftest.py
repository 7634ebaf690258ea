"""``annotator self-test``: passes offscreen, and touches nothing of the user's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.cli.selftest_cmd import choose_platform

STEPS = ("started, platform 'offscreen'", "bundled font", "sample project copied",
         "window open on", "keyboard focus", "selected", "pressed '1'", "File > Save",
         "window closed", "read annotations/self-test/", "'annotator validate' checks pass",
         "the file holds the span entity")


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a user without a display, whose home is ``home``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ANNOTATOR_LOG_DIR")
           and not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return env


def test_self_test_passes_offscreen_and_leaves_nothing_behind(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run([sys.executable, "-m", "annotator", "self-test"], env=clean_env(home),
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8",
                          timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "Traceback" not in done.stderr
    for step in STEPS:  # each step printed, in order
        assert step in done.stdout, (step, done.stdout)
    positions = [done.stdout.index(step) for step in STEPS]
    assert positions == sorted(positions), done.stdout
    # the private folder is gone; the user's home got the log and nothing else
    folder = re.search(r"working in (\S+)\)", done.stdout)
    assert folder is not None and not Path(folder.group(1)).exists()
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert left == [".local/share/annotator/logs/annotator.log"], left


def test_keep_keeps_the_project_with_the_saved_file(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", "self-test", "--keep"],
                          env=clean_env(tmp_path), capture_output=True, text=True,
                          encoding="utf-8", timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    kept = re.search(r"^kept (.+)$", done.stdout, re.MULTILINE)
    assert kept is not None, done.stdout
    try:
        saved = list(Path(kept.group(1)).glob("data/annotator/sample-project/annotations/"
                                              "self-test/*.json"))
        assert len(saved) == 1
        assert main(["validate", str(saved[0])]) == 0
    finally:
        shutil.rmtree(kept.group(1), ignore_errors=True)


@pytest.mark.parametrize(("patch", "step", "reason", "timeout"), [
    ("s.VIEW_NAME = 'no-such-view'", "open the window", "the window has no article view", 60),
    ("s.SAVE_ACTION = 'file.nothing'", "save", "the window has no action 'file.nothing'", 60),
    ("s._WindowDriver._steps = lambda self: QMessageBox.information(None, 'Odd', 'Hello')",
     "open the window", "timed out; a dialog was open: 'Odd' saying 'Hello'", 3),
])
def test_a_failure_names_its_step(patch: str, step: str, reason: str, timeout: int,
                                  tmp_path: Path) -> None:
    code = ("import annotator.ui.selftest as s\n"
            "from PySide6.QtWidgets import QMessageBox\n"
            f"{patch}\n"
            "from annotator.cli import main\n"
            f"raise SystemExit(main(['self-test', '--timeout', '{timeout}']))")
    done = subprocess.run([sys.executable, "-c", code], env=clean_env(tmp_path),
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"self-test FAILED at step '{step}': {reason}" in done.stdout, done.stdout
    assert "self-test passed" not in done.stdout
    assert f"failed at step '{step}'" in done.stderr


def test_choose_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    expected = None if sys.platform in ("win32", "darwin") else "offscreen"
    assert choose_platform() == expected
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # the user's choice is kept...
    assert choose_platform() == "xcb"
    assert choose_platform(force_offscreen=True) == "offscreen"  # ...unless told
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop: the window shows
    assert choose_platform() is None


def test_qt_positions_of_code_point_offsets() -> None:
    from annotator.ui.selftest import qt_position

    text = "\ufeffكيم 🤝\r\nبوتين"
    assert qt_position(text, text.index("بوتين")) == len("كيم ") + 2 + 1
    assert qt_position("أنهى الزعيم", 4) == 4
