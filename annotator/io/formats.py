"""Every export and import format, declared once as data.

The command line builds its ``--format`` choices from these tables, the window
builds its dialogs from them, and the drivers load a format's module only when
it is used (so ``spacy`` is imported only for a spaCy export). Each export
module provides ``create(staging, context) -> Writer``; each import module
provides ``read(path) -> list[ImportedDocument]``. A foreign format read and
written both is one module holding its grammar, its reader and its writer
(``brat``), named by both tables.

Each export also declares what it ``holds`` of a document besides its spans'
places and labels (:data:`CONTENTS`): the export driver counts everything else
once, for every format alike, and reports it as left out.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any, Literal

from annotator.core.errors import AnnotatorError, Problem

# What a document may carry besides its spans' places and labels: "relation-notes" are
# notes on relations, "origins" the suggestion source a span was accepted from.
CONTENTS: tuple[str, ...] = ("relations", "attributes", "notes", "relation-notes", "origins")
ALL_CONTENTS = frozenset(CONTENTS)


@dataclass(frozen=True)
class Format:
    """One format: its name, module, a line of description, and optional needs.

    ``holds`` (exports): which of :data:`CONTENTS` the format can write.
    """

    name: str
    direction: Literal["export", "import"]
    module: str  # under annotator.io
    description: str
    files: str  # what it writes or reads, for help texts
    needs: str | None = None  # an optional package it imports
    install: str | None = None  # how to get that package
    holds: frozenset[str] = ALL_CONTENTS

    def load(self) -> Any:
        """The format's module, after checking that what it needs is installed."""
        if self.needs and importlib.util.find_spec(self.needs) is None:
            raise AnnotatorError(Problem(
                "missing-dependency",
                f"the {self.name} format needs the '{self.needs}' package, which is not "
                f"installed; install it with: {self.install}"))
        return importlib.import_module(f"annotator.io.{self.module}")


EXPORTS: tuple[Format, ...] = (
    Format("jsonl", "export", "export_jsonl",
           "one JSON object per document: id, text, annotator, status, spans, relations",
           "DIR/<split>.jsonl"),
    Format("conll", "export", "export_conll",
           "IOB2 tags, one 'token<TAB>tag' line per token, a blank line between sentences",
           "DIR/<split>.conll", holds=frozenset()),
    Format("brat", "export", "brat",
           "brat standoff: the text unchanged and T/R/A/# lines, offsets in code points",
           "DIR/[<split>/]<doc_id>.txt and .ann",
           holds=frozenset({"relations", "attributes", "notes", "relation-notes"})),
    Format("spacy", "export", "export_spacy",
           "spaCy DocBin: tokens, sentences, flat entities, and every span in doc.spans['sc']",
           "DIR/<split>.spacy", needs="spacy",
           install="pip install 'annotator[spacy]'  (or: pip install spacy)",
           holds=frozenset({"relations", "relation-notes"})),
    Format("hf", "export", "export_hf",
           "Hugging Face token classification: id, tokens, ner_tags, relations per sentence",
           "DIR/<split>.jsonl, DIR/labels.json and DIR/features.json",
           holds=frozenset({"relations"})),
    Format("doccano", "export", "export_doccano",
           "doccano JSONL: entities and relations, offsets in UTF-16 units as doccano counts",
           "DIR/<split>.jsonl", holds=frozenset({"relations"})),
    Format("labelstudio", "export", "export_labelstudio",
           "Label Studio tasks: labels and relations, code-point offsets; a labelling config",
           "DIR/<split>.json and DIR/labeling_config.xml",
           holds=frozenset({"relations", "notes"})),
)

IMPORTS: tuple[Format, ...] = (
    Format("brat", "import", "brat",
           "a folder of brat .txt/.ann pairs (T, R, E, A/M and AnnotatorNotes lines)",
           "FOLDER/<doc_id>.txt and .ann"),
    Format("doccano", "import", "import_doccano",
           "doccano JSONL or JSON: label or column_label triples, or entities and relations",
           "FILE.jsonl or FILE.json"),
    Format("labelstudio", "import", "import_labelstudio",
           "Label Studio JSON or JSON_MIN export, tasks or a storage file: text labels, relations",
           "FILE.json"),
    Format("jsonl", "import", "import_jsonl",
           "Annotator's own JSONL export, read back", "FILE.jsonl"),
)


def _find(table: tuple[Format, ...], name: str) -> Format:
    for entry in table:
        if entry.name == name:
            return entry
    names = ", ".join(f.name for f in table)
    raise AnnotatorError(Problem("bad-field", f"unknown format {name!r} (known: {names})",
                                 field="format"))


def export_format(name: str) -> Format:
    return _find(EXPORTS, name)


def import_format(name: str) -> Format:
    return _find(IMPORTS, name)


def export_names() -> list[str]:
    return [f.name for f in EXPORTS]


def import_names() -> list[str]:
    return [f.name for f in IMPORTS]
