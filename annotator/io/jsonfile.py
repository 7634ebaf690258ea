"""Reading and writing JSON the way every project file needs it.

Reading refuses, with an :class:`~annotator.core.errors.AnnotatorError` naming
the file and the place, everything the format spec forbids or that would break
a later step, and never lets another exception out:

- invalid UTF-8 (``invalid-utf8``, with the byte offset) and malformed JSON
  (``malformed-json``, with line and column);
- ``NaN``, ``Infinity``, ``-Infinity`` and numbers too large for a float such
  as ``1e999`` (``bad-number``: numbers are finite), and integers of more than
  :data:`MAX_INT_DIGITS` digits (``bad-number``; Python would refuse more than
  4,300 with a ``ValueError``), each with line and column;
- nesting deeper than Python's parser can recurse (``too-deep``);
- strings, keys included, holding a lone surrogate (a ``\\ud800`` escape not
  part of a pair: not valid Unicode, and not writable as UTF-8), with the
  JSON path of the string (``bad-string``).

The common file pays for almost none of this: integers are parsed by Python's
C parser unless the bytes hold a run of more than :data:`MAX_INT_DIGITS`
digits, and the parsed value is walked (to name the bad string's path) only
when the text holds a ``\\u`` escape in the range D800-DFFF that is not half
of a pair. Callers that keep values they do not know (unknown keys) refuse
those nested deeper than :data:`MAX_DEPTH` with :func:`deeper_than`. A caller
may turn objects into its own records as they are read (``pairs_hook``), so a
file of 50,000 objects never holds them all as dicts at once.

Writing produces real characters (no ``\\u`` escapes), 2-space indent and a
final newline, as the format spec requires.
"""

from __future__ import annotations

import io
import json
import math
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from annotator.core.errors import AnnotatorError, Problem

MAX_INT_DIGITS = 20  # enough for any offset or count, far below Python's 4,300
# Values kept as they are (unknown keys) are refused deeper than this: writing or
# comparing them recurses, and must not hit Python's recursion limit later.
MAX_DEPTH = 64

# Every ASCII digit byte made "0": a run of too many digits is then a plain substring
# (found in a few ms in a 7 MB file, where a regular expression takes ten times longer).
_DIGITS_AS_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else b for b in range(256))
_TOO_MANY_DIGITS = b"0" * (MAX_INT_DIGITS + 1)
_DIGITS_SLICE = 1 << 20  # bytes looked at a time: no second copy of a 7 MB file


def _has_long_digit_run(data: bytes) -> bool:
    """Whether ``data`` holds more than :data:`MAX_INT_DIGITS` ASCII digits in a row."""
    overlap = len(_TOO_MANY_DIGITS) - 1  # a run cut by a slice's end is seen by the next
    for first in range(0, max(1, len(data) - overlap), _DIGITS_SLICE):
        part = data[first:first + _DIGITS_SLICE + overlap]
        if _TOO_MANY_DIGITS in part.translate(_DIGITS_AS_ZERO):
            return True
    return False


# A surrogate pair escape (high then low), or one surrogate escape.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                               r"|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string, to step over while looking for a number outside strings.
_STRING = r'"(?:[^"\\]|\\.)*"'


class _BadNumberError(Exception):
    def __init__(self, token: str, reason: str) -> None:
        super().__init__(token)
        self.token = token
        self.reason = reason


def _refuse_constant(token: str) -> NoReturn:
    raise _BadNumberError(token, f"{token} is not a number JSON allows (numbers are finite)")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _BadNumberError(token, f"number {_clip(token)} is too large (numbers are finite)")
    return value


