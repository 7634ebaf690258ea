"""Who annotates which documents: spreading documents over a team, with a share done twice.

The share annotated twice (``overlap``) is what agreement is measured on.
Documents are shuffled with a seed (deterministic), then each goes to the
least-loaded annotator (ties: the order the annotators were given), and the
overlap share to the two least-loaded. Documents already assigned keep their
annotators unless everything is reassigned; only new documents are placed.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence


def assign(doc_ids: Sequence[str], annotators: Sequence[str], overlap: float, seed: int = 0,
           existing: Mapping[str, Sequence[str]] | None = None) -> dict[str, list[str]]:
    """Every annotator's documents (sorted), with the new ones of ``doc_ids`` placed.

    >>> assign(["d1", "d2", "d3", "d4"], ["amal", "omar"], 0.5, seed=1)
    {'amal': ['d1', 'd3', 'd4'], 'omar': ['d1', 'd2', 'd4']}
    """
    if not annotators:
        raise ValueError("no annotators to assign documents to")
    if not 0 <= overlap <= 1:
        raise ValueError(f"overlap must be between 0 and 1, not {overlap}")
    if overlap > 0 and len(annotators) < 2:
        raise ValueError("an overlap needs at least two annotators")
    result: dict[str, set[str]] = {name: set(existing.get(name, ())) if existing else set()
                                   for name in annotators}
    if existing:
        for name, docs in existing.items():
            result.setdefault(name, set()).update(docs)
    placed = set().union(*result.values()) if result else set()
    new = sorted(set(doc_ids) - placed)
    random.Random(seed).shuffle(new)
    doubles = round(overlap * len(new))
    order = {name: i for i, name in enumerate(annotators)}

    def least_loaded(count: int) -> list[str]:
        return sorted(annotators, key=lambda n: (len(result[n]), order[n]))[:count]

    for index, doc_id in enumerate(new):
        for name in least_loaded(2 if index < doubles else 1):
            result[name].add(doc_id)
    return {name: sorted(docs) for name, docs in result.items()}
