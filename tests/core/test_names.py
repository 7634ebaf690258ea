"""Names follow FORMAT.md section 2 exactly; no name can become a path outside the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.annotations import AnnotationSet
from annotator.core.errors import AnnotatorError
from annotator.core.project import (
    GOLD,
    Project,
    key_problem,
    label_name_problem,
    name_problem,
)
from annotator.core.spans import Span, id_number


@pytest.mark.parametrize("name", [
    "kim-russia", "كيم-في-روسيا", "doc 1", "a.b", "v1.2.final", "ك" * 75, "x" * 150,
    "CONSOLE", "COM10", "LPT0", "com", "nul-report", "auxiliary.txt", "gold", "日本語",
    "emoji-🚁", "a\u00a0b",
])
def test_names_that_are_allowed(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(("name", "why"), [
    ("", "empty"),
    ("x" * 151, "151 bytes"),
    ("ك" * 76, "152 bytes"),  # 76 Arabic letters are 152 bytes in UTF-8
    ("a/b", "/"), ("a\\b", "\\"), ("a:b", ":"), ("a*b", "*"), ("a?b", "?"), ('a"b', '"'),
    ("a<b", "<"), ("a>b", ">"), ("a|b", "|"),
    ("a\0b", "U+0000"), ("a\tb", "U+0009"), ("a\nb", "U+000A"), ("a\x7fb", "U+007F"),
    ("a\u200bb", "U+200B"), ("a\u200fb", "U+200F"), ("\ufeffdoc", "U+FEFF"),
    ("a\u202eb", "U+202E"),
    (".", "starts with '.'"), ("..", "starts with '.'"), (".hidden", "starts with '.'"),
    (" doc", "space or a dot"), ("doc ", "space or a dot"), ("doc.", "space or a dot"),
    ("CON", "reserved"), ("con", "reserved"), ("Con.txt", "reserved"), ("NUL.tar.gz", "reserved"),
    ("prn", "reserved"), ("aux.json", "reserved"), ("COM1", "reserved"), ("com9.x", "reserved"),
    ("Lpt1", "reserved"), ("LPT9", "reserved"),
    ("bad\udcff", "not valid Unicode"), ("../../x", "/"),
])
def test_names_that_break_the_rules(name: str, why: str) -> None:
    problem = name_problem(name, "document id")
    assert problem is not None and why in problem, problem
    assert problem.startswith("document id")


@pytest.mark.parametrize("name", ["entity", "مسيّرة", "B-PER", "x" * 64, "gift_card", "كيان"])
def test_label_names_that_are_allowed(name: str) -> None:
    assert label_name_problem(name, "label") is None


@pytest.mark.parametrize(("name", "why"), [
    ("", "empty"), ("x" * 65, "65 characters"), ("two words", "white space"),
    ("tab\there", "white space"), ("nb\u00a0sp", "white space"), ("line\u2028sep", "white space"),
    ("zw\u200bsp", "U+200B"), ("bell\x07", "U+0007"), ("rlm\u200f", "U+200F"),
    ("x\udc00", "not valid Unicode"),
])
def test_label_names_that_break_the_rules(name: str, why: str) -> None:
    problem = label_name_problem(name, "relation type")
    assert problem is not None and why in problem and problem.startswith("relation type")


@pytest.mark.parametrize(("key", "ok"), [
    ("1", True), ("g", True), ("ك", True), ("?", True), ("", False), ("12", False),
    (" ", False), ("\t", False), ("\u00a0", False), ("\u200b", False), ("\x00", False),
])
def test_keys_are_one_printable_non_space_character(key: str, ok: bool) -> None:
    assert (key_problem(key) is None) is ok


@pytest.mark.parametrize("bad", ["../../x", "..", "a/b", "CON", "", ".git", "x\\y", "/etc/passwd"])
def test_paths_are_refused_for_names_that_break_the_rules(tmp_path: Path, bad: str) -> None:
    project = Project(tmp_path, "p")
    for call in (lambda: project.document_path(bad), lambda: project.annotation_path(bad, "amal"),
                 lambda: project.annotation_path("doc", bad), lambda: project.load_document(bad)):
        with pytest.raises(AnnotatorError) as info:
            call()
        assert info.value.problem.code == "bad-name"
        assert repr(bad) in info.value.problem.message or bad == ""


def test_paths_of_good_names_and_gold(tmp_path: Path) -> None:
    project = Project(tmp_path, "p")
    assert project.document_path("كيم") == tmp_path / "documents" / "كيم.txt"
    assert project.annotation_path("d", "amal") == tmp_path / "annotations" / "amal" / "d.json"
    assert project.annotation_path("d", GOLD) == tmp_path / "gold" / "d.json"


def test_id_number_of_huge_ids_is_none_and_new_ids_still_work() -> None:
    huge = "T" + "7" * 5000
    assert id_number(huge) is None and id_number("R" + "1" * 19, "relation") is None
    assert id_number("T" + "9" * 18) == 10**18 - 1
    assert id_number("T12") == 12 and id_number("T١٢") is None
    aset = AnnotationSet("d", "كيم في روسيا", "amal")
    aset._insert(Span(huge, 0, 3, "entity", "كيم"))
    assert aset.make_span(4, 6, "entity").id == "T1"


def test_docstring_examples_of_the_naming_rules() -> None:
    import doctest

    from annotator.core import project

    result = doctest.testmod(project)
    assert result.attempted >= 4 and result.failed == 0
