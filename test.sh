#!/usr/bin/env bash
# Run the whole test suite headless (Qt offscreen), with ruff and mypy first.
set -euo pipefail
source "$(dirname "$0")/scripts/bootstrap.sh"
check_libs "$OFFSCREEN_LIBS"
ensure_venv
export QT_QPA_PLATFORM=offscreen
lint_paths=(); for d in annotator tests tools benchmarks; do [ -d "$d" ] && lint_paths+=("$d"); done
echo "== ruff"; .venv/bin/ruff check "${lint_paths[@]}"
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; exec .venv/bin/python -m pytest "$@"
