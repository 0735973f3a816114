#!/usr/bin/env bash
# Package the one-folder Linux bundle into a .deb: the bundle in /opt/pixiodoc,
# /usr/bin/pixiodoc, a desktop entry and an SVG icon.
#
#   .venv/bin/pyinstaller --noconfirm pixiodoc.spec     # -> dist/pixiodoc/
#   bash installer/build-deb.sh [BUNDLE_DIR] [OUT_DIR]  # -> dist/pixiodoc-desktop_<version>_<arch>.deb
#   sudo apt install ./dist/pixiodoc-desktop_<version>_<arch>.deb
#
# The vault is not in the package: it lives in each user's data folder
# (~/.local/share/PixioDoc by default), so removing the package keeps it.
# DEB_COMPRESSION=gzip|xz|zstd|none picks dpkg-deb's compressor (default xz).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
BUNDLE="$(realpath "${1:-$ROOT/dist/pixiodoc}")"
OUT="$(realpath -m "${2:-$ROOT/dist}")"
if [ ! -x "$BUNDLE/pixiodoc" ]; then
  echo "build-deb: no bundle at $BUNDLE (build it: .venv/bin/pyinstaller --noconfirm pixiodoc.spec)" >&2
  exit 1
fi
VERSION="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n1)"
ARCH="$(dpkg --print-architecture)"
PACKAGE=pixiodoc-desktop
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
chmod 755 "$STAGE"

install -d "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/pixiodoc"
chmod -R u=rwX,go=rX "$STAGE/opt/pixiodoc"
ln -s /opt/pixiodoc/pixiodoc "$STAGE/usr/bin/pixiodoc"
install -m 644 "$HERE/pixiodoc.desktop" "$STAGE/usr/share/applications/pixiodoc.desktop"
# The in-app icon is drawn in `currentColor` and tinted by the theme; the menu gets the accent.
sed 's/currentColor/#2f6f8f/g' "$ROOT/resources/icons/app.svg" \
  > "$STAGE/usr/share/icons/hicolor/scalable/apps/pixiodoc.svg"
chmod 644 "$STAGE/usr/share/icons/hicolor/scalable/apps/pixiodoc.svg"

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $PACKAGE
Version: $VERSION
Architecture: $ARCH
Maintainer: PixioDoc <support@pixiodoc.invalid>
Section: graphics
Priority: optional
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= 2.28), libfontconfig1, libfreetype6, libglib2.0-0t64 | libglib2.0-0, libdbus-1-3, libegl1, libgl1, libx11-6, libx11-xcb1, libxkbcommon0, libxkbcommon-x11-0, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0, libxcb-xkb1
Recommends: fonts-dejavu-core
Description: PixioDoc Desktop - dermatology photo workstation
 Offline-first clinical photo documentation for dermatology practices:
 an encrypted local vault with one timeline per patient, dermatoscope and
 camera capture, side-by-side comparison and scheduled encrypted sync.
 Run "pixiodoc --self-check" after installing to check the installation.
CONTROL

mkdir -p "$OUT"
DEB="$OUT/${PACKAGE}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
