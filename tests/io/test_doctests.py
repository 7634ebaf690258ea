"""The examples in the export and import modules' docstrings are true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from annotator.io import exchange, exporting, importing


@pytest.mark.parametrize("module", [exchange, exporting, importing], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
