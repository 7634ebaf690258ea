"""Training a span model on the project's finished work, and suggesting with it (needs spaCy).

``annotator train`` (:func:`train`) builds a spaCy pipeline from
:func:`annotator.io.spacy_config.pipeline_config` (the ``config.cfg`` the
spaCy export writes too): our tokenizer (:mod:`annotator.io.spacy_tokenizer`)
and a ``spancat`` component whose suggester proposes every 1- to 4-token
span, scored by a logistic layer: each predicted span has its own
probability, which becomes the suggestion's ``score``.

Its training documents are the project's finished work, chosen like the
gazetteer's (:func:`finished_work`): gold files and annotators' ``done``
files, one version per document. They become Docs exactly as the spaCy
export makes them (:func:`annotator.io.export_spacy.to_doc`, every span in
``doc.spans["sc"]``); a fifth of them (seeded) is held out to score the model
at the end (spancat's precision, recall and F1 on those documents). The
tokenizer learns its cuts from the training documents; once the model is
scored, from every finished document, so the saved model splits words as all
of the project's finished work does. The pipeline is saved with
``nlp.to_disk`` into a folder that is moved into place only when complete,
and loads back with :func:`load_model` (or ``spacy.load``: the tokenizer is
registered through an entry point).

:func:`model_suggester` turns a saved pipeline into a suggester for
``annotator suggest --source model`` (:mod:`annotator.io.suggestions`).
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import spacy
from spacy.training import Example
from spacy.util import load_model_from_config
from thinc.api import fix_random_seed

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD, Project
from annotator.io import spacy_tokenizer, store  # noqa: F401  (registers our tokenizer)
from annotator.io.exchange import ExportDocument
from annotator.io.export_spacy import to_doc
from annotator.io.spacy_config import BATCH_SIZE, DEFAULT_STEPS, pipeline_config
from annotator.io.suggestions import Suggestion

log = logging.getLogger(__name__)

DEV_SHARE: Final = 0.2
MIN_FOR_DEV: Final = 5  # fewer documents: the score is on the training documents (said)
# written by train() next to the pipeline, so a folder can be recognised and replaced
MODEL_MARKER: Final = "annotator-model.json"

def finished_work(project: Project, sources: Sequence[str] | None = None,
                  skipped: list[str] | None = None) -> list[ExportDocument]:
    """One finished version per document, in ``doc_id`` order.

    ``sources`` in order of preference (default: gold, then every annotator):
    the first that has a usable file for the document gives it; ``gold`` counts
    every gold file, an annotator only files marked done. A file that cannot
    be read as it is (invalid, stale) is skipped, said in ``skipped``.
    """
    said = skipped if skipped is not None else []
    chosen = list(sources or [GOLD, *project.annotators()])
    have = {source: set(project.annotated_doc_ids(source)) for source in chosen}
    documents = []
    for doc_id in project.doc_ids():
        for source in chosen:
            if doc_id not in have[source]:
                continue
            try:
                loaded = store.load(project, doc_id, source)
            except AnnotatorError as exc:
                said.append(f"{doc_id} of {source}: {exc.problems[0]}")
                continue
            result = loaded.result
            aset = result.annotations
            if result.stale or result.problems:
                first = result.problems[0] if result.problems else "the text changed"
                said.append(f"{doc_id} of {source}: {first}")
                continue
            if source != GOLD and aset.status != "done":
                continue
            documents.append(ExportDocument(doc_id, aset.text, source, aset.status,
                                            tuple(aset.spans()), tuple(aset.relations())))
            break
    return documents


@dataclass
class TrainSummary:
    """What a training run did; the CLI prints it, ``--json`` as :meth:`to_json`."""

    out: Path
    documents: int = 0
    train_documents: int = 0
    dev_documents: int = 0
    spans: int = 0
    labels: list[str] = field(default_factory=list)
    steps: int = 0
    seconds: float = 0.0
    loss: float = 0.0  # of the last step
    dev_on_train: bool = False  # too few documents to hold some out: scored on training ones
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    # training documents whose tokens at prediction time refine their CoNLL tokens
    token_differences: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files not used, and why

    def to_json(self) -> dict[str, Any]:
        return {"out": str(self.out), "documents": self.documents,
                "train_documents": self.train_documents, "dev_documents": self.dev_documents,
                "spans": self.spans, "labels": self.labels, "steps": self.steps,
                "seconds": round(self.seconds, 2), "loss": round(self.loss, 4),
                "dev_on_train": self.dev_on_train,
                "dev": {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                        "f1": round(self.f1, 4)},
                "token_differences": self.token_differences, "skipped": self.skipped}


def build_pipeline(max_steps: int = DEFAULT_STEPS, seed: int = 0) -> Any:
    """An untrained pipeline from :func:`pipeline_config`."""
    config = spacy.util.load_config_from_str(pipeline_config(max_steps=max_steps, seed=seed))
    return load_model_from_config(config, auto_fill=True, validate=True)


def reference_docs(nlp: Any, documents: Sequence[ExportDocument]) -> list[Any]:
    """The Docs the spaCy export would write for ``documents`` (our CoNLL tokens)."""
    return [to_doc(nlp.vocab, doc)[0] for doc in documents]


def train(project: Project, out: Path, sources: Sequence[str] | None = None,
          max_steps: int = DEFAULT_STEPS, seed: int = 0,
          progress: Callable[[int, int, float], None] | None = None) -> TrainSummary:
    """Train on the project's finished work and save the pipeline in ``out``.

    ``progress(step, max_steps, loss)`` is called after every step. Raises
    :class:`AnnotatorError` when there is nothing to learn from.
    """
    if max_steps < 1:
        raise AnnotatorError(Problem("bad-field", "max steps must be at least 1",
                                     field="max_steps"))
    began = time.monotonic()
    _check_output(Path(out))
    skipped: list[str] = []
    documents = finished_work(project, sources, skipped)
    for line in skipped:
        log.warning("not trained on %s", line)
    labelled = [d for d in documents if d.spans]
    if not labelled:
        unusable = f" ({len(skipped)} file(s) could not be used: run validate)" if skipped else ""
        raise AnnotatorError(Problem("no-documents", "nothing to train on: no gold file and no "
                                     f"annotator's done file with spans{unusable}",
                                     file=str(project.root)))
    summary = TrainSummary(out, documents=len(documents),
                           spans=sum(len(d.spans) for d in documents), skipped=skipped)
    rng = random.Random(seed)
    order = sorted(documents, key=lambda d: d.doc_id)
    rng.shuffle(order)
    if len(order) >= MIN_FOR_DEV:
        held = max(1, round(DEV_SHARE * len(order)))
        dev, training = order[:held], order[held:]
    else:
        dev, training = order, order
        summary.dev_on_train = True
    summary.train_documents, summary.dev_documents = len(training), len(dev)
    fix_random_seed(seed)  # random, numpy and thinc
    nlp = build_pipeline(max_steps, seed)
    train_refs = reference_docs(nlp, training)
    dev_refs = reference_docs(nlp, dev)

    def examples(refs: list[Any]) -> list[Example]:
        return [Example(nlp.make_doc(ref.text), ref) for ref in refs]

    optimizer = nlp.initialize(lambda: examples(train_refs))
    summary.labels = sorted(nlp.get_pipe("spancat").labels)
    train_examples = examples(train_refs)  # made again: the tokenizer has learned its cuts
    step = 0
    while step < max_steps:
        rng.shuffle(train_examples)
        for first in range(0, len(train_examples), BATCH_SIZE):
            losses: dict[str, float] = {}
            nlp.update(train_examples[first:first + BATCH_SIZE], sgd=optimizer, drop=0.1,
                       losses=losses)
            step += 1
            summary.loss = losses.get("spancat", 0.0)
            if progress is not None:
                progress(step, max_steps, summary.loss)
            if step >= max_steps:
                break
    summary.steps = step
    scores = nlp.evaluate(examples(dev_refs))
    summary.precision = float(scores.get("spans_sc_p") or 0.0)
    summary.recall = float(scores.get("spans_sc_r") or 0.0)
    summary.f1 = float(scores.get("spans_sc_f") or 0.0)
    # scored: now the saved tokenizer learns the cuts of every finished document
    everything = train_refs if summary.dev_on_train else train_refs + dev_refs
    nlp.tokenizer.initialize(lambda: examples(everything))
    summary.token_differences = sorted(
        ref.user_data["doc_id"] for ref in everything
        if [t.text for t in nlp.make_doc(ref.text)] != [t.text for t in ref])
    nlp.meta.update({"name": "annotator_spans", "version": "0.0.0",
                     "description": f"spans of the Annotator project {project.name}"})
    _save(nlp, out, summary)
    summary.seconds = time.monotonic() - began
    log.info("trained on %d document(s) of %s in %d step(s), %.1f s; dev F1 %.3f; saved to %s",
             summary.train_documents, project.root, summary.steps, summary.seconds, summary.f1,
             out)
    return summary


def _check_output(out: Path) -> None:
    """``out`` must be absent, empty, or a model saved by :func:`_save` (which is replaced)."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (
            out / MODEL_MARKER).is_file())):
        raise AnnotatorError(Problem("bad-output", "the output is not empty and is not a "
                                     "model Annotator trained; choose another folder",
                                     file=str(out)))


