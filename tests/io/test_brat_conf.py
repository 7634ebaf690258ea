"""brat export: the ``annotation.conf`` beside the ``.ann`` files declares all they use.

A project of our own declares relation types with ends (one end open, one end
naming a label the project lacks) and label attribute schemas (listed values,
values left open, a value brat's list syntax cannot hold); its gold file uses
an undeclared relation type and an attribute on a label without a schema. The
checks read the export the way brat would: every ``T`` label, ``R`` type and
``A`` name and value must be declared. The golden project's conf is compared
byte for byte in test_export_golden.py.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from annotator.core.project import Label
from annotator.io.brat import CONF, Used, annotation_conf
from annotator.io.exchange import ExportContext
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.importing import ImportOptions, import_annotations
from annotator.io.project_file import open_project

TEXT = "قدّم الوزير سامي هدية ثمينة إلى الضيف خلال لقاء في عمّان يوم الأحد.\n"
WORDS = {"T1": ("الوزير سامي", "person"), "T2": ("هدية ثمينة", "gift"),
         "T3": ("الضيف", "person"), "T4": ("لقاء", "meeting"), "T5": ("عمّان", "city")}

LABELS = [
    {"name": "person", "attributes": [{"name": "role"}]},  # any value
    {"name": "gift", "attributes": [{"name": "kind", "values": ["jewel", "book", "two words"]},
                                    {"name": "wrapped", "values": []}]},
    {"name": "meeting"},  # no schema: accepts any attribute
    {"name": "city"},
]
RELATIONS = [
    {"name": "giver", "from": ["gift"], "to": ["person"]},
    {"name": "at", "from": ["meeting", "gift"], "to": ["city"]},
]


def make_project(root: Path) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "documents" / "visit.txt").write_text(TEXT, encoding="utf-8", newline="")
    (root / "project.json").write_text(json.dumps({
        "format": "annotator/project", "version": 1, "name": "conf", "labels": LABELS,
        "relations": RELATIONS}, ensure_ascii=False), encoding="utf-8")
    spans = []
    for ident, (words, label) in WORDS.items():
        start = TEXT.index(words)
        spans.append({"id": ident, "start": start, "end": start + len(words), "label": label,
                      "text": words})
    spans[0]["attributes"] = {"role": "host"}
    spans[2]["attributes"] = {"role": "guest"}
    spans[1]["attributes"] = {"kind": "jewel"}
    spans[3]["attributes"] = {"mood": "warm"}
    relations = [{"id": "R1", "type": "giver", "from": "T2", "to": "T1"},
                 {"id": "R2", "type": "at", "from": "T4", "to": "T5"}]
    data = TEXT.encode("utf-8")
    (root / "gold" / "visit.json").write_text(json.dumps({
        "format": "annotator/standoff", "version": 1,
        "document": {"id": "visit", "sha256": hashlib.sha256(data).hexdigest(),
                     "length": len(TEXT)},
        "annotator": "gold", "status": "done", "modified": "2026-12-01T10:00:00Z",
        "spans": spans, "relations": relations}, ensure_ascii=False), encoding="utf-8")
    return root


def sections(conf: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for line in conf.splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            found[current] = []
        elif line and not line.startswith("#"):
            found[current].append(line)
    return found


def args_of(line: str) -> dict[str, list[str]]:
    """``name Arg1:a|b, Arg2:c`` -> ``{"Arg1": ["a", "b"], "Arg2": ["c"]}``."""
    rest = line.split(" ", 1)[1] if " " in line else ""
    return {key: value.split("|") for key, value in
            (part.strip().split(":", 1) for part in rest.split(",") if part.strip())}


def check_declared(out: Path) -> dict[str, list[str]]:
    """What brat would check: every label, type, attribute and value used is declared."""
    conf = sections((out / CONF).read_text(encoding="utf-8"))
    assert list(conf) == ["entities", "relations", "events", "attributes"]
    entities = set(conf["entities"])
    relations = {line.split(" ")[0]: args_of(line) for line in conf["relations"]}
    attributes = {line.split(" ")[0]: args_of(line) for line in conf["attributes"]}
    for ann in out.rglob("*.ann"):
        labels = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            ident, data = line.split("\t")[:2]
            if ident[0] == "T":
                labels[ident] = data.split(" ")[0]
                assert labels[ident] in entities
            elif ident[0] == "R":
                kind, arg1, arg2 = data.split(" ")
                ends = relations[kind]
                for role, arg in (("Arg1", arg1), ("Arg2", arg2)):
                    allowed = ends[role]
                    assert "<ENTITY>" in allowed or labels[arg.split(":")[1]] in allowed
            elif ident[0] == "A":
                name, target, *value = data.split(" ", 2)
                assert labels[target] in attributes[name]["Arg"]
                assert value == [] or value[0] in attributes[name]["Value"]
    return conf


def test_the_conf_declares_labels_relations_and_attributes(tmp_path: Path) -> None:
    project = open_project(make_project(tmp_path / "p"))
    export_project(project, ExportOptions("brat", tmp_path / "out"))
    conf = check_declared(tmp_path / "out")
    assert conf["entities"] == ["person", "gift", "meeting", "city"]
    assert conf["relations"] == ["giver Arg1:gift, Arg2:person", "at Arg1:gift|meeting, Arg2:city"]
    assert conf["events"] == []
    assert conf["attributes"] == [
        "kind Arg:gift, Value:jewel|book",  # declared order; "two words" cannot be listed
        "mood Arg:meeting, Value:warm",  # a label without a schema: what it carries
        "role Arg:person, Value:guest|host",  # declared without values: the values written
        "wrapped Arg:gift",  # no value anywhere: binary
    ]


def test_the_conf_is_the_same_every_time_and_with_a_split_sits_at_the_top(
        tmp_path: Path) -> None:
    project = open_project(make_project(tmp_path / "p"))
    export_project(project, ExportOptions("brat", tmp_path / "a"))
    export_project(project, ExportOptions("brat", tmp_path / "b",
                                          split=(("train", 0.5), ("test", 0.5)), seed=1))
    assert (tmp_path / "a" / CONF).read_bytes() == (tmp_path / "b" / CONF).read_bytes()
    assert sorted(p.relative_to(tmp_path / "b").as_posix()
                  for p in (tmp_path / "b").rglob(CONF)) == [CONF]
    check_declared(tmp_path / "b")


def test_open_ends_types_only_in_use_and_the_defaults() -> None:
    labels = (Label("entity", "#1f77b4"), Label("gift", "#2ca02c"))
    ends = {"at": (frozenset({"gift"}), frozenset()),  # (files made by hand: open end)
            "guest-of": (frozenset({"nation"}), frozenset({"entity"}))}  # no such label
    context = ExportContext(labels, ("all",), False, tuple(ends), ends)
    conf = sections(annotation_conf(context, Used({"entity", "city"}, {"likes"}, {})))
    assert conf["entities"] == ["entity", "gift", "city"]  # labels in use are declared too
    assert conf["relations"] == ["at Arg1:gift, Arg2:<ENTITY>",
                                 "likes Arg1:<ENTITY>, Arg2:<ENTITY>"]
    # a project declaring no types: the default types, ends kept to known labels (those
    # of meeting left out: no span could carry them), then the types in use
    defaults = ExportContext(labels, ("all",), False, None, None)
    conf = sections(annotation_conf(defaults, Used(set(), {"likes", "giver"}, {})))
    assert conf["relations"] == ["giver Arg1:gift, Arg2:entity",
                                 "recipient Arg1:gift, Arg2:entity",
                                 "time Arg1:gift, Arg2:entity",
                                 "likes Arg1:<ENTITY>, Arg2:<ENTITY>"]


def test_importing_the_export_passes_over_the_conf(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    export_project(open_project(root), ExportOptions("brat", tmp_path / "out"))
    summary = import_annotations(open_project(root), ImportOptions(
        "brat", tmp_path / "out", annotator="amal", dry_run=True))
    assert summary.ok and not summary.problems
    assert not [line for line in summary.lines() if CONF in line]
    assert not [line for line in summary.ignored if CONF in line]
    assert summary.spans == len(WORDS) and summary.relations == 2
