#!/usr/bin/env bash
# Open Annotator on the bundled sample project (or pass a command: ./run.sh open PROJECT).
# Window options alone go to `open`: ./run.sh --annotator NAME [--doc ID] [--lang ar|en].
set -euo pipefail
source "$(dirname "$0")/scripts/bootstrap.sh"
check_libs "$OFFSCREEN_LIBS $X11_LIBS"
ensure_venv
# Only the window needs a display: `./run.sh --help`, `./run.sh validate ...` do not.
needs_window=0
case "${1:-open}" in
  open) needs_window=1 ;;
  --annotator|--annotator=*|--doc|--doc=*|--lang|--lang=*) set -- open "$@"; needs_window=1 ;;
esac
if [ "$needs_window" = 1 ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found. Run this on a desktop, or under a virtual screen:" >&2
  echo "  sudo apt-get install -y xvfb xauth && xvfb-run -a ./run.sh" >&2
  exit 1
fi
exec .venv/bin/annotator "$@"
