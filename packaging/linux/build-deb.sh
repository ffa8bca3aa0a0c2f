#!/usr/bin/env bash
# Build a Debian package from the PyInstaller bundle.
#   bash packaging/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
# BUNDLE_DIR defaults to dist/comparer (made by `bash packaging/build.sh bundle`), OUT_DIR to dist/.
# Prints the path of the .deb it wrote. Environment: COMPARER_DEB_COMPRESSION (xz, gzip, zstd or none;
# default xz) and COMPARER_VERSION (default: comparer.__version__ read from the checkout).
#
# The package installs the bundle in /opt/comparer, a /usr/bin/comparer symlink, the desktop entry, the
# hicolor icons and the AppStream metainfo. Icon and desktop caches are refreshed by the triggers of
# Debian's own packages, so no maintainer scripts are needed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUNDLE=$(realpath "${1:-$ROOT/dist/comparer}")
OUT=$(mkdir -p "${2:-$ROOT/dist}" && realpath "${2:-$ROOT/dist}")
ICONS="$ROOT/resources/icons"
SIZES="16 32 48 64 128 256 512"

# Shared libraries the bundled Qt loads from the system (PyInstaller leaves out the ones every desktop
# has) and a font, since Qt bundles none: X11 (xcb) and Wayland. Qt's GTK 3 theme plugin is left out: it
# is only loaded on a desktop that asks for it, and that desktop has GTK 3.
DEPENDS="libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6,
 libdbus-1-3, libglib2.0-0, fonts-dejavu-core, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0,
 libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1,
 libxcb-randr0, libxcb-render0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xinput0,
 libwayland-client0, libwayland-cursor0, libwayland-egl1"

[ -x "$BUNDLE/comparer" ] || { echo "build-deb: no bundle at $BUNDLE (run: bash packaging/build.sh bundle)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb not found (Debian package dpkg)" >&2; exit 1; }

VERSION=${COMPARER_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/comparer/__init__.py")}
[ -n "$VERSION" ] || { echo "build-deb: cannot read __version__ from comparer/__init__.py" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/comparer"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/metainfo" \
  "$PKG/usr/share/doc/comparer" "$PKG/usr/share/icons/hicolor/scalable/apps"

cp -a "$BUNDLE" "$PKG/opt/comparer"
chmod -R u+rwX,go+rX,go-w "$PKG/opt/comparer"
ln -s /opt/comparer/comparer "$PKG/usr/bin/comparer"
install -m 644 "$HERE/comparer.desktop" "$PKG/usr/share/applications/comparer.desktop"
install -m 644 "$HERE/org.comparer.Comparer.metainfo.xml" "$PKG/usr/share/metainfo/"
install -m 644 "$ICONS/comparer.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/comparer.svg"
for size in $SIZES; do
  dir="$PKG/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 644 "$ICONS/comparer-$size.png" "$dir/comparer.png"
done
cat > "$PKG/usr/share/doc/comparer/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: comparer

Files: *
Copyright: comparer developers
License: MIT

Files: opt/comparer/_internal/*
Comment: Python, Qt (PySide6, LGPL-3.0) and the Python libraries comparer uses, each under its own
 licence; their licence files are in the bundle next to each library.
COPYRIGHT

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: comparer
Version: $VERSION
Architecture: $ARCH
Section: education
Priority: optional
Maintainer: comparer developers <comparer@example.org>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Description: compare news accounts of one event claim by claim
 comparer splits news accounts of the same event into claims, lines up the
 claims that tell the same thing and shows where the accounts differ:
 numbers, quotations and attribution, casualty figures, names, dates, and
 what only one source says. Offline; nothing is downloaded at run time.
 .
 This package holds a self-contained build (its own Python and Qt) in
 /opt/comparer.
CONTROL

DEB="$OUT/comparer_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"${COMPARER_DEB_COMPRESSION:-xz}" --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
