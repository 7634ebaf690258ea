"""kill -9 during a rename across files: the project is either wholly before or wholly after.

A real process renames a label in ``project.json`` and in many annotation files and is
killed at random moments (a fixed seed); opening the project again (which finishes or
undoes an interrupted transaction) must give exactly the state before or the state of a
run that was not killed, never a project where some files have the new name.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotator.cli import main
from annotator.core.annotations import AnnotationSet
from annotator.core.spans import Span
from annotator.io.project_file import open_project
from annotator.io.standoff import serialize_annotations

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 80
KILLS = 5
RENAME = ("from pathlib import Path; import sys; "
          "from annotator.core.schema_edit import RenameLabel; "
          "from annotator.io.schema_rename import apply_schema_changes; "
          "apply_schema_changes(Path(sys.argv[1]), [RenameLabel('gift', 'هدية')])")


def state(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts)}


def make_project(root: Path) -> None:
    assert main(["init", str(root)]) == 0
    for n in range(DOCUMENTS):
        doc_id = f"doc-{n:03d}"
        text = f"أهدى الضيف {n} مضيفه سيفاً في القصر\n"
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        start = text.index("سيفاً")
        for annotator in ("amal", "omar"):
            aset = AnnotationSet.build(doc_id, text, annotator, [
                Span("T1", start, start + 5, "gift", "سيفاً"),
                Span("T2", 0, 4, "meeting", text[:4])])
            path = root / "annotations" / annotator / f"{doc_id}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(serialize_annotations(aset))


def rename(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", RENAME, str(root)], cwd=ROOT)


def test_a_killed_rename_leaves_the_project_before_or_after(tmp_path: Path) -> None:
    base = tmp_path / "base"
    make_project(base)
    before = state(base)
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    started = time.monotonic()
    assert rename(reference).wait(timeout=120) == 0
    duration = time.monotonic() - started
    after = state(reference)
    assert after != before
    outcomes = {"before": 0, "after": 0}
    chance = random.Random(11)
    for attempt in range(KILLS):
        root = tmp_path / f"run-{attempt}"
        shutil.copytree(base, root)
        process = rename(root)
        time.sleep(chance.uniform(0.6, 1.0) * duration)  # most of the time goes to starting
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        open_project(root)  # finishes or undoes what the killed process left
        now = state(root)
        assert now in (before, after), f"run {attempt}: a half-renamed project"
        outcomes["before" if now == before else "after"] += 1
    print("outcomes of the kills:", outcomes)
    assert sum(outcomes.values()) == KILLS
