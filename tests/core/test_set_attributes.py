"""``set_attributes``: a span's attributes change as one edit with an exact inverse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import set_attributes
from annotator.core.spans import Span

TEXT = "قدّم الوفد هدية تذكارية للمضيف."


def one_span(attributes: dict[str, str] | None = None) -> AnnotationSet:
    return AnnotationSet.build("d", TEXT, "amal", [Span("T1", 11, 15, "gift", TEXT[11:15],
                                                        attributes=attributes)])


def test_set_then_clear() -> None:
    aset = one_span()
    edit = set_attributes(aset, "T1", {"kind": "تذكار", "a": "b"})
    edit.apply(aset)
    assert aset.span("T1").attributes == {"a": "b", "kind": "تذكار"}
    assert [s.id for s in edit.changes.added] == ["T1"]
    clear = set_attributes(aset, "T1", {})
    clear.apply(aset)
    assert aset.span("T1").attributes is None


keys = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
values = st.dictionaries(keys, keys, max_size=4)


@settings(max_examples=40, deadline=None)
@given(before=st.none() | values, after=st.none() | values)
def test_inverse_gives_back_the_same_set(before: dict[str, str] | None,
                                         after: dict[str, str] | None) -> None:
    aset = one_span(before)
    snapshot = aset.snapshot()
    edit = set_attributes(aset, "T1", after)
    edit.apply(aset)
    assert aset.span("T1").attributes == (after or None)
    edit.inverse().apply(aset)
    assert aset.snapshot() == snapshot
