"""Agreement figures: F1 by hand, kappa against scikit-learn, alpha against ``krippendorff``.

The references are computed here from the token labels themselves (the shared
tokenizer cut at the compared annotators' boundaries, then ``flat_labels``), so
the tests check the statistics, the missing-data handling and the pooling over
documents independently of how agreement.py counts.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import (
    Agreement,
    AgreementTally,
    AnnotatedDocument,
    compute_agreement,
    document_agreement,
    documents_from_sets,
)
from annotator.core.annotations import AnnotationSet
from annotator.core.spans import Span
from annotator.core.statistics import cohen_kappa, krippendorff_alpha
from annotator.core.tagging import flat_labels
from annotator.core.tokens import tokenize
from tests.review_data import TEAM, TEXTS, spans_of

LABELS = ("entity", "gift", "meeting")
# "The governor gave the guest a drone and a vest, and the president thanked him."
TEXT = "أهدى الحاكم الضيفَ طائرة مسيّرة وسترة، وشكره الرئيس على ذلك."


def sp(start: int, end: int, label: str = "entity", text: str = TEXT, sid: str = "") -> Span:
    return Span(sid or f"T{start}-{end}-{label}", start, end, label, text[start:end])


def one_doc(a: Sequence[Span], b: Sequence[Span]) -> Agreement:
    return compute_agreement([AnnotatedDocument("d", TEXT, {"a": a, "b": b})], ["a", "b"], LABELS)


# -- F1 by hand ----------------------------------------------------------------

def test_f1_empty_is_null_and_one_sided_is_zero() -> None:
    empty = one_doc([], [])
    assert empty.pairs[0].f1_exact is None and empty.pairs[0].f1_overlap is None
    one_sided = one_doc([sp(5, 11)], [])
    assert one_sided.pairs[0].f1_exact == 0.0 and one_sided.pairs[0].f1_overlap == 0.0
    assert one_sided.pairs[0].per_label["gift"].f1_exact is None  # nobody used "gift"


def test_f1_identical() -> None:
    spans = [sp(5, 11), sp(19, 31, "gift"), sp(32, 36, "gift")]
    pair = one_doc(spans, list(spans)).pairs[0]
    assert (pair.f1_exact, pair.f1_overlap, pair.kappa) == (1.0, 1.0, 1.0)
    assert pair.per_label["gift"].a_count == pair.per_label["gift"].b_count == 2


def test_f1_disjoint() -> None:
    pair = one_doc([sp(5, 11)], [sp(19, 24)]).pairs[0]
    assert (pair.f1_exact, pair.f1_overlap) == (0.0, 0.0)


def test_f1_nested() -> None:
    # A: "طائرة مسيّرة" as a gift. B: the same, plus "طائرة" nested in it.
    # exact: 1 match, 2 * 1 / (1 + 2) = 2/3. overlap: one-to-one, the outer
    # span of A is taken by its exact twin, so the nested one stays unmatched.
    pair = one_doc([sp(19, 31, "gift")], [sp(19, 31, "gift"), sp(19, 24, "gift")]).pairs[0]
    assert pair.f1_exact == pytest.approx(2 / 3)
    assert pair.f1_overlap == pytest.approx(2 / 3)


def test_f1_off_by_one() -> None:
    # "الحاكم" against "الحاك": no exact match, but they overlap: 0 and 1.
    pair = one_doc([sp(5, 11)], [sp(5, 10)]).pairs[0]
    assert (pair.f1_exact, pair.f1_overlap) == (0.0, 1.0)


def test_f1_overlap_needs_the_same_label_and_is_one_to_one() -> None:
    assert one_doc([sp(19, 31, "gift")], [sp(19, 31, "entity")]).pairs[0].f1_overlap == 0.0
    # one long span of A against two pieces of B: one match, 2 * 1 / (1 + 2)
    pair = one_doc([sp(19, 31, "gift")], [sp(19, 24, "gift"), sp(25, 31, "gift")]).pairs[0]
    assert pair.f1_overlap == pytest.approx(2 / 3)


def test_f1_is_micro_averaged_over_documents() -> None:
    # doc 1: both have the same 2 spans. doc 2: A has 2 spans, B none.
    # micro: 2 * 2 / (4 + 2) = 2/3 (a macro average would say (1 + 0) / 2).
    same = [sp(5, 11), sp(19, 31, "gift")]
    docs = [AnnotatedDocument("d1", TEXT, {"a": same, "b": same}),
            AnnotatedDocument("d2", TEXT, {"a": same, "b": []})]
    result = compute_agreement(docs, ["a", "b"], LABELS)
    assert result.pairs[0].f1_exact == pytest.approx(2 / 3)
    assert [d.f1_exact for d in result.per_document] == [1.0, 0.0]


def test_per_document_f1_of_three_annotators_pools_its_pairs() -> None:
    # a and b agree on 1 span, c has none: pairs (a,b) 1 of 1+1, (a,c) 0 of 1+0,
    # (b,c) 0 of 1+0: 2 * 1 / 4.
    doc = AnnotatedDocument("d", TEXT, {"a": [sp(5, 11)], "b": [sp(5, 11)], "c": []})
    result = compute_agreement([doc], ["a", "b", "c"], LABELS)
    assert result.per_document[0].f1_exact == pytest.approx(0.5)


# -- references ----------------------------------------------------------------

def token_labels(text: str, spans_by: Mapping[str, Sequence[Span]],
                 who: Sequence[str]) -> list[list[str]]:
    """The reference token labels: tokens cut at all of ``who``'s boundaries, ``O`` outside."""
    cuts = [b for name in who for s in spans_by[name] for b in (s.start, s.end)]
    tokens = tokenize(text, cuts)
    return [[label or "O" for label in
             flat_labels(tokens, [(s.start, s.end, s.label) for s in spans_by[name]]).labels]
            for name in who]


