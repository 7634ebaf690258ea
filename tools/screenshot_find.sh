#!/usr/bin/env bash
# Screenshots of "annotate Arabic the way Arabic is written", as a user sees them:
# a real X server (Xvfb), a window manager (openbox: without one the window is
# never active and Qt shortcuts do not fire), Qt's xcb platform, every step
# typed with xdotool. Works on a copy of the sample project with private settings.
#
#   1. find-bar.png: Ctrl+F, "كيم" typed, Enter: the find bar above the text,
#      every match boxed, the current one selected (amal's spans underneath).
#   2. label-all-preview.png: "Label all…" over the whole project (Tab to the
#      scope, Down), the preview listing each match with its document and the
#      words around it, each with a box to untick.
#   3. clitic-before.png / clitic-after.png: in the fourth article "وبيونغ يانغ"
#      (and Pyongyang) selected from the keyboard and labelled entity, label
#      names shown (Ctrl+Shift+L); then Ctrl+Shift+X sheds the conjunction:
#      the span is "بيونغ يانغ".
#
#   tools/screenshot_find.sh [OUT_DIR]        (default: shots/)
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick
# Look at the PNGs afterwards: matches boxed over the right words, the preview's
# contexts readable right to left with the match in brackets, the span's start
# moved past the و after Ctrl+Shift+X and its label name over its first letter.
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "${1:-}"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"

  # 1. The find bar.
  open_window 01-kim-leaves-russia amal
  xdotool key ctrl+f; sleep 0.5
  xdotool type --delay 80 "كيم"; sleep 0.8
  xdotool key Return; sleep 0.8
  import -window root "$out/find-bar.png"; echo "wrote $out/find-bar.png"

  # 2. Label all over the project: the scope is five Tabs from the query.
  for _ in 1 2 3 4 5; do xdotool key Tab; sleep 0.1; done
  xdotool key Down; sleep 0.3
  xdotool key alt+l; sleep 2
  import -window root "$out/label-all-preview.png"; echo "wrote $out/label-all-preview.png"
  xdotool key Escape; sleep 0.5
  kill $app; wait $app 2>/dev/null || true

  # 3. A proclitic shed: the ninth word of the fourth article is وبيونغ.
  open_window 04-putin-summit demo
  xdotool key ctrl+shift+l ctrl+Home; sleep 0.3
  for _ in 1 2 3 4 5 6 7 8; do xdotool key ctrl+Left; done; sleep 0.2
  xdotool key ctrl+shift+Left ctrl+shift+Left; sleep 0.2
  xdotool key 1; sleep 0.8
  import -window root "$out/clitic-before.png"; echo "wrote $out/clitic-before.png"
  xdotool key ctrl+shift+x; sleep 0.8
  import -window root "$out/clitic-after.png"; echo "wrote $out/clitic-after.png"
  xdotool key ctrl+s; sleep 1
  kill $app; wait $app 2>/dev/null || true
'

# Proof that the keys reached the window: the span typed in the fourth article.
"$python" - "$work/project" <<'EOF'
import json, sys
from pathlib import Path
path = Path(sys.argv[1]) / "annotations/demo/04-putin-summit.json"
spans = json.loads(path.read_text(encoding="utf-8"))["spans"]
print("demo, 04-putin-summit:", ", ".join(f"{s['label']}:{s['text']}" for s in spans))
assert [s["text"] for s in spans] == ["بيونغ يانغ"], "the proclitic was not shed"
EOF
