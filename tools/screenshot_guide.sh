#!/usr/bin/env bash
# Re-make the screenshots of the user guide (docs/guide.md) into docs/images/:
# the window in English and Arabic, mixed directions, review mode, the export
# dialog, relation arcs, link mode and suggestions (through the other screenshot
# scripts, on a virtual screen) and the
# agreement report of the sample project (headless Chromium).
#
#   tools/screenshot_guide.sh
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick chromium
# Look at every PNG afterwards (see each script's notes on what to check).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
images="$repo/docs/images"
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
mkdir -p "$images"
"$repo/tools/screenshot.sh" "$shots"
"$repo/tools/screenshot.sh" --lang ar "$shots"
"$repo/tools/screenshot_review.sh" "$shots"
"$repo/tools/screenshot_dialogs.sh" "$shots"
"$repo/tools/screenshot_relations.sh" "$shots"
for name in main-window mixed-directions main-window-ar review-mode export-dialog \
            relations link-mode suggestions; do
  cp "$shots/$name.png" "$images/$name.png"
done

# The agreement report of the sample project, as a browser shows it.
work=$(mktemp -d)
cp -r "$repo/resources/sample" "$work/project"
rm -f "$work/project/__init__.py"
"$repo/.venv/bin/annotator" agreement "$work/project" --report "$work/report.html" >/dev/null
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chrome" \
  --screenshot="$images/agreement-report.png" --window-size=1280,1400 \
  "file://$work/report.html" >/dev/null 2>&1
rm -rf "$work"
echo "wrote $(ls "$images" | wc -l) images to $images"
