"""Inter-annotator agreement: F1 over spans, Cohen's kappa and Krippendorff's alpha over tokens.

Teams label each article two or three times; before a gold version is settled
they need to know how far to trust each label. This module computes, for any
two or more annotators over the documents at least two of them annotated:

- ``f1_exact`` per pair: spans match when start, end and label are equal;
  ``2 * matches / (|A| + |B|)`` summed over documents (micro), None when
  neither annotator has a span;
- ``f1_overlap`` per pair: spans match when they share the label and at least
  one character, paired one-to-one, largest overlap first
  (:func:`annotator.core.differences.match_overlapping`);
- ``kappa`` per pair: Cohen's kappa over tokens. For a pair on a document the
  text is tokenized by :mod:`annotator.core.tokens` (the CoNLL export's
  tokenizer) with boundaries at every span start and end of both annotators,
  and each token gets the label of the longest span covering it, or ``O``
  (``flat_labels``, exactly as the CoNLL export tags it);
- ``alpha``: Krippendorff's alpha, nominal, all annotators at once, over the
  same token labels (tokens cut at every boundary of every annotator of the
  document). A document an annotator did not annotate is missing data for
  that annotator, not ``O``.

Each figure is given overall, per label (kappa and alpha one label against the
rest) and per document. None stands for "undefined": no spans at all for F1,
no variation at all for kappa and alpha (every token carries the same label
for everyone, which is perfect agreement with nothing to measure).

Standard library only; the test suite checks every figure against
``sklearn.metrics.cohen_kappa_score`` and the ``krippendorff`` package.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.annotations import AnnotationSet
from annotator.core.differences import match_overlapping
from annotator.core.spans import Relation, Span
from annotator.core.statistics import (
    cohen_kappa,
    f1,
    krippendorff_alpha,
    one_against_rest,
    one_against_rest_pairs,
)
from annotator.core.tagging import flat_labels
from annotator.core.tokens import split_tokens, token_arrays

OUTSIDE = "O"  # how a token outside every span is shown; internally it is None

TokenLabel = str | None


@dataclass(frozen=True)
class AnnotatedDocument:
    """One document's text and the spans of each annotator who annotated it.

    An annotator absent from ``spans`` did not annotate the document (missing
    data); one mapped to an empty list annotated it and found nothing.
    """

    id: str
    text: str
    spans: Mapping[str, Sequence[Span]]
    relations: Mapping[str, Sequence[Relation]] = field(default_factory=dict)


def documents_from_sets(sets: Iterable[AnnotationSet]) -> list[AnnotatedDocument]:
    """Group annotation sets by document, in document id order."""
    texts: dict[str, str] = {}
    spans: dict[str, dict[str, Sequence[Span]]] = defaultdict(dict)
    relations: dict[str, dict[str, Sequence[Relation]]] = defaultdict(dict)
    for aset in sets:
        if texts.setdefault(aset.doc_id, aset.text) != aset.text:
            raise ValueError(f"document {aset.doc_id!r}: annotator {aset.annotator!r} "
                             "annotated another text than the others")
        spans[aset.doc_id][aset.annotator] = aset.spans()
        relations[aset.doc_id][aset.annotator] = aset.relations()
    return [AnnotatedDocument(doc_id, texts[doc_id], spans[doc_id], relations[doc_id])
            for doc_id in sorted(texts)]


RelationKey = tuple[str, tuple[int, int, str], tuple[int, int, str]]


def relation_keys(spans: Sequence[Span], relations: Sequence[Relation]) -> Counter[RelationKey]:
    """Each relation as (type, its source's start/end/label, its target's): what must match.

    A relation whose end is missing from ``spans`` (kept aside) has no key.
    """
    by_id = {span.id: span.key for span in spans}
    keys: Counter[RelationKey] = Counter()
    for relation in relations:
        source, target = by_id.get(relation.source), by_id.get(relation.target)
        if source is not None and target is not None:
            keys[(relation.type, source, target)] += 1
    return keys


# -- results -------------------------------------------------------------------

@dataclass(frozen=True)
class LabelFigures:
    """One label, one pair: span F1 on that label's spans, kappa of that label against the rest."""

    f1_exact: float | None
    f1_overlap: float | None
    a_count: int
    b_count: int
    kappa: float | None


