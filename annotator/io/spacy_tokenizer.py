"""Our tokenizer as a spaCy tokenizer, ``annotator.tokenizer.v1`` (needs the ml/spacy extra).

A model trained on the project must see the tokens of our CoNLL export
(:mod:`annotator.core.tokens`), so pyproject.toml registers this tokenizer
under spaCy's ``spacy_tokenizers`` entry point and every pipeline we write
names it in its ``config.cfg``::

    [nlp.tokenizer]
    @tokenizers = "annotator.tokenizer.v1"

The Doc it makes has exactly the text (white space as in the spaCy export:
:func:`annotator.io.export_spacy.spacy_words`) and these tokens:

1. The shared tokenizer's tokens (:func:`annotator.core.tokens.token_arrays`).
2. Learned cuts. The export splits a token where a span starts or ends inside
   it (``وبوتين`` -> ``و`` ``بوتين`` when ``بوتين`` is a span), but a text to
   predict on has no spans. :meth:`AnnotatorTokenizer.initialize` (run by
   ``nlp.initialize``, so by ``spacy train`` too) compares the training
   documents' tokens (our CoNLL tokens) with the shared tokenizer's and keeps,
   per word form, the offsets where the training data split it; every later
   occurrence of that exact form is split there.
3. Known stems. A cut right after a proclitic sequence (``و ف ب ك ل س`` and
   the article, :mod:`annotator.core.arabic`) makes the rest a known stem
   (normalised); any word made of a proclitic sequence and a known stem is
   split after the proclitic, so ``فبوتين`` and ``لبوتين`` are split once
   ``وبوتين`` was. A word that is itself a known stem stays whole.

On the training data the tokens are then exactly the CoNLL tokens wherever
the annotation is consistent (every occurrence of a split form split the same
way). Where an occurrence was left whole (``وبوتين`` not annotated in one
document), this tokenizer splits it anyway: its tokens are then a refinement
of the CoNLL tokens (every CoNLL token is one or more of them, so no span
boundary is lost), and :func:`annotator.io.training.train` counts such
documents. The learned cuts and stems are saved with the pipeline
(``DIR/tokenizer``, JSON).
"""

from __future__ import annotations

import bisect
import itertools
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from annotator.core.arabic import is_proclitic_sequence, normalized
from annotator.core.snapping import clitic_cuts
from annotator.core.tokens import Tokens, split_tokens, token_arrays
from annotator.io.export_spacy import spacy_words
from annotator.io.spacy_config import TOKENIZER

log = logging.getLogger(__name__)

NAME: Final = TOKENIZER
_FILE_FORMAT = "annotator/spacy-tokenizer"


def learned_cuts(text: str, tokens: Iterable[tuple[int, int]]) -> dict[str, set[int]]:
    """Word form -> offsets (relative) where ``tokens`` split a shared token of ``text``.

    ``tokens`` are (start, end) of the training tokens (our CoNLL tokens); white
    space tokens may be among them.
    """
    shared = token_arrays(text)
    edges = sorted({b for s, e in tokens for b in (s, e)})
    found: dict[str, set[int]] = {}
    for start, end, word in zip(shared.starts, shared.ends, shared.texts, strict=True):
        i = bisect.bisect_right(edges, start)
        while i < len(edges) and edges[i] < end:
            found.setdefault(word, set()).add(edges[i] - start)
            i += 1
    return found


def stems_of(splits: dict[str, list[int]]) -> set[str]:
    """Normalised stems that follow a proclitic sequence at a learned cut (rule 3)."""
    stems: set[str] = set()
    for word, cuts in splits.items():
        bounds = [*cuts, len(word)]
        for cut, end in itertools.pairwise(bounds):
            if is_proclitic_sequence(normalized(word[:cut])):
                stem = normalized(word[cut:end])
                if sum(ch.isalpha() for ch in stem) >= 2:
                    stems.add(stem)
    return stems


class AnnotatorTokenizer:
    """``text -> Doc`` with our tokens (module docstring); serialisable with the pipeline."""

    def __init__(self, vocab: Vocab, splits: dict[str, list[int]] | None = None) -> None:
        self.vocab = vocab
        self.splits: dict[str, list[int]] = {}
        self.stems: set[str] = set()
        self.set_splits(splits or {})

    def set_splits(self, splits: dict[str, list[int]]) -> None:
        self.splits = {word: sorted(set(cuts)) for word, cuts in sorted(splits.items())}
        self.stems = stems_of(self.splits)

    def word_cuts(self, word: str) -> list[int]:
        """Offsets inside ``word`` (a shared token) where this tokenizer splits it."""
        cuts = self.splits.get(word)
        if cuts is not None:
            return cuts
        if not self.stems or normalized(word) in self.stems:
            return []
        known = [c for c in clitic_cuts(word, self.stems) if normalized(word[c:]) in self.stems]
        return [max(known)] if known else []

    def tokens(self, text: str) -> Tokens:
        """The tokens of ``text`` (code-point offsets), before they become a Doc."""
        shared = token_arrays(text)
        cuts = [start + cut for start, word in zip(shared.starts, shared.texts, strict=True)
                for cut in self.word_cuts(word)]
        return split_tokens(text, shared, cuts)

    def __call__(self, text: str) -> Doc:
        words, spaces, _ = spacy_words(text, self.tokens(text))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Any = None) -> None:
        """Learn the cuts from the training examples' reference Docs (our CoNLL tokens)."""
        if get_examples is None:
            return
        splits: dict[str, set[int]] = {}
        for example in get_examples():
            reference = example.reference
            bounds = [(t.idx, t.idx + len(t.text)) for t in reference]
            for word, cuts in learned_cuts(reference.text, bounds).items():
                splits.setdefault(word, set()).update(cuts)
        self.set_splits({word: sorted(cuts) for word, cuts in splits.items()})
        log.info("tokenizer: %d split word form(s), %d known stem(s)", len(self.splits),
                 len(self.stems))

    # -- serialisation (nlp.to_disk / from_disk / to_bytes / from_bytes) --------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        value = {"format": _FILE_FORMAT, "version": 1, "splits": self.splits}
        return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
                ).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AnnotatorTokenizer:
        value = json.loads(data.decode("utf-8"))
        if not isinstance(value, dict) or value.get("format") != _FILE_FORMAT:
            raise ValueError("not the data of annotator.tokenizer.v1")
        splits = value.get("splits", {})
        self.set_splits({str(w): [int(c) for c in cuts] for w, cuts in splits.items()})
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AnnotatorTokenizer:
        return self.from_bytes(Path(path).read_bytes())


def create_tokenizer() -> Callable[[Any], AnnotatorTokenizer]:
    """What ``@tokenizers = "annotator.tokenizer.v1"`` in a config makes."""
    def make(nlp: Any) -> AnnotatorTokenizer:
        return AnnotatorTokenizer(nlp.vocab)

    return make


# also found through the spacy_tokenizers entry point; registered here for a source checkout
registry.tokenizers.register(NAME, func=create_tokenizer)
