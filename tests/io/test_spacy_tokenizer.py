"""Our tokenizer inside spaCy: the Doc keeps the text exactly and has our tokens, learned cuts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokens import token_arrays
from tests.strategies import texts

spacy_vocab = pytest.importorskip("spacy.vocab")

from annotator.io.spacy_tokenizer import AnnotatorTokenizer, learned_cuts  # noqa: E402


def words(tokenizer: AnnotatorTokenizer, text: str) -> list[str]:
    return [t.text for t in tokenizer(text) if t.text.strip()]


@settings(max_examples=80)
@given(texts, st.sampled_from([{}, {"وبوتين": [1]}, {"فلاديفوستوك": [4, 6]}]))
def test_the_doc_is_the_text_and_its_tokens_are_ours(text: str,
                                                      splits: dict[str, list[int]]) -> None:
    tokenizer = AnnotatorTokenizer(spacy_vocab.Vocab(), splits)
    doc = tokenizer(text)
    assert doc.text == text
    ours = tokenizer.tokens(text)
    # white space between tokens becomes spaCy's whitespace or tokens of its own
    assert [t.text for t in doc if t.text.strip()] == [w for w in ours.texts if w.strip()]
    if not splits:
        assert ours == token_arrays(text)


def test_learned_cuts_come_from_tokens_split_inside_words() -> None:
    text = "التقى كيم وبوتين في فلاديفوستوك"
    start = text.index("بوتين")
    shared = token_arrays(text, [start, start + 5])
    assert learned_cuts(text, zip(shared.starts, shared.ends, strict=True)) == {"وبوتين": {1}}


def test_known_stems_split_other_proclitics_and_stay_whole_themselves() -> None:
    tokenizer = AnnotatorTokenizer(spacy_vocab.Vocab(), {"وبوتين": [1], "بالكرملين": [1]})
    assert tokenizer.stems == {"بوتين", "الكرملين"}
    assert words(tokenizer, "لبوتين وبوتين بوتين فالكرملين وصل") == [
        "ل", "بوتين", "و", "بوتين", "بوتين", "ف", "الكرملين", "وصل"]
    assert words(tokenizer, "والوزير") == ["والوزير"]  # not a known stem: whole


def test_the_learned_cuts_travel_with_the_pipeline() -> None:
    tokenizer = AnnotatorTokenizer(spacy_vocab.Vocab(), {"وبوتين": [1]})
    data = tokenizer.to_bytes()
    again = AnnotatorTokenizer(spacy_vocab.Vocab()).from_bytes(data)
    assert again.splits == {"وبوتين": [1]} and again.to_bytes() == data
    with pytest.raises(ValueError):
        again.from_bytes(b'{"format": "something else"}')