def sk_kappa(x: Sequence[object], y: Sequence[object]) -> float | None:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(list(x), list(y)))
    return None if math.isnan(value) else value


def kd_alpha(rows: list[list[float]]) -> float | None:
    data = np.array(rows, dtype=float)
    if data.size == 0:
        return None
    try:
        with np.errstate(all="ignore"):
            value = float(krippendorff.alpha(reliability_data=data,
                                             level_of_measurement="nominal"))
    except ValueError:  # "There has to be more than one value in the domain."
        return None
    return None if math.isnan(value) else value


def same(ours: float | None, reference: float | None) -> bool:
    if ours is None or reference is None:
        return ours is None and reference is None
    return math.isclose(ours, reference, rel_tol=1e-9, abs_tol=1e-9)


def reliability(docs: Sequence[AnnotatedDocument], names: Sequence[str],
                code: Mapping[str, float]) -> list[list[float]]:
    """Annotators x tokens, NaN where an annotator did not annotate the document."""
    rows: list[list[float]] = [[] for _ in names]
    for doc in docs:
        present = [n for n in names if n in doc.spans]
        if len(present) < 2:
            continue
        labels = dict(zip(present, token_labels(doc.text, doc.spans, present), strict=True))
        width = len(next(iter(labels.values())))
        for row, name in zip(rows, names, strict=True):
            row.extend(code[v] for v in labels[name]) if name in labels else row.extend(
                [math.nan] * width)
    return rows


