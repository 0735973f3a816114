#!/usr/bin/env bash
# Debian/Ubuntu packages PixioDoc needs beyond Python: fonts and the X/EGL
# libraries Qt loads, Xvfb for the end-to-end GUI tests. Safe to run twice.
set -euo pipefail
PACKAGES=(
  fonts-dejavu-core
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libx11-xcb1
  xvfb x11-utils xauth
  chromium chromium-driver  # the web pages we ship, driven by selenium in tests
  poppler-utils dicom3tools orthanc orthanc-dicomweb
  binutils  # strip and readelf for the frozen bundle (pixiodoc.spec)
  icu-devtools gcc  # icupkg trims Qt's ICU data, gcc builds the encoder stubs (pixiodoc.spec)
)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get here; install the equivalents of: ${PACKAGES[*]}" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  # orthanc's maintainer scripts would start a system service on 4242/8042;
  # the tests start their own instance on free ports, so keep it from starting.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