def _bounded_int(token: str) -> int:
    digits = len(token.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _BadNumberError(token, f"integer with {digits} digits (at most {MAX_INT_DIGITS})")
    return int(token)


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _line_column(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"line {line}, column {pos - text.rfind(chr(10), 0, pos)}"


def _where_number(text: str, token: str) -> str:
    """Line and column of the first ``token`` outside strings, as JSON counts them."""
    number = rf"(?<![0-9.eE+-]){re.escape(token)}(?![0-9.eE+-])"
    for match in re.finditer(f"{_STRING}|{number}", text):
        if not match.group().startswith('"'):
            return f" at {_line_column(text, match.start())}"
    return ""


PairsHook = Callable[[list[tuple[str, Any]]], Any]


def _loads(text: str, source: str, *, exact_ints: bool, pairs_hook: PairsHook | None) -> Any:
    try:
        if exact_ints:
            return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                              parse_int=_bounded_int, object_pairs_hook=pairs_hook)
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                          object_pairs_hook=pairs_hook)
    except json.JSONDecodeError as exc:
        raise AnnotatorError(Problem("malformed-json",
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            file=source)) from None
    except _BadNumberError as exc:
        raise AnnotatorError(Problem("bad-number",
            f"{exc.reason}{_where_number(text, exc.token)}", file=source)) from None
    except RecursionError:
        raise AnnotatorError(Problem("too-deep", "nested too deeply (arrays or objects "
                                     "inside each other beyond what can be read)",
                                     file=source)) from None
    except ValueError as exc:  # Python's own integer limit, should the first pass miss one
        raise AnnotatorError(Problem("bad-number", f"a number cannot be read: {exc}",
                                     file=source)) from None


def _has_lone_surrogate_escape(text: str) -> bool:
    """Whether ``text`` holds a ``\\u`` escape of a surrogate that is not half of a pair.

    Cheap: one search for a literal ``\\u`` followed by D800-DFFF, then a look
    at each such escape, minding that ``\\\\ud800`` is no escape (the backslash
    is escaped).
    """
    for match in _SURROGATE_ESCAPE.finditer(text):
        backslashes = 0
        pos = match.start() - 1
        while pos >= 0 and text[pos] == "\\":
            backslashes += 1
            pos -= 1
        real = backslashes % 2 == 0
        pair = match.end() - match.start() == 12
        # a real single escape is lone; so is the second half of a "pair" whose first is not real
        if real != pair:
            return True
    return False


def parse_json_bytes(data: bytes, source: str, pairs_hook: PairsHook | None = None) -> Any:
    """The JSON value of ``data`` (UTF-8, BOM allowed); see the module for what is refused.

    ``pairs_hook`` is given each object's ``(key, value)`` pairs, in the file's
    order, and returns what the object becomes (``dict(pairs)`` for those it
    leaves alone); it is not used when the text may hold a lone surrogate,
    whose check walks dicts and lists only.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotatorError(Problem("invalid-utf8",
            f"not valid UTF-8 at byte {exc.start}: {exc.reason}", file=source)) from None
    # A run of digits longer than allowed (maybe only inside a string): check every integer;
    # otherwise Python's C parser reads them all.
    long_digits = _has_long_digit_run(data)
    lone = _has_lone_surrogate_escape(text)  # the only way a lone surrogate gets in
    value = _loads(text, source, exact_ints=long_digits, pairs_hook=None if lone else pairs_hook)
    if lone:
        found = find_lone_surrogate(value)
        if found is not None:
            path, key = found
            top = path == "$"
            where = "the top-level object" if top else f"'{path}'"
            what = f"{where} has a key {_clip(key)!a} that" if key is not None else where
            raise AnnotatorError(Problem("bad-string",
                f"{what} holds a lone surrogate (a \\ud800-\\udfff escape that is not half of "
                "a pair): not valid Unicode", file=source, field=None if top else path))
    return value


def json_path(parts: tuple[str | int, ...]) -> str:
    """``("spans", 3, "note")`` as ``spans[3].note`` (``$`` for the whole value)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            if part.isidentifier():
                out += f".{part}" if out else part
            else:
                out += f"[{json.dumps(_clip(part), ensure_ascii=False)}]"
    return out or "$"


