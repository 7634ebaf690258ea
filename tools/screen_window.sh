# The window helper of the screenshot scripts; source it inside the xvfb-run script.
# open_window DOC ANNOTATOR: start the app on DOC of the private project copy, wait
# for its window, place it at 0,0 in 1280x870 and activate it. Sets $app (pid)
# and $wid (window). Sourced by the scripts that xvfb-run starts (functions do
# not survive its /bin/sh). With $lang set (screen_common.sh's --lang), the
# window opens in that language.
open_window() {
  (cd "$repo" && "$python" -m annotator open "$work/project" --annotator "$2" --doc "$1" \
     ${lang:+--lang "$lang"}) &
  app=$!
  wid=""
  for _ in $(seq 40); do
    wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -1 || true)
    [ -n "$wid" ] && break; sleep 0.25
  done
  [ -n "$wid" ] || { echo "the window did not appear" >&2; kill "$app"; exit 1; }
  xdotool windowmove --sync "$wid" 0 0 windowsize --sync "$wid" 1280 870
  xdotool windowactivate --sync "$wid"; sleep 2
}
