#!/usr/bin/env bash
# Screenshots of the menus and dialogs in one language, as a user sees them: a
# real X server (Xvfb), a window manager (openbox), Qt's xcb platform. The
# window is driven through its objects (tools/screenshot_i18n.py), not keys, so
# the same script works with Arabic mnemonics. Works on a copy of the sample
# project with private settings.
#
#   tools/screenshot_i18n.sh [--lang ar|en] [OUT_DIR]        (default: shots/)
#
# Writes menu-language, language-restart, export-dialog and import-dialog
# (each -ar.png with --lang ar). Look at them: no text clipped, the dialogs
# mirrored in Arabic (labels on the right, fields to their left), Arabic words
# joined, the summaries (the io drivers' English lines) left to right with the
# Arabic names in them in order, and the hints under them in the language.
#
# Needs: apt-get install xvfb xauth xdotool openbox imagemagick
set -euo pipefail

source "$(dirname "$0")/screen_common.sh" "$@"
# a doccano source: two spans of the fourth article, offsets in UTF-16 units, one
# of them with a label that is not in the project (as in screenshot_dialogs.sh)
"$python" "$repo/tools/make_doccano_source.py" "$work"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
  openbox >/dev/null 2>&1 & sleep 1
  cd "$repo" && "$python" tools/screenshot_i18n.py "$work" "$out" "${lang:-en}" "$suffix"
'
