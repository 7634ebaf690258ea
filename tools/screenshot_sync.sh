#!/usr/bin/env bash
# Screenshots of File > Sync with the team and Project > Team status as a user sees
# them: a real X server (Xvfb), a window manager (openbox: without one the window is
# never active and Qt shortcuts do not fire), Qt's xcb platform, keys typed with
# xdotool. Works on a private copy of the sample project made into a team: a bare
# remote, the coordinator's folder (the sample, with assignments), amal's desktop
# (the window) and amal's laptop (the command line).
#
#   1. sync-window.png: the desktop typed a span (the last words of the article) and
#      pressed Ctrl+Shift+S, while the laptop had sent a change to another document:
#      the status bar says what was sent and received, and the sync field says when.
#   2. sync-conflicts.png: the laptop and the desktop both changed the open document;
#      Ctrl+Shift+S: the question listing the conflict.
#   3. sync-conflict-banner.png: after OK, the file banner with Keep mine / Take theirs
#      over the team's version.
#   4. team-status.png: Project > Team status (Alt+P, T).
#
#   tools/screenshot_sync.sh [OUT_DIR]        (default: shots/)
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick git
# Look at the PNGs afterwards: the status bar's sync field, the message, the banner
# above the text, the dialog's tables readable, Arabic joined.
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "${1:-}"
command -v git >/dev/null || { echo "missing git" >&2; exit 2; }

# The helpers, in a file the xvfb-run script sources too (functions do not survive
# xvfb-run's /bin/sh).
cat > "$work/team.sh" <<'EOF'
annotator() { (cd "$repo" && "$python" -m annotator "$@"); }
# laptop_adds DOC WORD LABEL: amal's laptop labels WORD in DOC, then syncs.
laptop_adds() {
  "$python" -c '
import sys
from annotator.api import open_project
root, doc_id, word, label = sys.argv[1:]
project = open_project(root)
work = project.load("amal", doc_id)
start = work.text.index(word)
work.add_span(start, start + len(word), label)
project.save(work)' "$work/laptop" "$1" "$2" "$3"
  annotator sync "$work/laptop" --annotator amal
}
EOF
source "$work/team.sh"

# The team: the sample is the coordinator's project; each annotator's sample files are
# sent by them (their own paths only), then amal clones it twice.
git init --quiet --bare --initial-branch=main "$work/remote.git"
"$python" -c 'import sys; from pathlib import Path
from annotator.io.gitsync import init_repository; init_repository(Path(sys.argv[1]))' \
  "$work/project"
git -C "$work/project" remote add origin "$work/remote.git"
annotator assign "$work/project" --annotators amal,omar --overlap 0.5 >/dev/null
annotator sync "$work/project" --coordinator >/dev/null
annotator sync "$work/project" --annotator amal >/dev/null
annotator sync "$work/project" --annotator omar >/dev/null
git clone --quiet "$work/remote.git" "$work/desktop"
git clone --quiet "$work/remote.git" "$work/laptop"
laptop_adds 02-primorsky-gifts "بريمورسكي" gift
mv "$work/project" "$work/coordinator"
ln -s "$work/desktop" "$work/project"  # open_window opens $work/project

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  source "$repo/tools/screen_window.sh"
  source "$work/team.sh"
  open_window 01-kim-leaves-russia amal

  # 1. a span over the last two words of the article, then File > Sync
  xdotool key ctrl+End Up End; sleep 0.2
  xdotool key ctrl+shift+Right ctrl+shift+Right; sleep 0.2
  xdotool key 1; sleep 0.3
  xdotool key ctrl+shift+s; sleep 3
  import -window root "$out/sync-window.png"; echo "wrote $out/sync-window.png"

  # 2. the laptop changes the open document too, and so does the desktop
  annotator sync "$work/laptop" --annotator amal
  laptop_adds 01-kim-leaves-russia "نوفوستي" entity
  xdotool key ctrl+Home; sleep 0.2
  xdotool key ctrl+shift+Left ctrl+shift+Left; sleep 0.2
  xdotool key 3; sleep 1.5
  xdotool key ctrl+shift+s; sleep 3
  import -window root "$out/sync-conflicts.png"; echo "wrote $out/sync-conflicts.png"

  # 3. OK: the banner over the team'"'"'s version
  xdotool key Return; sleep 1.5
  import -window root "$out/sync-conflict-banner.png"; echo "wrote $out/sync-conflict-banner.png"

  # 4. Project > Team status
  xdotool key alt+p; sleep 0.5
  xdotool key t; sleep 3
  import -window root "$out/team-status.png"; echo "wrote $out/team-status.png"
  xdotool key Escape; sleep 0.5
  kill $app; wait $app 2>/dev/null || true
'

# Proof that the keys reached the window: the desktop sent its span, and the conflict
# copy of the open document waits beside amal's file.
git -C "$work/remote.git" log --format="%an: %s" main | head -5
ls "$work/desktop/annotations/amal/" | grep conflict || { echo "no conflict copy" >&2; exit 1; }
