"""The document list's summary counts the spans a stale file kept aside."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.io import store
from annotator.io.project_file import default_project, open_project, write_project


def test_summary_counts_unplaced_spans(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    write_project(default_project(root, "p"))
    (root / "documents" / "d.txt").write_text("وصل القطار.", encoding="utf-8")
    project = open_project(root)
    assert store.summary(project, "d", "amal").unplaced == 0
    path = project.annotation_path("d", "amal")
    path.parent.mkdir(parents=True)
    kept = {"id": "T2", "start": 0, "end": 3, "label": "entity", "text": "كيم"}
    path.write_text(json.dumps({"status": "in_progress", "spans": [],
                                "unplaced_spans": [kept, kept | {"id": "T3"}]}),
                    encoding="utf-8")
    summary = store.summary(project, "d", "amal")
    assert (summary.status, summary.spans, summary.unplaced) == ("in_progress", 0, 2)
