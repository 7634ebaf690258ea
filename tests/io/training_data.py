"""A small Arabic project to train on: short news sentences of our own, annotated.

Each document is one or two sentences built from templates about people
meeting and giving gifts; the people, places and gifts are spans (``entity``,
``gift``). Some names carry a proclitic (``وبوتين``, ``لسارة``) so that the
training data holds spans that start inside a word, annotated consistently
(every occurrence of such a word is annotated the same way).
"""

from __future__ import annotations

import random
from pathlib import Path

from annotator.api import open_project

PEOPLE = ["بوتين", "كيم", "سارة", "أحمد", "مريم", "عمر", "ليلى", "خالد", "نادية", "يوسف"]
PLACES = ["موسكو", "بيونغ يانغ", "القاهرة", "دمشق", "بيروت", "عمان", "تونس", "الرباط"]
GIFTS = ["سيارة فاخرة", "ساعة ذهبية", "لوحة قديمة", "سيفا", "كتابا نادرا", "طائرة مسيرة"]

# (template, slots): {p}/{q} people, {l} a place, {g} a gift; "و{q}" glues a proclitic on
TEMPLATES = [
    "التقى {p} و{q} في {l} يوم الأحد.",
    "أهدى {p} {g} إلى {q} خلال زيارته إلى {l}.",
    "وصل {p} إلى {l} صباح اليوم.",
    "قال مسؤول إن {p} قدم {g} ل{q}.",
    "استقبل {p} ضيفه {q} في مكتبه في {l}.",
    "تلقى {p} {g} هدية من {q}.",
]


def documents(count: int, seed: int = 7) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """``count`` texts with their spans (start, end, label), deterministic for a seed."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        parts: list[tuple[str, str | None]] = []  # (piece, label or None)
        for template in rng.sample(TEMPLATES, 2 if rng.random() < 0.4 else 1):
            p, q = rng.sample(PEOPLE, 2)
            values = {"p": p, "q": q, "l": rng.choice(PLACES), "g": rng.choice(GIFTS)}
            labels = {"p": "entity", "q": "entity", "l": "entity", "g": "gift"}
            rest = template
            while "{" in rest:
                before, _, tail = rest.partition("{")
                slot, _, rest = tail.partition("}")
                parts.append((before, None))
                parts.append((values[slot], labels[slot]))
            parts.append((rest + " ", None))
        text = ""
        spans = []
        for piece, label in parts:
            if label is not None:
                spans.append((len(text), len(text) + len(piece), label))
            text += piece
        result.append((text.rstrip() + "\n", spans))
    return result


def make_project(root: Path, count: int = 36, seed: int = 7) -> Path:
    """A project at ``root`` whose ``count`` documents amal annotated and marked done."""
    (root / "documents").mkdir(parents=True)
    data = documents(count, seed)
    for n, (text, _) in enumerate(data):
        (root / "documents" / f"doc-{n:03d}.txt").write_bytes(text.encode("utf-8"))
    project = open_project(root)
    for n, (_, spans) in enumerate(data):
        work = project.load("amal", f"doc-{n:03d}")
        for start, end, label in spans:
            work.add_span(start, end, label)
        work.status = "done"
        project.save(work)
    return root