def _save(nlp: Any, out: Path, summary: TrainSummary) -> None:
    """``nlp.to_disk`` into a temporary folder, moved over ``out`` when complete."""
    out = Path(out)
    _check_output(out)  # again: time has passed since training began
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        nlp.to_disk(staging / "model")
        marker = {k: v for k, v in summary.to_json().items() if k not in ("out", "seconds")}
        (staging / "model" / MODEL_MARKER).write_text(
            json.dumps(marker, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            os.replace(out, staging / "old")
        os.replace(staging / "model", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load_model(path: Path) -> Any:
    """A pipeline saved by :func:`train` (refused with a clear problem if it is not one)."""
    path = Path(path)
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise AnnotatorError(Problem("bad-input", "not a saved spaCy pipeline (no config.cfg "
                                     "and meta.json); make one with: annotator train",
                                     file=str(path)))
    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise AnnotatorError(Problem("bad-input", f"cannot load the model: {exc}",
                                     file=str(path))) from None


def span_scores(nlp: Any, text: str) -> list[Suggestion]:
    """The spans ``nlp`` predicts in ``text``, each with its probability, in text order."""
    doc = nlp(text)
    group = doc.spans.get("sc", [])
    scores = group.attrs.get("scores", []) if len(group) else []
    found: dict[tuple[int, int, str], Suggestion] = {}
    for span, score in zip(group, scores, strict=True):
        key = (span.start_char, span.end_char, span.label_)
        # a row of one probability per kept label (max_positive 1: one)
        value = min(1.0, max(0.0, float(score.max() if hasattr(score, "max") else score)))
        if key not in found or found[key].score < value:
            found[key] = Suggestion(span.start_char, span.end_char, span.label_,
                                    text[span.start_char:span.end_char], value)
    return sorted(found.values(), key=lambda s: (s.start, s.end, s.label))


def model_suggester(path: Path, labels: frozenset[str],
                    dropped: Counter[str] | None = None) -> Callable[[str], list[Suggestion]]:
    """``text -> suggestions`` from the pipeline in ``path``; labels not in ``labels`` left out.

    Never silently: each span left out for its label is counted by label in
    ``dropped`` (when given), so the caller can say how many and which.
    """
    nlp = load_model(path)
    unknown = sorted(set(nlp.get_pipe("spancat").labels) - labels) \
        if "spancat" in nlp.pipe_names else []
    if unknown:
        log.warning("model %s knows labels the project has not: %s (not suggested)", path,
                    ", ".join(unknown))

    def suggest(text: str) -> list[Suggestion]:
        kept = []
        for s in span_scores(nlp, text):
            if s.label in labels:
                kept.append(s)
            elif dropped is not None:
                dropped[s.label] += 1
        return kept

    return suggest
