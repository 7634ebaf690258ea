"""``./run.sh``: the command line it hands to ``annotator``, with the set-up stubbed out.

The script is copied into a temporary folder beside a stub ``scripts/bootstrap.sh``
(no library check, no venv) and a stub ``.venv/bin/annotator`` that prints its
arguments, one a line, so each case reads exactly what would have run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
STUB_BOOTSTRAP = "OFFSCREEN_LIBS=; X11_LIBS=\ncheck_libs() { :; }\nensure_venv() { :; }\n"
STUB_ANNOTATOR = '#!/usr/bin/env bash\nfor arg in "$@"; do printf "%s\\n" "$arg"; done\n'


@pytest.fixture
def script(tmp_path: Path) -> Path:
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    shutil.copy(ROOT / "run.sh", tmp_path / "run.sh")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "bootstrap.sh").write_text(STUB_BOOTSTRAP)
    stub = tmp_path / ".venv" / "bin" / "annotator"
    stub.parent.mkdir(parents=True)
    stub.write_text(STUB_ANNOTATOR)
    stub.chmod(0o755)
    return tmp_path / "run.sh"


def command_line(script: Path, *args: str,
                 display: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(["bash", str(script), *args], cwd=script.parent, env=env,
                          capture_output=True, text=True, timeout=30, check=False)


@pytest.mark.parametrize(("given", "passed"), [
    ((), []),
    (("--annotator", "tester"), ["open", "--annotator", "tester"]),
    (("--annotator=tester", "--doc", "d1"), ["open", "--annotator=tester", "--doc", "d1"]),
    (("--doc", "d1"), ["open", "--doc", "d1"]),
    (("--lang", "ar"), ["open", "--lang", "ar"]),
    (("open", "proj", "--annotator", "amal"), ["open", "proj", "--annotator", "amal"]),
    (("validate", "proj"), ["validate", "proj"]),
    (("--help",), ["--help"]),
])
def test_arguments_reach_annotator_as_a_valid_command(script: Path, given: tuple[str, ...],
                                                      passed: list[str]) -> None:
    result = command_line(script, *given)
    assert result.returncode == 0, result.stderr
    received = result.stdout.splitlines()
    assert received == passed
    if passed and passed != ["--help"]:  # what annotator receives, it accepts
        args, unknown = build_parser().parse_known_args(received)
        assert unknown == [] and args.command == received[0]


@pytest.mark.parametrize("given", [(), ("--annotator", "tester"), ("open",)])
def test_the_window_without_a_display_stops_with_the_way_out(script: Path,
                                                             given: tuple[str, ...]) -> None:
    result = command_line(script, *given, display=False)
    assert result.returncode == 1 and result.stdout == ""
    assert "xvfb-run -a ./run.sh" in result.stderr


def test_commands_without_a_window_need_no_display(script: Path) -> None:
    result = command_line(script, "validate", "proj", display=False)
    assert result.returncode == 0 and result.stdout.splitlines() == ["validate", "proj"]


def test_readme_first_command_is_run_sh_alone() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "./run.sh     # open the app on the bundled sample project" in readme
