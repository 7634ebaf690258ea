# Shared prelude of the screenshot scripts (source it with the script's arguments:
# [--lang ar|en] [OUT_DIR]): checks the tools, makes a private copy of the sample
# project and private settings, and exports repo, out, python and work for the
# xvfb-run script, and lang (empty: the app's default language) with suffix
# ("-ar" for --lang ar, so each language's shots sit side by side).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lang="" suffix=""
if [ "${1:-}" = "--lang" ]; then
  lang=${2:?"--lang needs ar or en"}; shift 2
  [ "$lang" = en ] || suffix="-$lang"
fi
out=$(mkdir -p "${1:-$repo/shots}" && cd "${1:-$repo/shots}" && pwd)
python=${PYTHON:-$repo/.venv/bin/python}
for tool in xvfb-run xdotool openbox import; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool: apt-get install xvfb xauth xdotool openbox imagemagick" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/resources/sample" "$work/project"
rm -f "$work/project/__init__.py"
export work out python repo lang suffix
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" QT_QPA_PLATFORM=xcb

