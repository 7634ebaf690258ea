"""``annotator show``: brackets in pipes, colours on terminals, ``--visual`` for bidi-less ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.cli.show_cmd import mark_brackets, mark_colors
from annotator.cli.terminal import display_width, visual, visual_line
from annotator.core.spans import Span
from tests.review_data import TEAM, TEXTS, make_project

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# "The leader met Putin." (our own sentence)
TEXT = "التقى الزعيم بوتين."


def sp(word: str, label: str, sid: str = "T1", cut: int = 0) -> Span:
    start = TEXT.index(word)
    return Span(sid, start, start + len(word) - cut, label, TEXT[start:start + len(word) - cut])


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["show", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def team(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", TEAM).root


def test_brackets_nested_and_crossing() -> None:
    assert mark_brackets(TEXT, []) == TEXT
    assert mark_brackets(TEXT, [sp("بوتين", "entity")]) == "التقى الزعيم [بوتين|entity]."
    nested = [sp("الزعيم بوتين", "meeting", "T1"), sp("بوتين", "entity", "T2")]
    assert mark_brackets(TEXT, nested) == "التقى [الزعيم [بوتين|entity]|meeting]."
    same_range = [sp("بوتين", "entity", "T1"), sp("بوتين", "meeting", "T2")]
    assert mark_brackets(TEXT, same_range) == "التقى الزعيم [[بوتين|meeting]|entity]."
    # "التقى الزعيم" and "الزعيم بوتين" cross: the second is cut and continued
    crossing = [sp("التقى الزعيم", "meeting", "T1"), sp("الزعيم بوتين", "entity", "T2")]
    assert mark_brackets(TEXT, crossing) == "[التقى [الزعيم…]|meeting][… بوتين|entity]."


def test_brackets_inside_a_word_keep_every_letter() -> None:
    # a span on the prefix-less "زعيم" inside "الزعيم"
    start = TEXT.index("زعيم")
    out = mark_brackets(TEXT, [Span("T1", start, start + 4, "entity", "زعيم")])
    assert out == "التقى ال[زعيم|entity] بوتين."


LABEL_NAMES = ["entity", "gift"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 8),
                          st.sampled_from(LABEL_NAMES)), max_size=6))
def test_removing_the_marks_gives_back_the_text(raw: list[tuple[int, int, str]]) -> None:
    unique = sorted({(s, min(len(TEXT), s + n), label) for s, n, label in raw})
    spans = [Span(f"T{i}", s, e, label, TEXT[s:e]) for i, (s, e, label) in enumerate(unique)]
    out = mark_brackets(TEXT, spans)
    assert out.count("[") == out.count("]")
    assert out.count("|") == len(spans)  # each span's label once, at its end
    plain = re.sub(r"\|(?:entity|gift)\]|…\]|\[…|\[", "", out)
    assert plain == TEXT
    colored = mark_colors(TEXT, spans, {"entity": "#1f77b4", "gift": "#2ca02c"})
    assert re.sub(r"\{(?:entity|gift)\}", "", ANSI.sub("", colored)) == TEXT


def test_colours_on_a_terminal_brackets_in_a_pipe(team: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, team, "d2", "--annotator", "amal")
    assert status == 0 and "\x1b[" not in out  # captured stdout is not a terminal
    assert out == ("أهدى [الحاكم|entity] ضيفه [خمس طائرات مسيّرة|gift] "
                   "و[سترة واقية من الرصاص|gift].\n")
    status, out, _ = show(capsys, team, "d2", "--annotator", "amal", "--color", "always")
    assert "\x1b[97;48;2;31;119;180mالحاكم\x1b[0m" in out  # entity blue, white text
    assert "\x1b[1;38;2;44;160;44m{gift}\x1b[0m" in out
    assert "[" not in ANSI.sub("", out)


def test_visual_reshapes_and_reorders_each_line(team: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    status, logical, _ = show(capsys, team, "d3", "--annotator", "amal")
    assert not PRESENTATION_FORMS.search(logical)
    status, out, _ = show(capsys, team, "d3", "--annotator", "amal", "--visual",
                          "--color", "always", "--width", "200")
    assert status == 0 and "\x1b[" not in out  # visual output is always brackets
    lines = out.splitlines()
    assert len(lines) == 2 == len(TEXTS["d3"].splitlines())
    assert all(PRESENTATION_FORMS.search(line) for line in lines)
    assert out == visual(logical, 200)
    # aligned right: each line ends at column 200
    assert all(display_width(line) == 200 for line in lines)
    # the first line ends (visually, at the left) with the full stop that ends it logically
    assert lines[0].lstrip().startswith(".") and logical.splitlines()[0].endswith(".")


def test_visual_wraps_to_the_width_each_line_aligned_right(
        team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, logical, _ = show(capsys, team, "d3", "--annotator", "amal")
    status, out, _ = show(capsys, team, "d3", "--annotator", "amal", "--visual",
                          "--width", "24")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) > len(logical.splitlines())  # wrapped
    assert all(display_width(line) == 24 for line in lines)  # padded to the right edge
    # each screen line, read right to left, is a piece of the logical text in order
    words = [w for line in lines for w in reversed(line.split())]
    assert len(words) == len(logical.split())
    assert show(capsys, team, "d3", "--annotator", "amal", "--visual", "--width", "3")[0] == 2


def test_visual_line_leaves_latin_alone() -> None:
    assert visual_line("Putin [entity]") == "Putin [entity]"
    assert visual("a\r\nب\n") == "a\r\n" + visual_line("ب") + "\n"


def test_which_annotator(team: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = show(capsys, team, "d1")
    assert status == 2 and "several annotators (amal, omar, sara)" in err
    status, _, err = show(capsys, team, "d3", "--annotator", "sara")
    assert status == 2 and "has not annotated 'd3'" in err
    status, _, err = show(capsys, team, "nope")
    assert status == 2 and "no document 'nope'" in err
    single = make_project(tmp_path / "single", {"omar": {"d1": TEAM["omar"]["d1"]}}).root
    status, out, _ = show(capsys, single, "d1")
    assert status == 0 and "[لقاء|meeting]" in out
    status, out, err = show(capsys, single, "d2")
    assert status == 0 and out == TEXTS["d2"] + "\n" and "nobody has annotated" in err
    # gold, when present, is shown by default
    gold = make_project(tmp_path / "gold", {"omar": {"d1": TEAM["omar"]["d1"]},
                                            "gold": {"d1": TEAM["amal"]["d1"]}}).root
    status, out, _ = show(capsys, gold, "d1")
    assert status == 0 and "[لقاء مع [الحاكم|entity]|meeting]" in out
