"""Reading and writing JSON the way every project file needs it.

Reading reports invalid UTF-8 with its byte offset and malformed JSON with line
and column; writing produces real characters (no ``\\u`` escapes), 2-space
indent and a final newline, as the format spec requires.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.errors import AnnotatorError, Problem


def parse_json_bytes(data: bytes, source: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotatorError(Problem("invalid-utf8",
            f"not valid UTF-8 at byte {exc.start}: {exc.reason}", file=source)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnnotatorError(Problem("malformed-json",
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            file=source)) from None


def dump_json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
