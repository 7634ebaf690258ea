#!/usr/bin/env bash
# Take screenshots of review mode as a reviewer sees it: a real X server (Xvfb),
# a window manager (openbox: without one the window is never active and Qt
# shortcuts do not fire), Qt's xcb platform, keys typed with xdotool. Works on
# a copy of the sample project (amal and omar disagree on the first two
# articles) with private settings, so it never touches the repository's sample
# or the user's settings. Afterwards the gold files the keys wrote are listed
# and checked with `annotator validate`.
#
#   tools/screenshot_review.sh [--lang ar|en] [OUT_DIR]        (default: shots/)
#
# --lang ar: the window in Arabic (mirrored); the shots are named review-mode-ar.png
# and review-kinds-ar.png.
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick
# Look at the PNGs afterwards: the legend, each colour over the right words,
# Arabic joined and right-aligned, the list of differences, the agreement
# figures in the status bar.
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "$@"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"

  # shoot DOC PNG KEYS...: open DOC as reviewer rania, type KEYS, save, screenshot.
  shoot() {
    doc=$1 png=$2; shift 2
    open_window "$doc" rania
    for keys in "$@"; do xdotool key --delay 120 $keys; sleep 0.3; done
    xdotool key ctrl+s; sleep 1
    import -window root "$out/$png"
    kill $app; wait $app 2>/dev/null || true
    echo "wrote $out/$png"
  }

  # 1. Review mode on the first article: accept the agreed spans (one step), step
  #    to the first boundary difference (the date) and take omar'"'"'s version; the
  #    list then selects the next difference.
  shoot 01-kim-leaves-russia review-mode"$suffix".png \
    "ctrl+shift+r" "ctrl+shift+a" "F8 F8 F8" "ctrl+2"

  # 2. The second article, nothing settled yet: every kind shows (same, boundary,
  #    only in A, only in B); the second difference is selected.
  shoot 02-primorsky-gifts review-kinds"$suffix".png "ctrl+shift+r" "F8 F8"
'

# The gold written by the keys above, and proof that it is valid per the spec.
"$python" - "$work/project" <<'EOF'
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
for path in sorted(root.glob("gold/*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    spans = ", ".join(f"{s['label']}:{s['text']}" for s in data["spans"])
    print(f"{path.relative_to(root)} [{data['annotator']}, {data['status']}]: {spans}")
EOF
(cd "$repo" && "$python" -m annotator validate "$work/project")
