#!/usr/bin/env bash
# Take a screenshot of File > Export… and of File > Import… as a user sees them:
# a real X server (Xvfb), a window manager (openbox: without one the window is
# never active and Qt shortcuts do not fire), Qt's xcb platform, everything
# typed with xdotool through the dialogs' shortcuts and mnemonics. Works on a
# copy of the sample project with private settings.
#
#   1. export-dialog.png: amal's annotations as CoNLL with a train/dev/test
#      split, after a span typed here (the first seven words, as a meeting)
#      that holds her span on the leader's name: the export saves it first, and
#      the summary lists the nested span flat tagging had to drop, and why.
#   2. import-dialog.png: a doccano file (made here from the sample's fourth
#      article) whose offsets count UTF-16 code units (the text holds an emoji)
#      and whose spans use a label the project lacks, imported for the Arabic
#      annotator name سلمى: refused, with both hints.
#
#   tools/screenshot_dialogs.sh [OUT_DIR]        (default: shots/)
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick
# Look at the PNGs afterwards: options readable, the summary complete, Arabic
# names and words joined and in the right order inside the English lines.
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "${1:-}"
# The doccano source: two spans of the fourth article, offsets in UTF-16 units,
# one of them with a label that is not in the project.
"$python" "$repo/tools/make_doccano_source.py" "$work"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"
  open_window 01-kim-leaves-russia amal

  # A span over the first seven words (forward in a right-to-left paragraph is
  # ctrl+Left), labelled meeting (3): it holds an entity span of amal.
  xdotool key ctrl+Home; sleep 0.2
  for _ in 1 2 3 4 5 6 7; do xdotool key ctrl+shift+Left; done; sleep 0.2
  xdotool key 3; sleep 0.5

  # 1. Export: conll (one down from jsonl), annotator amal (one down from gold),
  #    split on, output folder typed, Export.
  xdotool key ctrl+shift+e; sleep 1.5
  xdotool key alt+f Down; sleep 0.3
  xdotool key alt+a Down; sleep 0.3
  xdotool key alt+s; sleep 0.3
  xdotool key alt+o; xdotool type --delay 20 "$work/export"; sleep 0.3
  xdotool key alt+e; sleep 3
  import -window root "$out/export-dialog.png"; echo "wrote $out/export-dialog.png"
  xdotool key Escape; sleep 1

  # 2. Import: doccano (one down from brat), the source, the annotator in Arabic, Import.
  xdotool key ctrl+shift+i; sleep 1.5
  xdotool key alt+f Down; sleep 0.3
  xdotool key alt+s; xdotool type --delay 20 "$work/doccano.jsonl"; sleep 0.3
  xdotool key alt+a; xdotool type --delay 60 "سلمى"; sleep 0.3
  xdotool key alt+i; sleep 3
  import -window root "$out/import-dialog.png"; echo "wrote $out/import-dialog.png"
  xdotool key Escape; sleep 0.5
  kill $app; wait $app 2>/dev/null || true
'

# Proof that the keys reached the dialogs: the export wrote its split files, the
# refused import wrote nothing.
ls "$work/export"
if [ -e "$work/project/annotations/سلمى" ]; then echo "the refused import wrote files" >&2; exit 1; fi
echo "import: nothing written (as refused)"
