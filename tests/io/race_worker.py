"""A process that saves one annotation file over and over (run by test_save_race.py).

Usage: ``python -m tests.io.race_worker PROJECT DOC_ID LABEL COUNT``. Each round
loads the file, adds the span ``k..k+1`` with ``LABEL`` (``k`` going on from
the spans of that label already there) and saves; a conflict
(another process saved in between) is counted and the round is tried again
from a fresh load. Prints ``saved conflicts`` on its last line.
"""

from __future__ import annotations

import sys

from annotator.core.edits import AddSpan
from annotator.core.errors import ConflictError
from annotator.io import store
from annotator.io.project_file import open_project


def main(root: str, doc_id: str, label: str, count: int) -> None:
    project = open_project(root)
    saved = conflicts = 0
    k = sum(1 for s in store.load(project, doc_id, "racer").annotations if s.label == label)
    while saved < count:
        loaded = store.load(project, doc_id, "racer")
        AddSpan(loaded.annotations.make_span(k, k + 1, label)).apply(loaded.annotations)
        try:
            store.save(project, loaded.annotations, loaded.fingerprint)
        except ConflictError:
            conflicts += 1
            continue
        saved += 1
        k += 1
    print(saved, conflicts)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
