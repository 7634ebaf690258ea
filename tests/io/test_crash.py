"""kill -9 at random moments: every file stays whole, the project is either before or after.

Real processes (``python -m annotator import|export`` and the save-race worker)
are killed at random times drawn from a fixed seed, then the project is
opened again (which finishes or undoes an interrupted import) and compared
with its state before and with a reference run that was not killed.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotator.io.project_file import open_project
from annotator.io.standoff import parse_annotations

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 60
KILLS = 6  # per kind of process: a few seconds in all


def state(root: Path) -> dict[str, object]:
    """Every file of the project; annotation files without their save time."""
    files: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        data = path.read_bytes()
        if path.suffix == ".json" and relative.parts[0] in ("annotations", "gold"):
            value = json.loads(data)  # a torn file fails here
            value.pop("modified", None)
            files[str(relative)] = value
        else:
            files[str(relative)] = data
    return files


def make_project(root: Path) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "existing.txt").write_text("قمة في موسكو\n", encoding="utf-8")
    source = root.parent / "source.jsonl"
    with open(source, "w", encoding="utf-8") as out:
        for n in range(DOCUMENTS):
            text = f"وصل الزعيم {n} إلى موسكو وأهدى بندقية 🎁 للرئيس\r\n"
            out.write(json.dumps({"id": f"doc-{n:03d}", "text": text, "annotator": "bot",
                                  "status": "done", "spans": [
                                      {"start": 0, "end": 3, "label": "meeting", "text": "وصل"},
                                      {"start": 16, "end": 21, "label": "entity",
                                       "text": text[16:21]}]}, ensure_ascii=False) + "\n")
    return source


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)


def killed_at(args: list[str], seconds: float) -> None:
    process = subprocess.Popen([sys.executable, "-m", "annotator", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def timed(args: list[str]) -> float:
    began = time.monotonic()
    done = run(args)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - began


def test_killed_imports_leave_the_project_before_or_after(tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    source = make_project(pristine)
    reference = tmp_path / "reference"
    shutil.copytree(pristine, reference)
    duration = timed(["import", str(reference), "--format", "jsonl", str(source)])
    before, after = state(pristine), state(reference)
    assert len(after) == len(before) + 2 * DOCUMENTS
    rng = random.Random(8)
    outcomes = []
    for n in range(KILLS):
        project = tmp_path / f"try-{n}"
        shutil.copytree(pristine, project)
        killed_at(["import", str(project), "--format", "jsonl", str(source)],
                  rng.uniform(0.3, 1.1) * duration)
        reopened = open_project(project)  # finishes or undoes what the kill interrupted
        now = state(project)
        assert now in (before, after), f"kill {n}: a half-done import"
        recovered = " (recovered)" if reopened.notices else ""
        outcomes.append(("after" if now == after else "before") + recovered)
        assert not [p for p in project.iterdir() if p.name.startswith(".annotator")]
    print(f"\nkilled imports: {outcomes}")


def test_killed_exports_leave_no_output_or_a_whole_one(tmp_path: Path) -> None:
    project = tmp_path / "p"
    source = make_project(project)
    assert run(["import", str(project), "--format", "jsonl", str(source)]).returncode == 0
    reference = tmp_path / "reference"
    duration = timed(["export", str(project), "--format", "conll", "--annotator", "bot",
                      "--out", str(reference)])
    expected = {str(p.relative_to(reference)): p.read_bytes() for p in reference.rglob("*")
                if p.is_file()}
    project_before = state(project)
    rng = random.Random(5)
    for n in range(KILLS):
        out = tmp_path / f"out-{n}"
        killed_at(["export", str(project), "--format", "conll", "--annotator", "bot",
                   "--out", str(out)], rng.uniform(0.3, 1.1) * duration)
        if out.exists():
            assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*")
                    if p.is_file()} == expected
    assert state(project) == project_before


def test_killed_saves_leave_a_whole_file(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "race.txt").write_text("ب" * 5000, encoding="utf-8")
    path = tmp_path / "annotations" / "racer" / "race.json"
    rng = random.Random(3)
    for _ in range(KILLS):
        process = subprocess.Popen([sys.executable, "-m", "tests.io.race_worker", str(tmp_path),
                                    "race", "entity", "400"], cwd=ROOT, stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if path.exists():
            text = (tmp_path / "documents" / "race.txt").read_text(encoding="utf-8")
            result = parse_annotations(path.read_bytes(), text, source=str(path))
            assert result.ok, result.problems
    assert path.exists()
