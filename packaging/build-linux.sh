#!/usr/bin/env bash
# Build the one-folder Linux app from this checkout: dist/annotator/annotator.
#
#   packaging/build-linux.sh            # build, then run the bundle's --version and self-test
#                                       # (offscreen, and on X11 when xvfb-run is installed)
#   packaging/build-linux.sh --no-test  # build only
#
# Steps: a private build environment (build/packaging-venv, made once), the wheel
# (python -m build: sdist, then the wheel from the sdist), the wheel installed there
# with PyInstaller (the only place PyInstaller is installed: never a dependency of the
# app), then PyInstaller on packaging/annotator.spec. About 2-4 minutes on 2 cores
# with the packages already downloaded. Needs Python >= 3.11 with venv and the
# system libraries Qt needs (the script says which are missing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/bootstrap.sh"  # cd to the repository root
check_libs "$OFFSCREEN_LIBS"

run_tests=1
[ "${1:-}" = "--no-test" ] && run_tests=0

VENV=build/packaging-venv
started=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  echo "== build environment: $VENV"
  "$(find_python)" -m venv "$VENV"
fi
echo "== installing the build tools (build, pyinstaller) into $VENV"
"$VENV/bin/python" -m pip install -q --upgrade "build>=1.2" "pyinstaller>=6.10,<7"

echo "== wheel"
rm -rf build/packaging-dist
"$VENV/bin/python" -m build --outdir build/packaging-dist . >build/packaging-build.log 2>&1 || {
  tail -n 30 build/packaging-build.log >&2; echo "python -m build failed" >&2; exit 1; }
wheel=$(ls build/packaging-dist/annotator-*.whl)
echo "   $wheel"
"$VENV/bin/python" -m pip uninstall -q -y annotator >/dev/null 2>&1 || true
"$VENV/bin/python" -m pip install -q "$wheel"

echo "== PyInstaller"
rm -rf dist/annotator
# run outside the checkout's root so that the installed package, not ./annotator, is frozen
(cd build && "../$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
   --distpath ../dist --workpath pyinstaller ../packaging/annotator.spec)

echo "== dist/annotator: $(du -sh dist/annotator | cut -f1) ($(find dist/annotator -type f | wc -l) files), built in $(( $(date +%s) - started )) s"

if [ "$run_tests" = 1 ]; then
  # a clean environment: nothing of this checkout or of any Python on the path
  clean=(env -i "PATH=/usr/bin:/bin" "HOME=${HOME:-/tmp}" "QT_QPA_PLATFORM=offscreen")
  echo "== dist/annotator/annotator --version"
  "${clean[@]}" dist/annotator/annotator --version
  echo "== dist/annotator/annotator self-test (offscreen)"
  (cd /tmp && "${clean[@]}" "$OLDPWD/dist/annotator/annotator" self-test)
  if command -v xvfb-run >/dev/null 2>&1; then
    # the X11 (xcb) platform plugin and its libraries, on a virtual screen
    echo "== dist/annotator/annotator self-test (X11, under xvfb-run)"
    (cd /tmp && xvfb-run -a -s "-screen 0 1280x900x24" bash -c \
      'env -i PATH=/usr/bin:/bin "HOME=$1" "DISPLAY=$DISPLAY" "XAUTHORITY=$XAUTHORITY" \
         "$2" self-test' _ "${HOME:-/tmp}" "$OLDPWD/dist/annotator/annotator")
  fi
fi
