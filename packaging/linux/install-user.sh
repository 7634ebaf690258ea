#!/usr/bin/env bash
# Put Annotator in the current user's application menu: the .desktop file, the icon
# (SVG and PNG sizes) and the AppStream metainfo under ~/.local/share (or
# $XDG_DATA_HOME). Nothing outside the user's home is touched; no root needed.
#
#   packaging/linux/install-user.sh                    # `annotator` is on PATH already
#                                                      # (pipx install / pip install --user)
#   packaging/linux/install-user.sh --bundle dist/annotator
#                                                      # also copy the one-folder app to
#                                                      # ~/.local/lib/annotator and link
#                                                      # ~/.local/bin/annotator to it
#   packaging/linux/install-user.sh --exec /path/to/annotator   # launch this program
#   packaging/linux/install-user.sh --uninstall        # remove what this put there
set -euo pipefail

APP_ID=org.annotator.Annotator
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
metainfo=$data/metainfo
lib=$HOME/.local/lib/annotator
bin=$HOME/.local/bin

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

refresh() {  # let menus and icon caches see the change, where the tools exist
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
  fi
}

mode=install exec_path="" bundle=""
while [ $# -gt 0 ]; do
  case $1 in
    --bundle) bundle=${2:?--bundle needs the folder made by packaging/build-linux.sh}; shift 2 ;;
    --exec) exec_path=${2:?--exec needs the path of the annotator program}; shift 2 ;;
    --uninstall) mode=uninstall; shift ;;
    -h|--help) usage ;;
    *) echo "install-user.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done

if [ "$mode" = uninstall ]; then
  rm -f "$apps/$APP_ID.desktop" "$metainfo/$APP_ID.metainfo.xml" \
        "$icons/scalable/apps/$APP_ID.svg" "$icons"/*x*/apps/"$APP_ID.png"
  if [ -L "$bin/annotator" ] && [ "$(readlink "$bin/annotator")" = "$lib/annotator" ]; then
    rm -f "$bin/annotator"
  fi
  [ -d "$lib" ] && rm -rf "$lib"
  refresh
  echo "Annotator removed from the application menu (your projects and settings are kept)."
  exit 0
fi

if [ -n "$bundle" ]; then
  if [ ! -x "$bundle/annotator" ]; then
    echo "install-user.sh: $bundle/annotator is missing: build it with packaging/build-linux.sh" >&2
    exit 2
  fi
  rm -rf "$lib.new"
  mkdir -p "$(dirname "$lib")" "$bin"
  cp -a "$bundle" "$lib.new"
  rm -rf "$lib"
  mv "$lib.new" "$lib"
  ln -sfn "$lib/annotator" "$bin/annotator"
  exec_path=$lib/annotator
  echo "copied $bundle to $lib; $bin/annotator runs it"
fi

if [ -z "$exec_path" ]; then
  if ! exec_path=$(command -v annotator); then
    echo "install-user.sh: no 'annotator' command on PATH. Install Annotator first" >&2
    echo "  (pipx install annotator-*.whl), or give --bundle dist/annotator or --exec PATH." >&2
    exit 2
  fi
fi
exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")

# The .desktop file runs the program by its full path, in double quotes (a path with
# spaces stays one argument); the characters the Exec key would need escaped are refused.
case $exec_path in
  *[\"\`\$\\%]*)
    echo "install-user.sh: move Annotator to a folder whose path has none of \" \` \$ \\ %" >&2
    exit 2 ;;
esac
mkdir -p "$apps" "$metainfo" "$icons/scalable/apps"
while IFS= read -r line; do
  case $line in
    "Exec=annotator "*) line="Exec=\"$exec_path\" ${line#Exec=annotator }" ;;
    "TryExec=annotator") line="TryExec=$exec_path" ;;
  esac
  printf '%s\n' "$line"
done <"$here/$APP_ID.desktop" >"$apps/$APP_ID.desktop.tmp"
mv "$apps/$APP_ID.desktop.tmp" "$apps/$APP_ID.desktop"
cp "$here/$APP_ID.metainfo.xml" "$metainfo/"
cp "$here/icons/scalable/$APP_ID.svg" "$icons/scalable/apps/"
for png in "$here"/icons/*x*/"$APP_ID.png"; do
  size=$(basename "$(dirname "$png")")
  mkdir -p "$icons/$size/apps"
  cp "$png" "$icons/$size/apps/"
done
refresh

echo "Annotator is in your application menu (runs $exec_path):"
echo "  $apps/$APP_ID.desktop"
echo "  $metainfo/$APP_ID.metainfo.xml"
echo "  $icons/{scalable,48x48,128x128,256x256}/apps/$APP_ID.{svg,png}"
echo "Check the installation with: \"$exec_path\" self-test"
