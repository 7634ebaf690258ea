"""The examples in the export and import modules' docstrings are true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from annotator.io import brat, exchange, export_doccano, exporting


@pytest.mark.parametrize("module", [brat, exchange, exporting, export_doccano],
                         ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
