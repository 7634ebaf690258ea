"""Loading the optional machine-learning modules (spaCy), with a clear message when it is absent.

:mod:`annotator.io.training` imports spaCy at module level; callers that run
without the ``ml`` extra (the command line, :mod:`annotator.io.suggestions`)
load it through :func:`training_module`, which says how to install spaCy
instead of failing with an import error.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType
from typing import Final

from annotator.core.errors import AnnotatorError, Problem

INSTALL: Final = "pip install 'annotator[ml]'  (or: pip install spacy)"


def available() -> bool:
    """Whether spaCy is installed (the ``ml`` extra), without importing it."""
    return importlib.util.find_spec("spacy") is not None


def training_module(what: str) -> ModuleType:
    """:mod:`annotator.io.training`; a ``missing-dependency`` problem when spaCy is absent."""
    if not available():
        raise AnnotatorError(Problem("missing-dependency", f"{what} needs the 'spacy' package, "
                                     f"which is not installed; install it with: {INSTALL}"))
    return importlib.import_module("annotator.io.training")
