"""Annotator: standoff span annotation of right-to-left news articles for NLP training data.

The package is layered so that everything but the window runs without Qt:
``core`` (model, edits, agreement; standard library only) <- ``io`` (file formats)
<- ``cli`` (headless commands) <- ``ui`` (the only package that imports PySide6).
"""

__version__ = "0.1.0"

import logging as _logging

# A library logs nowhere until the application says where (annotator.logs for ours).
_logging.getLogger("annotator").addHandler(_logging.NullHandler())
