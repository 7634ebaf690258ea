#!/usr/bin/env bash
# Bring the Arabic translation up to date with the code, then compile it.
#
#   tools/update_translations.sh
#
# 1. pyside6-lupdate reads every Python file of annotator/ui (self.tr(...),
#    QCoreApplication.translate("Context", ...), QT_TRANSLATE_NOOP("Context", ...))
#    and merges the strings into resources/i18n/annotator_ar.ts: new strings
#    arrive "unfinished", strings no longer in the code are dropped
#    (-no-obsolete). Locations are left out (-locations none) so that editing
#    code does not churn the file; Qt Linguist finds a string by its context.
# 2. Translate the unfinished strings (Qt Linguist: pyside6-linguist, or any
#    editor: fill each <translation> and remove type="unfinished"). Keep every
#    {placeholder} and the source's & (the mnemonic), if it has one. Plurals
#    (%n) need Arabic's six forms (zero, one, two, 3-10, 11-99, 100-102...).
#    Set a placeholder that holds an id, a path, a name or English text in a
#    first-strong isolate, U+2068 {doc} U+2069, and code-like fragments in a
#    left-to-right one, U+2066 ... U+2069: in a right-to-left line their
#    neutral edges ("/tmp/x.json", "01-visit", "Ctrl+=") would otherwise move.
# 3. Run this script again: pyside6-lrelease compiles the .ts into
#    resources/i18n/annotator_ar.qm, which is committed and shipped (the app
#    loads it at start-up). tests/ui/test_i18n.py fails while the .ts misses a
#    string of the code, holds an unfinished one, or the .qm is not the
#    compiled .ts.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${PYSIDE_BIN:-$repo/.venv/bin}
cd "$repo"
ts=resources/i18n/annotator_ar.ts
qm=resources/i18n/annotator_ar.qm
"$bin/pyside6-lupdate" -extensions py -no-obsolete -locations none -source-language en \
  -target-language ar $(find annotator/ui -name '*.py' | sort) -ts "$ts"
"$bin/pyside6-lrelease" -nounfinished -removeidentical "$ts" -qm "$qm"
unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
if [ "$unfinished" != 0 ]; then
  echo "$ts: $unfinished message(s) still to translate (they show in English until then)" >&2
fi
