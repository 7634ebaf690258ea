"""`annotator find` over 1,000 documents of 3,000 characters (3 M characters): seconds.

    .venv/bin/python benchmarks/bench_find.py [DOCUMENTS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from annotator.cli.find_cmd import label_all, matches
from annotator.io.project_file import open_project

WORDS = ["كيم", "وكيم", "لكيم", "بوتين", "موسكو", "هدية", "بندقية", "الزعيم", "الرئيس", "في",
         "إلى", "من", "قمة", "أَحْمَد", "احـــمد", "فلاديفوستوك", "الكرملين", "وبالكرملين"]


def build(root: Path, count: int) -> None:
    rng = random.Random(1)
    (root / "documents").mkdir(parents=True)
    for n in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 3000:
            words.append(rng.choice(WORDS))
        (root / "documents" / f"doc-{n:05d}.txt").write_text(" ".join(words), encoding="utf-8")


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build(root, count)
        project = open_project(root)
        began = time.perf_counter()
        found = matches(project, "كيم", None, False)
        print(f"find 'كيم' in {count} documents: {len(found)} matches, "
              f"{time.perf_counter() - began:.2f} s")
        began = time.perf_counter()
        found = matches(project, "الكرملين", None, False)
        print(f"find 'الكرملين': {len(found)} matches, {time.perf_counter() - began:.2f} s")
        subset = [m for m in found if m["doc"] < "doc-00100"][:5000]
        began = time.perf_counter()
        added, files, _ = label_all(project, subset, "entity", "bench", False)
        print(f"label all: {len(added)} spans in {files} files, "
              f"{time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