def check_against_references(docs: Sequence[AnnotatedDocument], names: Sequence[str]) -> None:
    result = compute_agreement(docs, names, LABELS)
    # kappa of each pair: overall (tokens of all shared documents), per label, per document
    for pair in result.pairs:
        xs: list[str] = []
        ys: list[str] = []
        for doc in docs:
            if pair.a in doc.spans and pair.b in doc.spans:
                x, y = token_labels(doc.text, doc.spans, (pair.a, pair.b))
                xs += x
                ys += y
                figures = next(d for d in result.per_document if d.id == doc.id)
                assert same(figures.pairs[(pair.a, pair.b)].kappa, sk_kappa(x, y)), doc.id
        assert same(pair.kappa, sk_kappa(xs, ys) if xs else None)
        assert pair.tokens == len(xs)
        for label in LABELS:
            assert same(pair.per_label[label].kappa,
                        sk_kappa([v == label for v in xs], [v == label for v in ys])
                        if xs else None), label
    # alpha: all annotators at once, missing documents as missing data
    code = {label: float(i) for i, label in enumerate(("O", *LABELS))}
    assert same(result.alpha, kd_alpha(reliability(docs, names, code)))
    for label in LABELS:
        binary = {value: float(value == label) for value in code}
        assert same(result.alpha_per_label[label], kd_alpha(reliability(docs, names, binary)))
    for doc_figures in result.per_document:
        doc = next(d for d in docs if d.id == doc_figures.id)
        assert same(doc_figures.alpha, kd_alpha(reliability([doc], names, code)))


def team_documents() -> list[AnnotatedDocument]:
    return [AnnotatedDocument(doc_id, text, {name: spans_of(text, TEAM[name][doc_id])
                                             for name in TEAM if doc_id in TEAM[name]})
            for doc_id, text in TEXTS.items()]


def test_team_figures_match_references() -> None:
    docs = team_documents()
    check_against_references(docs, ["amal", "omar", "sara"])
    check_against_references(docs, ["sara", "amal"])


def test_missing_document_is_missing_data_not_outside() -> None:
    docs = team_documents()  # sara did not annotate d3
    result = compute_agreement(docs, ["amal", "omar", "sara"], LABELS)
    code = {label: float(i) for i, label in enumerate(("O", *LABELS))}
    rows = reliability(docs, ["amal", "omar", "sara"], code)
    assert any(math.isnan(v) for v in rows[2])
    as_outside = [[code["O"] if math.isnan(v) else v for v in row] for row in rows]
    reference = kd_alpha(rows)
    assert reference is not None and result.alpha == pytest.approx(reference)
    assert result.alpha != pytest.approx(kd_alpha(as_outside))
    assert [d.annotators for d in result.per_document][2] == ("amal", "omar")


WORDS = ["أهدى", "الحاكم", "ضيفه", "طائرة", "مسيّرة", "،", "بوتين", "و", "كيم", "2023", "«قمة»"]


@st.composite
def corpora(draw: st.DrawFn) -> list[AnnotatedDocument]:
    docs = []
    for number in range(draw(st.integers(1, 3))):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
        spans_by: dict[str, list[Span]] = {}
        for name in ("a", "b", "c"):
            if not draw(st.booleans()) and name == "c":
                continue  # c skips some documents
            chosen = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12),
                                             st.sampled_from(LABELS)), max_size=5))
            unique = {(s, min(len(text), s + n), label) for s, n, label in chosen}
            spans_by[name] = [sp(s, e, label, text, f"T{i}")
                              for i, (s, e, label) in enumerate(sorted(unique))]
        docs.append(AnnotatedDocument(f"doc{number}", text, spans_by))
    return docs


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_random_corpora_match_references(docs: list[AnnotatedDocument]) -> None:
    check_against_references(docs, ["a", "b", "c"])


@settings(max_examples=30, deadline=None)
@given(corpora(), st.integers(0, 3))
def test_tallies_counted_in_chunks_and_merged_give_the_same_figures(
        docs: list[AnnotatedDocument], cut: int) -> None:
    """What processes count apart and merge equals counting every document in one place."""
    names = ["a", "b", "c"]
    whole = compute_agreement(docs, names, LABELS)
    first, second = AgreementTally.of(names), AgreementTally.of(names)
    for document in docs[:cut]:
        first.add(document)
    for document in docs[cut:]:
        second.add(document)
    first.merge(second)
    assert first.result(LABELS).to_json() == whole.to_json()
    assert first.documents == len(whole.per_document)


