#!/usr/bin/env bash
# Runs every test through CTest. The GUI tests use the offscreen platform; no display is needed.
# The only network use is the first run's `npm ci` of the pinned OAuth test peer (oidc-provider),
# from the npm registry, into the build directory.
set -euo pipefail
build_dir="${1:-build}"
export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure --timeout 900 -j "${TEST_JOBS:-2}"
