"""Entry point for ``python -m annotator`` and the ``annotator`` console script."""

from __future__ import annotations

import sys

from annotator.cli import main as cli_main


def main() -> None:
    """Run the command line; it opens the window lazily when asked to."""
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
