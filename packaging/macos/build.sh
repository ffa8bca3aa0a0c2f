#!/usr/bin/env bash
# Build comparer.app and a disk image on macOS. UNTESTED: it needs a Mac with Python 3.11+ (PyInstaller
# cannot cross-build); CI builds and tests only the Linux bundle.
#   bash packaging/macos/build.sh
# Writes dist/comparer.app (from packaging/comparer.spec, which adds the app bundle on macOS) and
# dist/comparer-VERSION.dmg. The app is not signed or notarised: on first start, Control-click it and
# choose Open (or sign it with your own Developer ID: codesign --deep --options runtime -s "ID" …).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "macos/build.sh: run this on macOS" >&2; exit 1; }
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# Pillow lets PyInstaller turn the PNG icon into the .icns the app bundle needs.
.venv/bin/python -m pip install -q -e ".[bundle]" pillow
VERSION=$(.venv/bin/python -c 'import comparer; print(comparer.__version__)')

.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/comparer.spec
[ -d dist/comparer.app ] || { echo "macos/build.sh: PyInstaller made no dist/comparer.app" >&2; exit 1; }

# The same smoke test as on Linux, in short.
APP_BIN=dist/comparer.app/Contents/MacOS/comparer
QT_QPA_PLATFORM=offscreen "$APP_BIN" --version
QT_QPA_PLATFORM=offscreen "$APP_BIN" gui --smoke

rm -f "dist/comparer-$VERSION.dmg"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R dist/comparer.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -quiet -volname "comparer $VERSION" -srcfolder "$STAGE" -format UDZO "dist/comparer-$VERSION.dmg"
echo "dist/comparer-$VERSION.dmg"