# -- building blocks, shapes ---------------------------------------------------

def test_statistics_on_textbook_tables() -> None:
    # Cohen (1960)-style 2x2: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> kappa 0.4
    table = {("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15}
    assert cohen_kappa(table) == pytest.approx(0.4)
    assert cohen_kappa({("O", "O"): 7}) is None
    assert krippendorff_alpha({("O", "O", "O"): 9}) is None
    assert krippendorff_alpha({("x",): 4}) is None  # nothing pairable


def test_json_has_exactly_the_issue_shape() -> None:
    result = compute_agreement(team_documents(), ["amal", "omar", "sara"], LABELS)
    data = result.to_json()
    assert list(data) == ["annotators", "documents", "alpha", "pairs", "per_document"]
    assert data["annotators"] == ["amal", "omar", "sara"] and data["documents"] == 3
    assert [(p["a"], p["b"], p["documents"]) for p in data["pairs"]] == [
        ("amal", "omar", 3), ("amal", "sara", 2), ("omar", "sara", 2)]
    for pair in data["pairs"]:
        assert list(pair) == ["a", "b", "documents", "f1_exact", "f1_overlap", "kappa",
                              "per_label", "relations"]  # relations: issue 11
        assert list(pair["relations"]) == ["f1", "a_count", "b_count", "per_type"]
        assert list(pair["per_label"]) == list(LABELS)
        for figures in pair["per_label"].values():
            assert list(figures) == ["f1_exact", "f1_overlap", "a_count", "b_count"]
    assert [list(d) for d in data["per_document"]] == [["id", "alpha", "f1_exact"]] * 3


def test_documents_with_one_annotator_do_not_count() -> None:
    docs = [AnnotatedDocument("alone", TEXT, {"a": [sp(5, 11)]}),
            AnnotatedDocument("shared", TEXT, {"a": [sp(5, 11)], "b": [sp(5, 11)]})]
    result = compute_agreement(docs, ["a", "b"], LABELS)
    assert [d.id for d in result.per_document] == ["shared"]
    assert result.pairs[0].per_label["entity"].a_count == 1
    nobody = compute_agreement(docs[:1], ["a", "b"], LABELS)
    assert nobody.documents == 0 and nobody.alpha is None and nobody.pairs[0].documents == 0


def test_from_annotation_sets_and_single_document() -> None:
    a = AnnotationSet.build("d", TEXT, "amal", [sp(5, 11, sid="T1")])
    b = AnnotationSet.build("d", TEXT, "omar", [sp(5, 10, sid="T1")])
    docs = documents_from_sets([a, b])
    assert [(d.id, sorted(d.spans)) for d in docs] == [("d", ["amal", "omar"])]
    figures = document_agreement(TEXT, {"amal": a.spans(), "omar": b.spans()}, LABELS)
    assert figures.pairs[0].f1_overlap == 1.0 and figures.pairs[0].f1_exact == 0.0
    with pytest.raises(ValueError, match="another text"):
        documents_from_sets([a, AnnotationSet.build("d", TEXT + ".", "sara")])


def test_lowest_puts_undefined_alpha_last() -> None:
    result = compute_agreement(team_documents(), ["amal", "omar", "sara"], LABELS)
    lowest = result.lowest(3)
    alphas = [d.alpha for d in lowest]
    assert alphas == sorted(alphas, key=lambda v: 2.0 if v is None else v)
    quiet = AnnotatedDocument("quiet", TEXT, {"a": [], "b": []})
    with_quiet = compute_agreement([*team_documents(), quiet], ["amal", "a", "b"], LABELS)
    assert with_quiet.lowest(5)[-1].id == "quiet"
