"""The workspace's document ids: a sequence that finds each id's place at once, a list otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.ui.workspace import DocumentIds

IDS = st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=30)


@given(IDS, st.text(max_size=6), st.integers(-40, 40), st.integers(-40, 40))
def test_document_ids_behave_as_the_list_of_them(ids: list[str], probe: str, start: int,
                                                 stop: int) -> None:
    found = DocumentIds(ids)
    assert found == ids and list(found) == ids and len(found) == len(ids)
    assert bool(found) == bool(ids)
    for doc_id in [*ids, probe]:
        assert (doc_id in found) == (doc_id in ids)
        assert found.position(doc_id) == (ids.index(doc_id) if doc_id in ids else None)
        for args in ((), (start,), (start, stop)):
            try:
                expected: int | None = ids.index(doc_id, *args)
            except ValueError:
                expected = None
            if expected is None:
                with pytest.raises(ValueError):
                    found.index(doc_id, *args)
            else:
                assert found.index(doc_id, *args) == expected
    for i in range(-len(ids), len(ids)):
        assert found[i] == ids[i]
    assert found[start:stop] == ids[start:stop]
    assert found.position(None) is None
    assert DocumentIds(ids) == DocumentIds(list(ids)) and found == tuple(ids)
    assert found != [*ids, "x"]
