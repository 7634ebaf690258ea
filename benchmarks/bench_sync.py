"""What `annotator sync` costs on a big project: nothing changed, and 100 changed files.

Builds a project of N documents (default 20,000) with 3 annotators' files in a
git repository with a bare remote and a second clone, then times
:func:`annotator.io.gitsync.sync` for one annotator (prints seconds).

    .venv/bin/python benchmarks/bench_sync.py [N]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.spans import Span
from annotator.io.gitsync import sync
from annotator.io.project_file import open_project
from annotator.io.standoff import serialize_annotations

TEXT = "التقى الزعيم بالرئيس في موسكو وقدّم له بندقية هدية\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def build(root: Path, count: int) -> None:
    (root / "documents").mkdir(parents=True)
    for annotator in ("amal", "omar", "sara"):
        (root / "annotations" / annotator).mkdir(parents=True)
    for n in range(count):
        doc_id = f"doc-{n:06d}"
        (root / "documents" / f"{doc_id}.txt").write_text(TEXT, encoding="utf-8")
        for annotator in ("amal", "omar", "sara"):
            aset = AnnotationSet.build(doc_id, TEXT, annotator, [
                Span("T1", 6, 12, "entity", TEXT[6:12])])
            (root / "annotations" / annotator / f"{doc_id}.json").write_bytes(
                serialize_annotations(aset))


def main(count: int) -> None:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        base = Path(folder)
        remote = base / "remote.git"
        git(base, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
        work = base / "work"
        began = time.perf_counter()
        build(work, count)
        git(work, "init", "--quiet", "--initial-branch=main")
        git(work, "config", "gc.auto", "0")  # no background gc while we time
        git(work, "-c", "user.name=b", "-c", "user.email=b@x", "add", "-A")
        git(work, "-c", "user.name=b", "-c", "user.email=b@x", "commit", "-qm", "start")
        git(work, "remote", "add", "origin", str(remote))
        git(work, "push", "--quiet", "-u", "origin", "main")
        print(f"built {count} documents x 3 annotators in {time.perf_counter() - began:.1f} s")
        project = open_project(work)
        began = time.perf_counter()
        report = sync(project, "amal")
        print(f"sync, nothing changed: {time.perf_counter() - began:.2f} s "
              f"(sent {len(report.sent)}, received {len(report.received)})")
        for n in range(100):
            path = work / "annotations" / "amal" / f"doc-{n:06d}.json"
            path.write_bytes(path.read_bytes().replace(b'"entity"', b'"gift"'))
        began = time.perf_counter()
        report = sync(project, "amal")
        print(f"sync, 100 changed files: {time.perf_counter() - began:.2f} s "
              f"(sent {len(report.sent)}, received {len(report.received)})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
