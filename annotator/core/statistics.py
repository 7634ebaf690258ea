"""The statistics behind agreement, over plain counts: F1, Cohen's kappa, Krippendorff's alpha.

They take counts rather than lists (identical token label pairs or units are
counted once with their number), which keeps agreement over a thousand
documents fast in pure Python, and they say None where a figure is undefined
instead of dividing zero by zero.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import TypeVar

H = TypeVar("H", bound=Hashable)


def f1(matches: int, a_count: int, b_count: int) -> float | None:
    """``2 * matches / (a_count + b_count)``, None when there is nothing to compare.

    >>> f1(3, 4, 4), f1(0, 0, 0)
    (0.75, None)
    """
    total = a_count + b_count
    return 2 * matches / total if total else None


def cohen_kappa(pairs: Mapping[tuple[H, H], int]) -> float | None:
    """Cohen's kappa from counts of ``(label by A, label by B)``; None when undefined.

    Undefined means chance agreement is already total (both gave every item
    one and the same label), where the formula divides zero by zero.

    >>> cohen_kappa({("x", "x"): 2, ("y", "y"): 1, ("x", "y"): 1})
    0.5
    """
    n = sum(pairs.values())
    rows: Counter[H] = Counter()
    cols: Counter[H] = Counter()
    agree = 0
    for (x, y), count in pairs.items():
        rows[x] += count
        cols[y] += count
        if x == y:
            agree += count
    chance = sum(rows[k] * cols[k] for k in rows)  # = n^2 * p_e
    if n == 0 or chance == n * n:
        return None
    return (n * agree - chance) / (n * n - chance)


def krippendorff_alpha(units: Mapping[tuple[H, ...], int]) -> float | None:
    """Nominal Krippendorff's alpha from counts of units, each a tuple of the values given.

    A unit holds the values of the annotators who coded it (missing ones are
    simply absent), so identical units are counted once with their number.
    Units with fewer than two values are not pairable and are ignored. None
    when undefined: fewer than two values, or a single value everywhere.

    >>> krippendorff_alpha({("a", "a"): 3, ("b", "b"): 2})
    1.0
    """
    totals: Counter[H] = Counter()
    observed = 0.0  # sum over units of the disagreeing pairs, weighted by 1/(m_u - 1)
    for unit, count in units.items():
        m = len(unit)
        if m < 2:
            continue
        first = unit[0]
        if all(value == first for value in unit):
            totals[first] += m * count
            continue
        values = Counter(unit)
        for value, k in values.items():
            totals[value] += k * count
        observed += count * (m * m - sum(k * k for k in values.values())) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(k * k for k in totals.values())
    if n < 2 or expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def one_against_rest(counts: Mapping[tuple[H, ...], int], value: H) -> Counter[tuple[bool, ...]]:
    """The same units with each value reduced to "is ``value``" (per-label alpha)."""
    result: Counter[tuple[bool, ...]] = Counter()
    for unit, count in counts.items():
        result[tuple(v == value for v in unit)] += count
    return result


def one_against_rest_pairs(counts: Mapping[tuple[H, H], int],
                           value: H) -> Counter[tuple[bool, bool]]:
    """:func:`one_against_rest` for pairs, as :func:`cohen_kappa` takes them (per-label kappa)."""
    result: Counter[tuple[bool, bool]] = Counter()
    for (x, y), count in counts.items():
        result[(x == value, y == value)] += count
    return result
