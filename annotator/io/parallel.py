"""Reading many project files on every core: an ordered map over worker processes.

Commands that read a whole project (``validate``, ``agreement``) spend most
of their time reading and checking files, one document at a time, which
spreads over processes with nothing shared. :func:`map_chunks` cuts the work
into chunks, runs a top-level function on each in a process pool (``fork``
where the platform has it, so nothing is imported twice), and yields the
results in order, the last chunks smaller so that the workers finish
together. Small jobs, and machines with one core, run in the calling process:
a pool costs more than it saves below a few thousand files. :func:`started`
runs a few big jobs (listing folders) beside the caller's own work.

Python's cyclic garbage collector is paused while a chunk is worked on and
while the results come back: the objects made then are kept (a chunk's
documents, the results piling up), not garbage, and every collection would
only walk them all again (a fifth of the time over 100,000 documents). The
calling process's objects are frozen out of the workers' collections
(:func:`gc.freeze`), as the ``gc`` documentation advises before a fork.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_PARALLEL = 2000  # items below which one process is faster


def workers() -> int:
    """Processes to use: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside, back as it was after (reference counting
    still frees everything that is not in a cycle)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The function a worker process applies to each chunk, given once when the process starts
# (not with every chunk: it may carry a whole project.json, assignments and all).
_function: Callable[[Sequence[Any]], Any] | None = None


def _install(function: Callable[[Sequence[Any]], Any]) -> None:
    global _function
    _function = function


def _work(part: Sequence[Any]) -> Any:
    """The installed function on ``part``, with the collector paused (in a worker process)."""
    if _function is None:
        raise RuntimeError("a worker process was given no function when it started")
    with collection_paused():
        return _function(part)


def _cut(items: Sequence[Item], chunk: int, count: int) -> list[Sequence[Item]]:
    """``items`` in chunks of ``chunk``, smaller towards the end (down to a tenth), so the
    workers finish together rather than one waiting for another's last big chunk."""
    chunks = []
    start = 0
    while start < len(items):
        left = len(items) - start
        size = min(chunk, max(left // (2 * max(count, 1)), chunk // 10, 1))
        chunks.append(items[start:start + size])
        start += size
    return chunks


def _context() -> Any:
    """``fork`` where the platform has it (nothing imported twice), else its default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


@contextlib.contextmanager
def started(function: Callable[[Item], Result],
            items: Sequence[Item]) -> Iterator[Callable[[], list[Result]]]:
    """``function(item)`` for each of ``items``, started in worker processes at once.

    Inside, the caller does its own work meanwhile, then calls what is given
    to have the results, in order. A few big jobs side by side (listing a
    folder of 100,000 files each), so no threshold: the caller decides.
    """
    with collection_paused():
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=max(1, min(workers(), len(items))),
                                     mp_context=_context()) as pool:
                futures = [pool.submit(function, item) for item in items]
                yield lambda: [future.result() for future in futures]
        finally:
            gc.unfreeze()


def map_chunks(function: Callable[[Sequence[Item]], Result], items: Sequence[Item],
               chunk: int = 500) -> Iterator[Result]:
    """``function(chunk)`` for consecutive chunks of ``items``, in order.

    The caller's code between two results runs with the collector paused too
    (it is there to gather them); it is back as it was once the last is taken.
    """
    count = workers()
    chunk = max(1, min(chunk, -(-len(items) // max(count, 1))))  # every worker gets some
    with collection_paused():
        if count < 2 or len(items) < MIN_PARALLEL or len(items) <= chunk:
            yield from (function(items[i:i + chunk]) for i in range(0, len(items), chunk))
            return
        chunks = _cut(items, chunk, count)
        gc.freeze()  # the workers fork from here: their collections skip what is ours
        try:
            with ProcessPoolExecutor(max_workers=count, mp_context=_context(),
                                     initializer=_install, initargs=(function,)) as pool:
                yield from pool.map(_work, chunks)
        finally:
            gc.unfreeze()
