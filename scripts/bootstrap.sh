#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: a Python >= 3.11, the .venv with the
# project installed, and the system libraries Qt needs. Says what is missing
# (and the apt-get line that fixes it) instead of failing later with a Qt trace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OFFSCREEN_LIBS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libX11.so.6:libx11-6 libxkbcommon.so.0:libxkbcommon0 libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0 libdbus-1.so.3:libdbus-1-3"
X11_LIBS="libX11-xcb.so.1:libx11-xcb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb.so.1:libxcb1 libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0 libxcb-render.so.0:libxcb-render0 libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1 libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1 libxcb-glx.so.0:libxcb-glx0"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Annotator needs Python 3.11 or newer: sudo apt-get install python3 python3-venv" >&2
  return 1
}

# check_libs "LIB:PACKAGE ...": exit with the apt-get line when any is missing.
check_libs() {
  local missing=()
  local cache
  cache=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null) || true)
  for pair in $1; do
    local lib=${pair%%:*} pkg=${pair##*:}
    if ! grep -q "$lib" <<<"$cache"; then missing+=("$pkg"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Qt needs system libraries that are missing: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

ensure_venv() {
  local python
  python=$(find_python)
  if [ ! -x .venv/bin/python ]; then
    if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2
      exit 1
    fi
    echo "Creating .venv with $("$python" --version) ..."
    "$python" -m venv .venv
  fi
  # (Re)install when pyproject.toml is newer than the last install.
  if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    echo "Installing Annotator and its dependencies into .venv (first run takes a minute) ..."
    if ! { .venv/bin/python -m pip install --upgrade pip &&
           .venv/bin/python -m pip install -e ".[test,dev,spacy]"; } >.venv/install.log 2>&1; then
      tail -n 40 .venv/install.log >&2
      echo "Installing into .venv failed; the whole log is in .venv/install.log" >&2
      exit 1
    fi
    touch .venv/.installed
  fi
}