def find_lone_surrogate(value: Any) -> tuple[str, str | None] | None:
    """The first string (in document order) holding a lone surrogate, or None.

    Returns its JSON path (``spans[3].note``) and, when the string is a key,
    the key (its path is then the object's).
    """
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, parts = stack.pop()
        kind = type(item)
        if kind is str:
            if _SURROGATE.search(item):
                return json_path(parts), None
        elif kind is dict:
            children = []
            for key, child in item.items():
                if _SURROGATE.search(key):
                    return json_path(parts), key
                children.append((child, (*parts, key)))
            stack.extend(reversed(children))
        elif kind is list:
            stack.extend((child, (*parts, i)) for i, child in reversed(list(enumerate(item))))
    return None


def deeper_than(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests lists and objects more than ``limit`` levels deep.

    A scalar is depth 0, ``[]`` and ``{}`` depth 1. Iterative: safe at any depth.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
_BATCH = 4096  # chunks joined and encoded at a time
_STREAM_BATCH = 1000  # items of a Streamed list converted and encoded at a time


@dataclass(frozen=True)
class Streamed:
    """A list, the value of a top-level key, that :func:`dump_json_bytes` writes a batch
    of items at a time: ``convert`` makes an item's JSON value just before it is written,
    so the values of 50,000 spans never all exist at once."""

    items: Sequence[Any]
    convert: Callable[[Any], Any]


def dump_json_bytes(value: Any) -> bytes:
    """UTF-8 JSON with real characters, 2-space indent and a final newline.

    The same bytes as ``json.dumps(value, ensure_ascii=False, indent=2) + "\\n"``
    (a :class:`Streamed` value written as the list of its converted items),
    built in batches: a 50,000-span file (7 MB) is never joined and encoded in
    one C call, which would hold the interpreter lock for ~45 ms and stall the
    window's event loop while a worker thread saves, and its bytes are
    gathered in one buffer that becomes the result without a copy.
    """
    out = io.BytesIO()
    streamed = [(key, item) for key, item in value.items() if isinstance(item, Streamed)] \
        if isinstance(value, dict) else []
    if not streamed:
        _write_encoded(out, value)
    else:
        # each streamed list is a placeholder string in the rest, cut out and written in turn
        marker = f"\x00streamed-{uuid.uuid4().hex}-"
        shell = {key: (f"{marker}{key}" if isinstance(item, Streamed) else item)
                 for key, item in value.items()}
        rest = _ENCODER.encode(shell)
        for key, item in streamed:
            before, found, rest = rest.partition(_ENCODER.encode(f"{marker}{key}"))
            if not found:
                raise AssertionError(f"the place of {key!r} was not found in the JSON written")
            out.write(before.encode("utf-8"))
            _write_streamed(out, item)
        out.write(rest.encode("utf-8"))
    out.write(b"\n")
    return out.getvalue()


def _write_encoded(out: io.BytesIO, value: Any) -> None:
    batch: list[str] = []
    for chunk in _ENCODER.iterencode(value):
        batch.append(chunk)
        if len(batch) >= _BATCH:
            out.write("".join(batch).encode("utf-8"))
            batch.clear()
    out.write("".join(batch).encode("utf-8"))


def _write_streamed(out: io.BytesIO, streamed: Streamed) -> None:
    """A top-level key's list as ``json.dumps(..., indent=2)`` writes it there (level 1)."""
    items = streamed.items
    if not items:
        out.write(b"[]")
        return
    out.write(b"[")
    for first in range(0, len(items), _STREAM_BATCH):
        batch = [streamed.convert(item) for item in items[first:first + _STREAM_BATCH]]
        # "[\n  a,\n  b\n]" one level deeper is "[\n    a,\n    b\n  ]": JSON strings hold
        # no raw newline, so every newline is indentation
        text = _ENCODER.encode(batch).replace("\n", "\n  ")
        if first:
            out.write(b",")
        out.write(text[1:-4].encode("utf-8"))  # without "[" and "\n  ]"
    out.write(b"\n  ]")
