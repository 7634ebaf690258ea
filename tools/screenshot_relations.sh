#!/usr/bin/env bash
# Screenshots of relation arcs, link mode and suggestions for the guide, into OUT_FOLDER:
# relations.png, relations-chosen.png, link-mode.png, suggestions.png. A private copy of
# the sample project (with relations added) and private settings; nothing else is touched.
#
#   tools/screenshot_relations.sh OUT_FOLDER
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick. Look at every PNG.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: tools/screenshot_relations.sh OUT_FOLDER}
export repo python=$repo/.venv/bin/python out lang=""
work=$(mktemp -d); export work
cp -r "$repo/resources/sample" "$work/project"; rm -f "$work/project/__init__.py"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" QT_QPA_PLATFORM=xcb
"$python" - "$work/project" <<'EOF'
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
text = (root / "documents/02-primorsky-gifts.txt").read_text(encoding="utf-8")
path = root / "annotations/amal/02-primorsky-gifts.json"
data = json.loads(path.read_text(encoding="utf-8"))
def add(sid, word, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    data["spans"].append({"id": sid, "start": start, "end": start + len(word), "label": label, "text": word})
add("T7", "كيم", "entity")
add("T8", "الزعيم الكوري", "entity")
data["spans"].sort(key=lambda s: (s["start"], s["end"], s["label"], s["id"]))
data["relations"] = [
    {"id": "R1", "type": "giver", "from": "T3", "to": "T1"},
    {"id": "R2", "type": "recipient", "from": "T3", "to": "T7"},
    {"id": "R3", "type": "giver", "from": "T4", "to": "T1"},
    {"id": "R4", "type": "recipient", "from": "T5", "to": "T8", "note": "the same Kim"},
]
path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
EOF
"$python" -m annotator validate "$work/project" || true
xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"
  open_window 02-primorsky-gifts amal
  xdotool key --delay 80 ctrl+Home; sleep 0.5
  import -window root "$out/relations.png"
  xdotool key --delay 80 alt+Next; sleep 0.5
  import -window root "$out/relations-chosen.png"
  xdotool key --delay 80 Escape ctrl+Home; sleep 0.3
  xdotool key --delay 120 alt+Down alt+Down alt+Down alt+Down; sleep 0.3
  xdotool key --delay 80 ctrl+r; sleep 0.3
  xdotool key --delay 80 Down; sleep 0.6
  import -window root "$out/link-mode.png"
  xdotool key Escape; sleep 0.3
  kill $app; wait $app 2>/dev/null || true
  "$python" -m annotator suggest "$work/project" --source gazetteer --annotator demo
  open_window 01-kim-leaves-russia demo
  xdotool key --delay 80 ctrl+Home; sleep 0.3
  xdotool key --delay 80 F7 F7; sleep 0.3; xdotool key Return; sleep 0.6
  import -window root "$out/suggestions.png"
  kill $app; wait $app 2>/dev/null || true
'
rm -rf "$work"
