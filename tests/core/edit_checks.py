"""The apply-then-undo check shared by the property tests of core edits."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TypeVar

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import Edit
from annotator.core.errors import EditError

Step = TypeVar("Step")


def assert_invariants(aset: AnnotationSet) -> None:
    """What the format requires of every set, after every edit."""
    keys = [s.key for s in aset.spans()]
    assert len(keys) == len(set(keys))
    assert all(aset.text[s.start:s.end] == s.text for s in aset.spans())
    assert [s.sort_key for s in aset.spans()] == sorted(s.sort_key for s in aset.spans())
    # a relation may point to a span kept aside by re-anchoring, which keeps it in the file
    ids = {s.id for s in aset.spans()} | {s.id for s in aset.unplaced}
    assert all(r.source in ids and r.target in ids for r in aset.relations())


def apply_then_undo(aset: AnnotationSet, script: Sequence[Step],
                    make_edit: Callable[[AnnotationSet, Step], Edit | None],
                    check: Callable[[AnnotationSet, AnnotationSet], None] | None = None) -> None:
    """Apply each step's edit (a refused one must change nothing), check the invariants
    (and ``check(after, before)``), then undo all in reverse: each inverse gives back
    exactly the set before its edit."""
    applied: list[tuple[Edit, AnnotationSet]] = []
    for step in script:
        edit = make_edit(aset, step)
        if edit is None:
            continue
        before = copy.deepcopy(aset)
        try:
            edit.apply(aset)
        except EditError:
            assert aset == before  # a refused edit changes nothing
            continue
        assert_invariants(aset)
        if check is not None:
            check(aset, before)
        applied.append((edit, before))
    for edit, before in reversed(applied):
        edit.inverse().apply(aset)
        assert aset == before
