#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what TagLens needs to build, test and run on Debian 12. Idempotent and
# non-interactive: packages already present are not touched, apt runs only when
# something is missing.
set -euo pipefail

packages=(
  # toolchain (clang-format and clang-tidy for `make format` and `make lint`)
  build-essential cmake ninja-build ccache pkg-config clang-format clang-tidy
  # Qt 6.4 (Charts' CMake package needs the OpenGL one)
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools
  qt6-tools-dev-tools libqt6sql6-sqlite qt6-qpa-plugins qt6-image-formats-plugins libgl-dev
  # inference and credentials
  libtorch-dev qtkeychain-qt6-dev
  # SHA-256 with the CPU's SHA instructions (libcrypto)
  libssl-dev
  # colour JPEGs decoded straight into the resampler's layout (libjpeg-turbo)
  libjpeg-dev
  # reference checks and test data (Debian's python3, not the one first on PATH)
  python3 python3-torch python3-torchvision python3-skimage python3-pil
  # GUI checks, keychain tests, the OAuth test peer
  xvfb xauth imagemagick dbus dbus-x11 gnome-keyring libsecret-tools
)
# The machines ship Node.js 20 with its own npm (whose nodejs package conflicts
# with Debian's npm); only a machine without them takes Debian's.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
