"""Time exporting 1,000 documents (~3 MB, 50,000 spans) to every format, next to spaCy.

Issue 4 asks for the export time of each format and, from the same run, the
time spaCy takes to do the token-level part alone: its tokenizer
(``spacy.blank("xx")``) plus ``offsets_to_biluo_tags`` on the same texts and
the same (non-overlapping) spans. Our exports do more than that (read and
check every annotation file, tokenize, tag, split sentences, write), so the
time of our tokenizer plus flat tagging alone is printed too, for a like with
like comparison.

Run: ``.venv/bin/python benchmarks/bench_export.py [DOCUMENTS] [--profile FORMAT]``
"""

from __future__ import annotations

import cProfile
import pstats
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.project import DEFAULT_LABELS, Project
from annotator.core.spans import Span
from annotator.core.tagging import tag
from annotator.io import store
from annotator.io.atomic import ABSENT
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.formats import EXPORTS
from annotator.io.project_file import open_project, write_project

LABELS = tuple(label.name for label in DEFAULT_LABELS)
# Words and pieces of our own, with the things that make Arabic tokenizing hard.
WORDS = ("الزعيمُ", "غادرَ", "روسيا", "بالقطار", "المصفّح", "بعد", "زيارةٍ", "استمرت", "أيامًا",
         "التقى", "خلالها", "بوتين", "والحاكمَ", "في", "فلاديفوستوك", "وتسلّم", "خمسَ", "طائرات",
         "مسيّرة", "وسترةً", "واقية", "من", "الرصاص", "بندقـــية", "2023", "25,000", "3.5",
         "Oleg", "Kozhemyako", "قاعدة", "فوستوتشني", "الفضائية", "وزير", "الدفاع", "الروسي")
PUNCTUATION = ("،", ".", "؟", "؛", "!", ":")


def make_text(rng: random.Random, size: int = 3000) -> tuple[str, list[tuple[int, int]]]:
    """About ``size`` characters; returns the text and its words' offsets."""
    parts: list[str] = []
    words: list[tuple[int, int]] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        if rng.random() < 0.08:
            word = f"«{word}»"
        if rng.random() < 0.01:
            word = "🚁" if rng.random() < 0.5 else "🇷🇺"
        words.append((length, length + len(word)))
        parts.append(word)
        length += len(word)
        sep = " "
        if rng.random() < 0.08:
            sep = rng.choice(PUNCTUATION) + (" " if rng.random() < 0.9 else "\r\n")
        parts.append(sep)
        length += len(sep)
    return "".join(parts), words


def make_spans(rng: random.Random, text: str, words: list[tuple[int, int]],
               count: int) -> list[Span]:
    """``count`` spans of 1-4 words; about one in ten nests inside or overlaps another."""
    keys: set[tuple[int, int, str]] = set()
    spans: list[Span] = []
    while len(spans) < count:
        first = rng.randrange(len(words) - 4)
        start, end = words[first][0], words[first + rng.randint(0, 3)][1]
        label = rng.choice(LABELS)
        if (start, end, label) in keys:
            continue
        keys.add((start, end, label))
        spans.append(Span(f"T{len(spans) + 1}", start, end, label, text[start:end]))
    return spans


def make_project(root: Path, documents: int, spans_per_document: int) -> tuple[int, int]:
    rng = random.Random(4)
    project = Project(root, "bench")
    write_project(project)
    (root / "documents").mkdir()
    characters = 0
    for n in range(documents):
        text, words = make_text(rng)
        doc_id = f"doc{n:04}"
        (root / "documents" / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
        aset = AnnotationSet.build(doc_id, text, "gold",
                                   make_spans(rng, text, words, spans_per_document),
                                   labels=LABELS, status="done")
        store.save(project, aset, ABSENT)
        characters += len(text)
    return characters, documents * spans_per_document


def reference(texts: list[str], spans: list[list[tuple[int, int, str]]]) -> float:
    """spaCy's tokenizer and offsets_to_biluo_tags over the same texts and flat spans."""
    import spacy
    from spacy.training import offsets_to_biluo_tags

    nlp = spacy.blank("xx")
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W030: spans that do not fit spaCy's tokens
        for text, entities in zip(texts, spans, strict=True):
            offsets_to_biluo_tags(nlp.make_doc(text), entities)
    return time.perf_counter() - started


def main() -> None:
    args = sys.argv[1:]
    profile = args[args.index("--profile") + 1] if "--profile" in args else None
    numbers = [a for a in args if a.isdigit()]
    documents = int(numbers[0]) if numbers else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        root.mkdir()
        started = time.perf_counter()
        characters, spans = make_project(root, documents, 50)
        print(f"generated {documents} documents, {characters / 1e6:.2f} M characters, "
              f"{spans} spans in {time.perf_counter() - started:.1f} s")
        project = open_project(root)
        loaded = [store.load(project, d, "gold").annotations for d in project.doc_ids()]
        texts = [a.text for a in loaded]
        triples = [[(s.start, s.end, s.label) for s in a.spans()] for a in loaded]

        started = time.perf_counter()
        flat = [tag(text, spans_).kept_spans() for text, spans_ in zip(texts, triples,
                                                                     strict=True)]
        ours = time.perf_counter() - started
        started = time.perf_counter()
        for d in project.doc_ids():
            store.load(project, d, "gold")
        reading = time.perf_counter() - started

        print(f"\n{'export (whole command path)':<44}{'seconds':>8}")
        for fmt in EXPORTS:
            out = Path(folder) / f"out-{fmt.name}"
            profiler = cProfile.Profile() if fmt.name == profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            summary = export_project(project, ExportOptions(fmt.name, out))
            if profiler:
                profiler.disable()
            elapsed = time.perf_counter() - started
            size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
            print(f"  {fmt.name:<42}{elapsed:>8.2f}   ({size / 1e6:.1f} MB, "
                  f"{summary.spans_dropped} spans dropped)")
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print(f"\n{'parts':<44}{'seconds':>8}")
        print(f"  {'reading + checking 1,000 annotation files':<42}{reading:>8.2f}")
        print(f"  {'our tokenizer + flat tagging (tag)':<42}{ours:>8.2f}")
        try:
            spacy_time = reference(texts, flat)
        except ImportError:
            print("  spaCy is not installed: no reference figure")
            return
        print(f"  {'spaCy blank(xx) tokenizer + offsets_to_biluo':<42}{spacy_time:>8.2f}")
        print(f"\nour tokenizing and tagging is {spacy_time / ours:.1f}x the speed of spaCy's")


if __name__ == "__main__":
    main()
