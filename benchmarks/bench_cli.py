"""The command line over a big project, each command next to a bare Python loop.

The baseline reads every file of the project and ``json.loads`` every
annotation file: the least any command that looks at all of them must do.
Each command's time is printed with its ratio to the baseline (issue goal:
at most 3x for validate, export jsonl, find and agreement over 100,000
documents with 3 annotators). The project (``count`` short documents and 100
news-sized ones, each with every annotator's file) is built once and kept in
the system's temporary folder (``annotator-bench-v<version>-<count>-100``) for
later runs; the window's benchmark (``bench_window.py``) uses it too.

    .venv/bin/python benchmarks/bench_cli.py [DOCUMENTS] [--json] [--only=CMD,...] [--repeat=N]

``--only`` times only the named commands (validate, export, find, agreement);
``--repeat`` runs each command and the baseline N times in turn and prints
every ratio (the figures kept are the medians), for a machine shared with
other work.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.annotations import AnnotationSet
from annotator.core.spans import STATUSES, Span, Status
from annotator.io.standoff import serialize_annotations

ANNOTATORS = ("amal", "omar", "sara")
WORDS = ["كيم", "وكيم", "بوتين", "موسكو", "هدية", "بندقية", "الزعيم", "الرئيس", "في", "إلى",
         "قمة", "فلاديفوستوك", "الكرملين", "وتسلّم", "سترةً", "واقية", "2023", "Oleg"]


NEWS = 100  # news-sized documents (news-0000 ...), listed after the short ones
NEWS_WORDS = 700
CACHE_VERSION = 2  # bumped whenever build() changes: a cached project of another version goes


def annotated(doc_id: str, text: str, name: str, count: int, rng: random.Random,
              status: Status = "done") -> bytes:
    """``name``'s file for ``text``: ``count`` one-word spans at random words."""
    starts = [i for i in range(len(text)) if (i == 0 or text[i - 1] in " \n")
              and text[i] not in " \n"]
    spans = []
    for k, start in enumerate(sorted(rng.sample(starts, count))):
        end = start
        while end < len(text) and text[end] not in " \n":
            end += 1
        spans.append(Span(f"T{k + 1}", start, end, rng.choice(["entity", "gift"]),
                          text[start:end]))
    aset = AnnotationSet.build(doc_id, text, name, spans, status=status)
    return serialize_annotations(aset)


def news_text(rng: random.Random, words: int = NEWS_WORDS) -> str:
    """About ``words`` words in paragraphs of 40 to 80: a news article's size."""
    paragraphs = []
    left = words
    while left > 0:
        size = min(left, rng.randint(40, 80))
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(size)) + ".")
        left -= size
    return "\n".join(paragraphs) + "\n"


def build(root: Path, count: int, news: int = NEWS) -> None:
    """``count`` short documents (60 words, 6 spans per annotator, done) and ``news``
    news-sized ones (700 words, 40 spans, statuses mixed), each with every annotator's file."""
    rng = random.Random(7)
    (root / "documents").mkdir(parents=True)
    for name in ANNOTATORS:
        (root / "annotations" / name).mkdir(parents=True)
    for n in range(count):
        doc_id = f"doc-{n:06d}"
        text = " ".join(rng.choice(WORDS) for _ in range(60)) + "\n"
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        for name in ANNOTATORS:
            (root / "annotations" / name / f"{doc_id}.json").write_bytes(
                annotated(doc_id, text, name, 6, rng))
    for n in range(news):
        doc_id = f"news-{n:04d}"
        text = news_text(rng)
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        for name in ANNOTATORS:
            (root / "annotations" / name / f"{doc_id}.json").write_bytes(
                annotated(doc_id, text, name, 40, rng, STATUSES[n % 3]))


def project_of(count: int, news: int = NEWS) -> Path:
    """The project of ``count`` short and ``news`` news-sized documents, built once and kept
    in the system's temporary folder."""
    root = Path(tempfile.gettempdir()) / f"annotator-bench-v{CACHE_VERSION}-{count}-{news}"
    if not (root / ".complete").exists():
        import shutil
        shutil.rmtree(root, ignore_errors=True)
        began = time.perf_counter()
        build(root, count, news)
        (root / ".complete").write_text("")
        print(f"built {count} + {news} documents x {len(ANNOTATORS)} annotators in "
              f"{time.perf_counter() - began:.0f} s", file=sys.stderr)
    return root


def bare_loop(root: Path) -> float:
    began = time.perf_counter()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.startswith("."):
                continue
            data = (Path(folder) / name).read_bytes()
            if name.endswith(".json"):
                json.loads(data)
    return time.perf_counter() - began


def timed(args: list[str]) -> float:
    """Seconds ``annotator ARGS`` takes in this process, what it prints going to /dev/null
    (as to a file: not kept in memory)."""
    from annotator.cli import main

    began = time.perf_counter()
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere), \
            contextlib.redirect_stderr(nowhere):
        status = main(args)
    elapsed = time.perf_counter() - began
    if status not in (0,):
        print(f"warning: {' '.join(args[:1])} exited {status}", file=sys.stderr)
    return elapsed


def measure(count: int = 100_000, only: tuple[str, ...] = (),
            repeat: int = 1) -> dict[str, float]:
    """Seconds of each command and of the bare loop (the better of two runs), and each
    command's ratio to it: ``cli_100k_ratio_<command>`` (named so whatever ``count``).

    ``only``: the commands to time (all when empty). ``repeat`` > 1: the baseline and
    each command run that many times in turn, each ratio taken against the baseline
    run just before, and the medians kept."""
    root = project_of(count)
    baseline = min(bare_loop(root) for _ in range(2))
    figures = {"cli_100k_baseline_s": baseline}
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "validate": ["validate", str(root)],
            "export": ["export", str(root), "--format", "jsonl", "--annotator", "amal",
                       "--out", str(Path(out) / "x"), "--overwrite"],
            "find": ["find", str(root), "كيم"],
            "agreement": ["agreement", str(root), "--json"],
        }
        for name, args in commands.items():
            if only and name not in only:
                continue
            if repeat <= 1:
                seconds = timed(args)
                figures[f"cli_100k_s_{name}"] = seconds
                figures[f"cli_100k_ratio_{name}"] = seconds / baseline
                continue
            runs = []
            for _ in range(repeat):
                bare = bare_loop(root)
                seconds = timed(args)
                runs.append((seconds / bare, seconds, bare))
                print(f"{name}: ratio {seconds / bare:.2f} ({seconds:.2f} s, bare {bare:.2f} s)",
                      file=sys.stderr)
            ratio, seconds, _bare = sorted(runs)[len(runs) // 2]
            figures[f"cli_100k_s_{name}"] = seconds
            figures[f"cli_100k_ratio_{name}"] = ratio
    figures["cli_documents"] = count + NEWS
    return figures


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 100_000
    options = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    only = tuple(n for n in options.get("only", "").split(",") if n)
    figures = measure(count, only, int(options.get("repeat", "1")))
    for key, value in figures.items():
        print(f"{key:32} {value:8.2f}", file=sys.stderr)
    if "--json" in sys.argv:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