@dataclass(frozen=True)
class RelationFigures:
    """One pair's relations: a relation of A matches one of B when the types are equal and
    both ends match exactly (start, end, label); ``f1`` is 2 x matches / (A + B)."""

    f1: float | None = None
    a_count: int = 0
    b_count: int = 0
    matches: int = 0
    per_type: dict[str, tuple[float | None, int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"f1": self.f1, "a_count": self.a_count, "b_count": self.b_count,
                "per_type": {name: {"f1": f, "a_count": a, "b_count": b}
                             for name, (f, a, b) in self.per_type.items()}}


def relation_figures(a: Counter[tuple[object, ...]],
                     b: Counter[tuple[object, ...]]) -> RelationFigures:
    """F1 of two annotators' relation keys (type first), overall and per relation type."""
    types = sorted({str(key[0]) for key in a} | {str(key[0]) for key in b})
    per_type = {}
    for name in types:
        ta = Counter({k: n for k, n in a.items() if k[0] == name})
        tb = Counter({k: n for k, n in b.items() if k[0] == name})
        matched = sum((ta & tb).values())
        per_type[name] = (f1(matched, ta.total(), tb.total()), ta.total(), tb.total())
    matches = sum((a & b).values())
    return RelationFigures(f1(matches, a.total(), b.total()), a.total(), b.total(), matches,
                           per_type)


@dataclass(frozen=True)
class PairDocument:
    """One pair on one document."""

    f1_exact: float | None
    f1_overlap: float | None
    kappa: float | None
    a_count: int
    b_count: int
    exact_matches: int
    overlap_matches: int


@dataclass(frozen=True)
class PairFigures:
    """Annotators ``a`` and ``b`` over the ``documents`` both annotated.

    ``confusion`` counts tokens by ``(label by a, label by b)``, None for ``O``.
    """

    a: str
    b: str
    documents: int
    f1_exact: float | None
    f1_overlap: float | None
    kappa: float | None
    per_label: dict[str, LabelFigures]
    confusion: dict[tuple[TokenLabel, TokenLabel], int]
    tokens: int
    relations: RelationFigures = field(default_factory=RelationFigures)


@dataclass(frozen=True)
class DocumentFigures:
    """One document: alpha over its annotators, F1 micro-averaged over its pairs."""

    id: str
    annotators: tuple[str, ...]
    alpha: float | None
    f1_exact: float | None
    f1_overlap: float | None
    tokens: int
    pairs: dict[tuple[str, str], PairDocument] = field(default_factory=dict)


@dataclass(frozen=True)
class Agreement:
    """Every figure for a group of annotators; :meth:`to_json` is ``annotator agreement --json``."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    alpha: float | None
    alpha_per_label: dict[str, float | None]
    pairs: tuple[PairFigures, ...]
    per_document: tuple[DocumentFigures, ...]

    @property
    def documents(self) -> int:
        """How many documents at least two of the annotators annotated."""
        return len(self.per_document)

    def pair(self, a: str, b: str) -> PairFigures:
        for pair in self.pairs:
            if (pair.a, pair.b) == (a, b):
                return pair
        raise KeyError((a, b))

    def lowest(self, count: int) -> list[DocumentFigures]:
        """The ``count`` documents with the lowest agreement: alpha, then exact F1.

        An undefined alpha (one label everywhere) is perfect agreement and sorts last.
        """
        def key(doc: DocumentFigures) -> tuple[float, float, str]:
            alpha = doc.alpha if doc.alpha is not None else 2.0
            exact = doc.f1_exact if doc.f1_exact is not None else 2.0
            return (alpha, exact, doc.id)

        return sorted(self.per_document, key=key)[:count]

    def to_json(self) -> dict[str, Any]:
        """Exactly the shape issue 5 specifies for ``annotator agreement --json``."""
        return {
            "annotators": list(self.annotators),
            "documents": self.documents,
            "alpha": self.alpha,
            "pairs": [
                {
                    "a": pair.a,
                    "b": pair.b,
                    "documents": pair.documents,
                    "f1_exact": pair.f1_exact,
                    "f1_overlap": pair.f1_overlap,
                    "kappa": pair.kappa,
                    "per_label": {
                        label: {"f1_exact": figures.f1_exact, "f1_overlap": figures.f1_overlap,
                                "a_count": figures.a_count, "b_count": figures.b_count}
                        for label, figures in pair.per_label.items()
                    },
                    "relations": pair.relations.to_json(),
                }
                for pair in self.pairs
            ],
            "per_document": [{"id": doc.id, "alpha": doc.alpha, "f1_exact": doc.f1_exact}
                             for doc in self.per_document],
        }


# -- computing -----------------------------------------------------------------

class _SpanCounts:
    """Span counts behind one F1 (a pair overall, on one label, or on one document)."""

    __slots__ = ("a", "b", "exact", "overlap")

    def __init__(self) -> None:
        self.a = self.b = self.exact = self.overlap = 0

    def add(self, other: _SpanCounts) -> None:
        self.a += other.a
        self.b += other.b
        self.exact += other.exact
        self.overlap += other.overlap


_ByLabel = dict[str, tuple[list[Span], set[tuple[int, int, str]]]]


def _by_label(spans: Sequence[Span]) -> _ByLabel:
    """An annotator's spans on one document grouped by label, with their keys."""
    groups: _ByLabel = {}
    for span in spans:
        group = groups.get(span.label)
        if group is None:
            group = groups[span.label] = ([], set())
        group[0].append(span)
        group[1].add(span.key)
    return groups


def _span_counts(a: _ByLabel, b: _ByLabel) -> dict[str, _SpanCounts]:
    """Per label: spans of A, spans of B, exact matches and overlap matches.

    An exact pair is always paired with itself by the largest-overlap-first
    matching (no other pair involving either span overlaps more, or as much
    with a union as small), so only the other spans go through it.
    """
    result: dict[str, _SpanCounts] = {}
    empty: tuple[list[Span], set[tuple[int, int, str]]] = ([], set())
    for label in a.keys() | b.keys():
        spans_a, keys_a = a.get(label, empty)
        spans_b, keys_b = b.get(label, empty)
        counts = result[label] = _SpanCounts()
        counts.a, counts.b = len(spans_a), len(spans_b)
        if spans_a and spans_b:
            common = keys_a & keys_b
            counts.exact = len(common)
            rest_a = [s for s in spans_a if s.key not in common] if common else spans_a
            rest_b = [s for s in spans_b if s.key not in common] if common else spans_b
            counts.overlap = counts.exact + (len(match_overlapping(rest_a, rest_b))
                                             if _may_overlap(rest_a, rest_b) else 0)
    return result


def _may_overlap(a: Sequence[Span], b: Sequence[Span]) -> bool:
    """False only when no span of ``a`` shares a character with one of ``b`` (checked for
    a few spans: :func:`match_overlapping` would pair none, and costs more to say so)."""
    if len(a) * len(b) > 64:
        return True
    for x in a:
        start, end = x.start, x.end
        for y in b:
            if start < y.end and y.start < end:
                return True
    return False


def _pair_confusion(group_pairs: Counter[tuple[TokenLabel, TokenLabel]],
                    labels_a: Sequence[TokenLabel], labels_b: Sequence[TokenLabel],
                    foreign: Sequence[tuple[int, int]],
                    pair_cuts: frozenset[int]) -> Counter[tuple[TokenLabel, TokenLabel]]:
    """Token label pairs of A and B on the tokens cut at their own boundaries only.

    ``group_pairs`` counts them on the group's tokens, which other annotators'
    boundaries may cut finer; ``foreign`` lists ``(offset, token index)`` for
    every group token that begins at such a cut (not at a token of the text).
    A token that begins at a cut A and B do not share is the continuation of
    the token before it for them, and both gave it the same labels as that
    one (a span of A or B covers whole tokens either way), so removing it
    gives exactly the pair's own tokens.
    """
    extra = [i for offset, i in foreign if offset not in pair_cuts]
    if not extra:
        return group_pairs
    result = Counter(group_pairs)
    for i in extra:
        result[(labels_a[i], labels_b[i])] -= 1
    return +result


_Pair = tuple[str, str]
_RelationKeys = tuple[Counter[tuple[object, ...]], Counter[tuple[object, ...]]]


@dataclass
class AgreementTally:
    """What :func:`compute_agreement` counts over documents, before any figure is made.

    Counting is per document and tallies add up (:meth:`merge`), so a big project is
    counted in chunks on several processes (:func:`annotator.io.team.agreement_tally`)
    and the figures made once from the sum (:meth:`result`): the same figures as
    counting every document in one place.
    """

    names: tuple[str, ...]
    seen_labels: set[str] = field(default_factory=set)
    span_totals: dict[_Pair, dict[str, _SpanCounts]] = field(default_factory=dict)
    pair_docs: Counter[_Pair] = field(default_factory=Counter)
    confusion: dict[_Pair, Counter[tuple[TokenLabel, TokenLabel]]] = field(default_factory=dict)
    units: Counter[tuple[TokenLabel, ...]] = field(default_factory=Counter)
    per_document: list[DocumentFigures] = field(default_factory=list)
    relation_totals: dict[_Pair, _RelationKeys] = field(default_factory=dict)

    @classmethod
    def of(cls, annotators: Sequence[str]) -> AgreementTally:
        names = tuple(dict.fromkeys(annotators))
        if len(names) < 2:
            raise ValueError("agreement needs at least two annotators")
        tally = cls(names)
        for pair in itertools.combinations(names, 2):
            tally.span_totals[pair] = defaultdict(_SpanCounts)
            tally.confusion[pair] = Counter()
            tally.relation_totals[pair] = (Counter(), Counter())
        return tally

    @property
    def documents(self) -> int:
        """Documents counted (those at least two of the annotators annotated)."""
        return len(self.per_document)

    def merge(self, other: AgreementTally) -> None:
        """Add ``other``'s counts (same annotators, other documents) to these."""
        if other.names != self.names:
            raise ValueError("tallies of different annotators cannot be merged")
        self.seen_labels |= other.seen_labels
        for pair, totals in other.span_totals.items():
            mine = self.span_totals[pair]
            for label, counts in totals.items():
                mine[label].add(counts)
        self.pair_docs.update(other.pair_docs)
        for pair, counter in other.confusion.items():
            self.confusion[pair].update(counter)
        self.units.update(other.units)
        self.per_document += other.per_document
        for pair, (keys_a, keys_b) in other.relation_totals.items():
            self.relation_totals[pair][0].update(keys_a)
            self.relation_totals[pair][1].update(keys_b)

    def add(self, document: AnnotatedDocument) -> None:
        """Count one document (nothing if fewer than two of the annotators annotated it)."""
        present = tuple(name for name in self.names if name in document.spans)
        if len(present) < 2:
            return
        spans_by = document.spans
        by_label = {name: _by_label(spans_by[name]) for name in present}
        self.seen_labels.update(*by_label.values())
        text = document.text
        # Tokens cut at every boundary of every annotator present; the pairs'
        # tokens (cut at their own boundaries only) are derived from these.
        words = token_arrays(text)
        cuts_of = {name: frozenset(b for s in spans_by[name] for b in (s.start, s.end))
                   for name in present}
        tokens = split_tokens(text, words, frozenset().union(*cuts_of.values()))
        group = {name: flat_labels(tokens, [(s.start, s.end, s.label)
                                            for s in spans_by[name]]).labels
                 for name in present}
        foreign: list[tuple[int, int]] = []  # none when no boundary cut a word
        if tokens is not words:
            word_starts = set(words.starts)
            foreign = [(start, i) for i, start in enumerate(tokens.starts)
                       if start not in word_starts]
        doc_units = Counter(zip(*group.values(), strict=True))
        self.units.update(doc_units)

        doc_pairs: dict[tuple[str, str], PairDocument] = {}
        doc_spans = _SpanCounts()
        relations_by = document.relations
        keys_of = {name: relation_keys(spans_by[name], relations_by[name])
                   for name in present if relations_by.get(name)}
        for a, b in itertools.combinations(present, 2):
            self.pair_docs[(a, b)] += 1
            for side, name in ((0, a), (1, b)):  # keyed by document too: never across two
                if name in keys_of:
                    self.relation_totals[(a, b)][side].update(
                        {(*key, document.id): n for key, n in keys_of[name].items()})
            pair_counts = _SpanCounts()
            for label, counts in _span_counts(by_label[a], by_label[b]).items():
                self.span_totals[(a, b)][label].add(counts)
                pair_counts.add(counts)
            doc_spans.add(pair_counts)
            ia, ib = present.index(a), present.index(b)
            group_pairs: Counter[tuple[TokenLabel, TokenLabel]] = Counter()
            for unit, count in doc_units.items():
                group_pairs[(unit[ia], unit[ib])] += count
            doc_confusion = _pair_confusion(group_pairs, group[a], group[b], foreign,
                                            cuts_of[a] | cuts_of[b])
            self.confusion[(a, b)].update(doc_confusion)
            doc_pairs[(a, b)] = PairDocument(
                f1(pair_counts.exact, pair_counts.a, pair_counts.b),
                f1(pair_counts.overlap, pair_counts.a, pair_counts.b),
                cohen_kappa(doc_confusion), pair_counts.a, pair_counts.b,
                pair_counts.exact, pair_counts.overlap)

        self.per_document.append(DocumentFigures(
            document.id, present, krippendorff_alpha(doc_units),
            f1(doc_spans.exact, doc_spans.a, doc_spans.b),
            f1(doc_spans.overlap, doc_spans.a, doc_spans.b),
            len(tokens), doc_pairs))

    def result(self, labels: Sequence[str] = ()) -> Agreement:
        """The figures of everything counted; ``labels`` orders the per-label figures."""
        label_order = tuple(dict.fromkeys([*labels, *sorted(self.seen_labels - set(labels))]))
        pairs = []
        for a, b in itertools.combinations(self.names, 2):
            totals = self.span_totals[(a, b)]
            confusion = self.confusion[(a, b)]
            overall = _SpanCounts()
            for counts in totals.values():
                overall.add(counts)
            per_label = {}
            for label in label_order:
                counts = totals.get(label) or _SpanCounts()
                per_label[label] = LabelFigures(
                    f1(counts.exact, counts.a, counts.b), f1(counts.overlap, counts.a, counts.b),
                    counts.a, counts.b, cohen_kappa(one_against_rest_pairs(confusion, label)))
            pairs.append(PairFigures(
                a, b, self.pair_docs[(a, b)], f1(overall.exact, overall.a, overall.b),
                f1(overall.overlap, overall.a, overall.b), cohen_kappa(confusion),
                per_label, dict(confusion), sum(confusion.values()),
                relation_figures(*self.relation_totals[(a, b)])))
        per_document = sorted(self.per_document, key=lambda doc: doc.id)
        return Agreement(
            self.names, label_order, krippendorff_alpha(self.units),
            {label: krippendorff_alpha(one_against_rest(self.units, label))
             for label in label_order},
            tuple(pairs), tuple(per_document))


def compute_agreement(documents: Iterable[AnnotatedDocument], annotators: Sequence[str],
                      labels: Sequence[str] = ()) -> Agreement:
    """Every figure for ``annotators`` (in the given order) over ``documents``.

    Only documents that at least two of ``annotators`` annotated count; other
    annotators' spans are ignored. ``labels`` orders the per-label figures (the
    project's labels); labels found in spans but not listed follow, sorted.
    """
    tally = AgreementTally.of(annotators)
    for document in documents:
        tally.add(document)
    return tally.result(labels)


def document_agreement(text: str, spans: Mapping[str, Sequence[Span]],
                       labels: Sequence[str] = (), doc_id: str = "") -> Agreement:
    """Figures for one document (the review panel's status line): ``spans`` by annotator."""
    return compute_agreement([AnnotatedDocument(doc_id, text, spans)], list(spans), labels)
