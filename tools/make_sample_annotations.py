"""Regenerate the sample project's example annotations (two annotators who disagree a little).

The spans are declared by the words they cover, so the offsets are computed,
never typed by hand: ``python tools/make_sample_annotations.py``. Review mode
and ``annotator agreement`` have something to show on the sample project.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.spans import Status
from annotator.io import store
from annotator.io.project_file import open_project

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"
FIXED_TIME = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)

# annotator -> doc_id -> [(covered text, label, which occurrence)], and the file's status.
SPANS: dict[str, dict[str, tuple[Status, list[tuple[str, str, int]]]]] = {
    "amal": {
        "01-kim-leaves-russia": ("done", [
            ("كيم جونغ أون", "entity", 0), ("روسيا", "entity", 0),
            ("الأحد 17 سبتمبر 2023", "entity", 0), ("ريا نوفوستي", "entity", 0),
            ("أرتيوم-بريمورسكي-1", "entity", 0), ("معبر خاسان", "entity", 0),
            ("هدايا كثيرة", "gift", 0), ("حفل التوديع", "meeting", 0),
        ]),
        "02-primorsky-gifts": ("in_progress", [
            ("أوليغ كوجيمياكو", "entity", 0), ("إقليم بريمورسكي", "entity", 0),
            ("خمسَ طائراتٍ مسيّرة انتحارية", "gift", 0),
            ("طائرةً مسيّرة سادسة مخصّصة للاستطلاع", "gift", 0),
            ("سترةً واقية من الرصاص", "gift", 0), ("تاس", "entity", 0),
        ]),
    },
    "omar": {
        "01-kim-leaves-russia": ("done", [
            ("كيم جونغ أون", "entity", 0), ("روسيا", "entity", 0),
            ("17 سبتمبر 2023", "entity", 0), ("ريا نوفوستي", "entity", 0),
            ("محطة أرتيوم-بريمورسكي-1", "entity", 0), ("خاسان", "entity", 0),
            ("هدايا", "gift", 0), ("حفل التوديع", "gift", 0),
        ]),
        "02-primorsky-gifts": ("done", [
            ("أوليغ كوجيمياكو", "entity", 0), ("بريمورسكي", "entity", 0),
            ("خمسَ طائراتٍ مسيّرة انتحارية", "gift", 0),
            ("سترةً واقية من الرصاص", "gift", 0),
            ("ملابسَ خاصة لا تكشفها الكاميرات الحرارية", "gift", 0),
        ]),
    },
}


def find(text: str, needle: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise SystemExit(f"{needle!r} occurs fewer than {occurrence + 1} times")
    return start


def main() -> None:
    project = open_project(SAMPLE)
    for annotator, documents in SPANS.items():
        for doc_id, (status, spans) in documents.items():
            loaded = store.load(project, doc_id, annotator)
            aset = loaded.annotations
            if len(aset):
                continue  # already made: keep ids stable
            for needle, label, occurrence in spans:
                start = find(aset.text, needle, occurrence)
                AddSpan(aset.make_span(start, start + len(needle), label)).apply(aset)
            SetStatus(aset.status, status).apply(aset)
            store.save(project, aset, loaded.fingerprint, now=FIXED_TIME)
            print(f"{annotator}/{doc_id}: {len(aset)} spans")


if __name__ == "__main__":
    main()
