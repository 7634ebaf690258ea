#!/usr/bin/env bash
# Re-take the screenshots of the annotation window as a user sees it: a real X
# server (Xvfb), a window manager (openbox: without one the window is never
# active and Qt shortcuts do not fire), Qt's xcb platform, keys typed with
# xdotool. Works on a copy of the sample project with private settings, so it
# never touches the repository's sample or the user's settings.
#
#   tools/screenshot.sh [--lang ar|en] [OUT_DIR]        (default: shots/)
#
# --lang ar opens the window in Arabic (mirrored) and names the shots
# main-window-ar.png, mixed-directions-ar.png, emoji-and-latin-ar.png: check
# also that no menu, toolbar, dock or status text is clipped, that docks and
# toolbars sit mirrored, and that the article still aligns each paragraph to
# its own direction (Arabic right, English left).
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick
# Look at the PNGs afterwards: Arabic letters joined, Arabic lines right-aligned,
# the English paragraph left-aligned, highlights over the right words.
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "$@"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"

  # shoot DOC ANNOTATOR PNG KEYS...: open DOC, type KEYS into the window, save, screenshot.
  shoot() {
    doc=$1 annotator=$2 png=$3; shift 3
    open_window "$doc" "$annotator"
    for keys in "$@"; do xdotool key --delay 80 $keys; sleep 0.2; done
    xdotool key ctrl+s; sleep 1
    import -window root "$out/$png"
    kill $app; wait $app 2>/dev/null || true
    echo "wrote $out/$png"
  }

  # 1. The sample article with amal'"'"'s spans, plus one typed here: the last word
  #    of the text (after the final line break), selected with the keyboard.
  shoot 01-kim-leaves-russia amal main-window"$suffix".png \
    "ctrl+End Up End" "ctrl+shift+Right ctrl+shift+Right" "1" "ctrl+Home"

  # 2. Mixed directions: Arabic paragraphs and an English one, with nested spans
  #    (a place inside a meeting), made from the keyboard by a new annotator.
  shoot 03-vladivostok-day demo mixed-directions"$suffix".png \
    "ctrl+Home ctrl+Left" "ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left" "1" \
    "ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left" "ctrl+shift+Left" "1" \
    "ctrl+End Up End" "ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left" "3" \
    "ctrl+End Up End" "ctrl+shift+Left ctrl+shift+Left" "1" "ctrl+Home"

  # 3. An emoji inside a span, a conjunction glued to a name, and a Latin name in
  #    parentheses inside Arabic text.
  shoot 04-putin-summit demo emoji-and-latin"$suffix".png \
    "ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left" "ctrl+shift+Left ctrl+shift+Left ctrl+shift+Left" "3" \
    "ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left" "ctrl+shift+Left ctrl+shift+Left" "1" \
    "ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left" "ctrl+shift+Left ctrl+shift+Left" "1" \
    "ctrl+Home ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left ctrl+Left" "ctrl+shift+Left ctrl+shift+Left" "2" "ctrl+Home"
'

# The spans typed above must be on disk: proof that the shortcuts fired.
"$python" - "$work/project" <<'EOF'
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
for path in sorted(root.glob("annotations/*/*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    spans = ", ".join(f"{s['label']}:{s['text']}" for s in data["spans"])
    print(f"{path.relative_to(root)} [{data['status']}]: {spans}")
EOF
