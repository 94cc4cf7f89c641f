#!/usr/bin/env bash
# Runs every test through CTest. The GUI tests use the offscreen platform; nothing here needs a
# display or the network.
set -euo pipefail
build_dir="${1:-build}"
export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
ctest --output-on-failure --timeout 900 -j "${TEST_JOBS:-2}"
