"""Reading many project files on every core: an ordered map over worker processes.

Commands that read a whole project (``validate``, ``agreement``) spend most
of their time reading and checking files, one document at a time, which
spreads over processes with nothing shared. :func:`map_chunks` cuts the work
into chunks, runs a top-level function on each in a process pool (``fork``
where the platform has it, so nothing is imported twice), and yields the
results in order. Small jobs, and machines with one core, run in the calling
process: a pool costs more than it saves below a few thousand files.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_PARALLEL = 2000  # items below which one process is faster


def workers() -> int:
    """Processes to use: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def map_chunks(function: Callable[[Sequence[Item]], Result], items: Sequence[Item],
               chunk: int = 500) -> Iterator[Result]:
    """``function(chunk)`` for consecutive chunks of ``items``, in order."""
    count = workers()
    chunk = max(1, min(chunk, -(-len(items) // max(count, 1))))  # every worker gets some
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    if count < 2 or len(items) < MIN_PARALLEL or len(chunks) < 2:
        yield from (function(part) for part in chunks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        yield from pool.map(function, chunks)
