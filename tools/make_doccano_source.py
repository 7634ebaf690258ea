"""Write WORK/doccano.jsonl for the dialog screenshots: two spans of the fourth sample
article, offsets in UTF-16 units (as doccano counts), one with a label not in the project.

Usage: python tools/make_doccano_source.py WORK  (WORK holds project/, the sample copy)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(work: Path) -> None:
    text = (work / "project/documents/04-putin-summit.txt").read_text(encoding="utf-8")

    def units(offset: int) -> int:
        return len(text[:offset].encode("utf-16-le")) // 2

    words = [w for w in text.split() if len(w) > 4 and w.isalpha()]
    first, last = words[0], words[-1]
    spans = []
    for word, label in ((first, "person"), (last, "entity")):
        start = text.rindex(word) if word == last else text.index(word)
        spans.append([units(start), units(start + len(word)), label])
    record = {"id": 1, "text": text, "label": spans}
    (work / "doccano.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
