"""Freed memory goes back to the system: big blocks are mapped on their own (glibc).

glibc's allocator maps a block of 128 KB or more on its own and unmaps it
when freed, but each time such a block is freed it raises that threshold to
the block's size (up to 32 MB). After a 10 MB article or a 7 MB annotation
file has been read and its bytes freed, every buffer under 10 MB comes from
the heaps instead, and a heap's free memory is rarely handed back, least of
all a worker thread's (the annotation file is read on one): the window kept
20 to 30 MB it no longer used. Setting the threshold once fixes it at 1 MB.
Elsewhere (another C library, another system) nothing is done.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
MAPPED_ON_THEIR_OWN = 1 << 20  # blocks of this many bytes or more


def map_big_blocks_apart() -> bool:
    """Make blocks of :data:`MAPPED_ON_THEIR_OWN` bytes or more mapped (and unmapped when
    freed) on their own; True when the C library took it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # no such function in this C library
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    taken = bool(mallopt(M_MMAP_THRESHOLD, MAPPED_ON_THEIR_OWN))
    log.debug("big blocks mapped apart: %s", taken)
    return taken
