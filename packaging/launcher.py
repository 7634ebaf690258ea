"""The frozen app's entry point: the ``annotator`` command, as the console script runs it."""

import multiprocessing
import os
import sys

# A plain Python coerces a "C" locale to C.UTF-8 (PEP 538) for itself and what it
# starts; a frozen one does not, and Qt then warns that it switched to UTF-8. Do it
# here, before Qt loads, as the console script would.
if sys.platform.startswith("linux") and not any(
        os.environ.get(name) not in (None, "", "C", "POSIX")
        for name in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ.pop("LC_ALL", None)
    os.environ["LC_CTYPE"] = "C.UTF-8"

from annotator.__main__ import main

if __name__ == "__main__":
    # validate and agreement read in worker processes (annotator.io.parallel): where
    # they are spawned (Windows), a frozen worker must start as a worker, not as the CLI
    multiprocessing.freeze_support()
    main()
