"""Small Arabic projects with several annotators, for the agreement, report and show tests.

The sentences are our own (facts of the news story, not its wording). Spans are
given as ``(word, label)`` or ``(word, label, occurrence)`` and located in the
text, so a test reads like what the annotator selected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.project import DEFAULT_LABELS, Label, Project
from annotator.core.spans import Span, Status
from annotator.io.atomic import ABSENT
from annotator.io.project_file import write_project
from annotator.io.store import save

TEXTS = {
    # "The leader left Vladivostok by armoured train after a meeting with the governor."
    "d1": "غادر الزعيم فلاديفوستوك بالقطار المصفّح بعد لقاء مع الحاكم.",
    # "The governor gave him five drones and a bulletproof vest as gifts."
    "d2": "أهدى الحاكم ضيفه خمس طائرات مسيّرة وسترة واقية من الرصاص.",
    # "The summit with Putin lasted four hours at the space centre.\nThe two men then dined."
    "d3": "استمرت القمة مع بوتين أربع ساعات في مركز الفضاء.\nثم تناول الرجلان العشاء.",
}

SpanSpec = tuple[str, str] | tuple[str, str, int]


def locate(text: str, spec: SpanSpec) -> tuple[int, int, str]:
    """Offsets of ``word`` (its ``occurrence``-th appearance) in ``text``, with the label."""
    word, label = spec[0], spec[1]
    occurrence = spec[2] if len(spec) == 3 else 0
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return start, start + len(word), label


def spans_of(text: str, specs: Sequence[SpanSpec]) -> list[Span]:
    result = []
    for i, spec in enumerate(specs, 1):
        start, end, label = locate(text, spec)
        result.append(Span(f"T{i}", start, end, label, text[start:end]))
    return result


def make_project(root: Path, annotations: Mapping[str, Mapping[str, Sequence[SpanSpec]]],
                 texts: Mapping[str, str] = TEXTS, labels: Sequence[Label] = DEFAULT_LABELS,
                 status: Mapping[tuple[str, str], Status] | None = None) -> Project:
    """A project folder: ``annotations[annotator][doc_id]`` lists that annotator's spans.

    Every file is ``done`` unless ``status[(annotator, doc_id)]`` says otherwise.
    """
    project = Project(root, "agreement test", tuple(labels))
    (root / "documents").mkdir(parents=True)
    (root / "annotations").mkdir()
    write_project(project, ABSENT)
    for doc_id, text in texts.items():
        project.document_path(doc_id).write_text(text, encoding="utf-8", newline="")
    for annotator, docs in annotations.items():
        for doc_id, specs in docs.items():
            text = texts[doc_id]
            state = (status or {}).get((annotator, doc_id), "done")
            aset = AnnotationSet.build(doc_id, text, annotator, spans_of(text, specs),
                                       labels=project.label_names, status=state)
            project.annotation_path(doc_id, annotator).parent.mkdir(parents=True, exist_ok=True)
            save(project, aset, ABSENT)
    return project


# Three annotators who mostly agree: amal and omar on every document, sara on two.
TEAM: dict[str, dict[str, list[SpanSpec]]] = {
    "amal": {
        "d1": [("الزعيم", "entity"), ("فلاديفوستوك", "entity"), ("لقاء مع الحاكم", "meeting"),
               ("الحاكم", "entity")],
        "d2": [("الحاكم", "entity"), ("خمس طائرات مسيّرة", "gift"),
               ("سترة واقية من الرصاص", "gift")],
        "d3": [("القمة مع بوتين", "meeting"), ("بوتين", "entity")],
    },
    "omar": {
        "d1": [("الزعيم", "entity"), ("فلاديفوستوك", "entity"), ("لقاء", "meeting"),
               ("الحاكم", "entity")],
        "d2": [("الحاكم", "entity"), ("طائرات مسيّرة", "gift"), ("سترة واقية", "gift")],
        "d3": [("القمة مع بوتين", "meeting"), ("بوتين", "meeting")],
    },
    "sara": {
        "d1": [("الزعيم", "entity"), ("فلاديفوستوك", "meeting")],
        "d2": [("الحاكم", "entity"), ("خمس طائرات مسيّرة", "gift")],
    },
}
