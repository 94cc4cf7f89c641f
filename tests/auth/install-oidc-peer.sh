#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the pinned oidc-provider test peer (package-lock.json) into DEST, outside the source tree.
# Usage: install-oidc-peer.sh SOURCE_DIR DEST_DIR. Needs node and npm, and the npm registry.
set -eu
src=$1
dest=$2
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$src/server.mjs" "$dest/"
cd "$dest"
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json .installed-lock.json; then
  echo "oidc peer already installed in $dest"
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json .installed-lock.json
