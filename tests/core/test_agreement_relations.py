"""Agreement on relations: same type and both ends matching exactly, checked independently."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement import AnnotatedDocument, compute_agreement
from annotator.core.spans import Relation, Span

TEXT = "قدّم كيم بندقية لبوتين في فلاديفوستوك بعد لقاء طويل مع الحاكم"
WORDS = [(0, 4), (5, 8), (9, 15), (16, 22), (26, 37), (42, 46), (54, 56), (57, 63)]
LABELS = ["entity", "gift", "meeting"]
TYPES = ["giver", "recipient", "place"]


def annotation(rng: random.Random) -> tuple[list[Span], list[Relation]]:
    spans = [Span(f"T{i + 1}", s, e, rng.choice(LABELS), TEXT[s:e])
             for i, (s, e) in enumerate(rng.sample(WORDS, rng.randint(0, len(WORDS))))]
    relations: list[Relation] = []
    seen = set()
    for n in range(rng.randint(0, 6)):
        if len(spans) < 2:
            break
        a, b = rng.sample(spans, 2)
        kind = rng.choice(TYPES)
        if (kind, a.id, b.id) not in seen:
            seen.add((kind, a.id, b.id))
            relations.append(Relation(f"R{n + 1}", kind, a.id, b.id))
    return spans, relations


def independent_f1(a: tuple[list[Span], list[Relation]],
                   b: tuple[list[Span], list[Relation]]) -> tuple[float | None, int, int]:
    """Straight from the definition, with sets (no two identical relations in one file)."""
    def keys(side: tuple[list[Span], list[Relation]]) -> set[tuple[object, ...]]:
        ends = {s.id: (s.start, s.end, s.label) for s in side[0]}
        return {(r.type, ends[r.source], ends[r.target]) for r in side[1]}

    ka, kb = keys(a), keys(b)
    if not ka and not kb:
        return None, 0, 0
    return 2 * len(ka & kb) / (len(ka) + len(kb)), len(ka), len(kb)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4))
def test_relation_f1_matches_an_independent_computation(seed: int, documents: int) -> None:
    rng = random.Random(seed)
    corpus = []
    expected_matches = expected_a = expected_b = 0
    for d in range(documents):
        a, b = annotation(rng), annotation(rng)
        if rng.random() < 0.3:  # B copies A now and then: real matches
            b = (list(a[0]), list(a[1]))
        corpus.append(AnnotatedDocument(f"d{d}", TEXT, {"amal": a[0], "omar": b[0]},
                                        {"amal": a[1], "omar": b[1]}))
        f, na, nb = independent_f1(a, b)
        expected_a += na
        expected_b += nb
        if f is not None:
            expected_matches += round(f * (na + nb) / 2)
    figures = compute_agreement(corpus, ["amal", "omar"], LABELS).pair("amal", "omar").relations
    assert (figures.a_count, figures.b_count, figures.matches) == (
        expected_a, expected_b, expected_matches)
    if expected_a + expected_b == 0:
        assert figures.f1 is None
    else:
        assert figures.f1 == 2 * expected_matches / (expected_a + expected_b)


def test_the_json_shape() -> None:
    spans = [Span("T1", 5, 8, "entity", "كيم"), Span("T2", 9, 15, "gift", "بندقية")]
    rel = [Relation("R1", "giver", "T2", "T1")]
    doc = AnnotatedDocument("d", TEXT, {"a": spans, "b": spans}, {"a": rel, "b": []})
    pair = compute_agreement([doc], ["a", "b"]).to_json()["pairs"][0]
    assert pair["relations"]["f1"] == 0.0 and pair["relations"]["a_count"] == 1
    assert pair["relations"]["b_count"] == 0
    assert pair["relations"]["per_type"] == {"giver": {"f1": 0.0, "a_count": 1, "b_count": 0}}


def test_the_report_shows_relations_per_type() -> None:
    from annotator.io.report_html import render_report

    spans = [Span("T1", 5, 8, "entity", "كيم"), Span("T2", 9, 15, "gift", "بندقية")]
    rel = [Relation("R1", "giver", "T2", "T1")]
    doc = AnnotatedDocument("d", TEXT, {"a": spans, "b": spans}, {"a": rel, "b": rel})
    agreement = compute_agreement([doc], ["a", "b"])
    page = render_report(agreement, [doc], title="t", colors={})
    assert "<h2>Relations</h2>" in page and "<td>giver</td>" not in page
    assert ">giver</span></td><td class=n>1.000</td>" in page
    empty = AnnotatedDocument("d", TEXT, {"a": spans, "b": spans})
    assert "<h2>Relations</h2>" not in render_report(
        compute_agreement([empty], ["a", "b"]), [empty], title="t", colors={})
