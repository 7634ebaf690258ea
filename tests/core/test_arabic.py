"""Arabic normalisation, proclitics and whole-word search (core/arabic.py, core/search.py)."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import arabic, search
from annotator.core.arabic import normalize, normalized, proclitic_length
from annotator.core.search import find_matches
from tests.strategies import texts

SPELLINGS = ["أحمد", "احمد", "أَحْمَد", "احـــمد", "إحمد", "آحمد"]
PROCLITICS = ["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "فال", "وبال", "فبال", "كال",
              "وس", "س"]
# words whose first letter is a root letter, not a proclitic
ROOT_FIRST = ["وزير", "وزارة", "بوتين", "بكين", "لقاء", "لندن", "كوريا", "كرملين", "فرنسا",
              "فلسطين", "سوريا", "ولاية", "برلين", "بغداد", "كتاب"]
words = st.lists(st.sampled_from(["كيم", "بوتين", "هدية", "أحمد", "السيارة", "موسكو", " ", "،",
                                  "\u064e", "\u0640", "و", "ب", "ال", "😀", "\r\n", "Kim"]),
                 max_size=30).map("".join)


@given(texts)
def test_normalising_never_changes_the_text_and_maps_every_character_back(text: str) -> None:
    original = str(text)
    n = normalize(text)
    assert text == original
    assert len(n.origin) == len(n.text) + 1 and n.origin[-1] == len(text)
    assert list(n.origin) == sorted(n.origin)
    for i, ch in enumerate(n.text):
        assert ch in arabic.normalize_char(text[n.origin[i]])


@given(words, st.sampled_from(["كيم", "بوتين", "أحمد", "السيارة", "هديه", "kim"]))
def test_every_match_is_a_whole_word_whose_normal_form_is_the_query(text: str,
                                                                     query: str) -> None:
    for start, end in find_matches(text, query):
        piece = normalized(text[start:end])
        q = normalized(query)
        assert piece == q or (q.startswith("ال") and piece == "ل" + q[2:])
        assert end == len(text) or not arabic.is_word_char(text[end])
        before = text[:start]
        word_start = len(before) - len(before.lstrip("".join(
            ch for ch in set(before) if arabic.is_word_char(ch))))
        assert word_start <= start


def test_all_spellings_find_each_other_and_cover_their_marks() -> None:
    text = " ".join(SPELLINGS)
    for query in SPELLINGS:
        found = [text[s:e] for s, e in find_matches(text, query)]
        assert found == SPELLINGS


def test_proclitics_before_a_match_are_left_out_and_other_letters_refuse_it() -> None:
    for prefix in PROCLITICS:
        text = f"قال {prefix}كيم شيئا"
        assert [text[s:e] for s, e in find_matches(text, "كيم")] == ["كيم"], prefix
    assert find_matches("قال مكيم شيئا", "كيم") == []
    assert find_matches("قال كيمي شيئا", "كيم") == []
    assert find_matches("كيم", "كيم", exact=True) == [(0, 3)]
    assert find_matches("أحمد", "احمد", exact=True) == []


def test_root_letters_stay_when_the_word_is_known() -> None:
    known = {normalized(w) for w in ROOT_FIRST}
    for word in ROOT_FIRST:
        assert proclitic_length(word, known) == 0, word
        assert proclitic_length("و" + word, known) == 1, word


def test_clitics_split_off_the_stem() -> None:
    assert proclitic_length("وسترة") == 1
    assert proclitic_length("لكيم") == 1
    assert proclitic_length("ولل" + "كرملين") == 2  # و + ل, the article's lam stays
    assert proclitic_length("بالـكرملين", article=True) == 4  # the tatweel goes with it
    assert proclitic_length("كي") == 0  # a stem of one letter is no word


def test_doctests() -> None:
    assert doctest.testmod(arabic).failed == 0
    assert doctest.testmod(search).failed == 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_translation_table_normalises_as_one_character_at_a_time(text: str) -> None:
    """normalized() runs through a table filled as characters come: never another result."""
    assert arabic.normalized(text) == "".join(arabic.normalize_char(ch) for ch in text)
