"""Writing JSON in batches gives exactly the bytes json.dumps gives."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from annotator.io import jsonfile
from annotator.io.jsonfile import dump_json_bytes

values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text()),
    lambda children: st.one_of(st.lists(children), st.dictionaries(st.text(), children)),
    max_leaves=40)


@given(values)
def test_batched_writing_is_byte_identical(value: Any) -> None:
    expected = (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    assert dump_json_bytes(value) == expected


def test_many_batches(monkeypatch: Any) -> None:
    monkeypatch.setattr(jsonfile, "_BATCH", 3)
    value = {"spans": [{"id": f"T{i}", "text": "كيم 😀"} for i in range(50)]}
    assert dump_json_bytes(value) == (json.dumps(value, ensure_ascii=False, indent=2)
                                      + "\n").encode("utf-8")
