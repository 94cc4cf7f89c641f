#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the desktop app under Xvfb, on a sample project harvested from the Mastodon
# stand-in (real photos, two tags) with the given model, for README.
#
#   scripts/screenshot.sh [BUILD_DIR] [OUT_DIR] [MODEL]
#
# BUILD_DIR (default: build) must hold taglens-cli, taglens-standin and taglens-screenshooter
# (tests/ui/screenshooter.cpp: the app's own widgets put in the states below, saved without window
# decorations). MODEL defaults to the installed one, else the untrained test model (its labels are
# meaningless and the app says so on every thumbnail and in the chart's title).
# Writes OUT_DIR (default: resources/screenshots) /
#   main-window.png   grid, chart of both tags, detail panel
#   compare-tags.png  the chart comparing #cats and #dogs
#   detail-panel.png  the selected image in detail
#   search-bar.png    hashtag chips in the search bar
#   search-bar-instagram.png, search-bar-local.png  the same bar for Instagram and a local folder
#   preferences.png   Edit ▸ Preferences
#   accounts.png      File ▸ Accounts, with two logins and an Instagram login waiting for the browser
#   first-run.png     the model setup dialog shown when no model is installed
# The accounts shot runs inside a private D-Bus session with an unlocked gnome-keyring
# (tests/engine/auth/run-with-keyring.sh), so the demo logins never touch the user's keychain.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
out=${2:-$here/resources/screenshots}
model=${3:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)

cli=$build/app/cli/taglens-cli
standin=$build/tests/standin/taglens-standin
shooter=$build/tests/taglens-screenshooter
[ -x "$shooter" ] || shooter=$(find "$build" -name taglens-screenshooter -type f -perm -u+x | head -n 1)
for program in "$cli" "$standin" "$shooter"; do
  [ -n "$program" ] && [ -x "$program" ] || {
    echo "screenshot.sh: ${program:-taglens-screenshooter} is missing; build it first" \
         "(cmake --build $build --target taglens-cli taglens-standin taglens-screenshooter)" >&2
    exit 1
  }
done
command -v xvfb-run >/dev/null || { echo "screenshot.sh: xvfb-run is missing (apt install xvfb)" >&2; exit 1; }
if [ -z "$model" ]; then
  installed=$("$cli" model list 2>/dev/null | sed -n 's/^\* \([^ ]*\).*/\1/p' | head -n 1)
  if [ -z "$installed" ]; then
    model=$build/test-models/test_inception_v3.pt
    [ -f "$model" ] || model=$build/test-models/hostile/tiny_sidecar.pt
    [ -f "$model" ] || { echo "screenshot.sh: no model installed and no test model in $build/test-models (run the test-model fixtures)" >&2; exit 1; }
  fi
fi

work=$(mktemp -d)
standin_pid=
cleanup() {
  [ -n "$standin_pid" ] && kill "$standin_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The stand-in prints "listening on http://127.0.0.1:PORT" once it serves.
"$standin" --tags cats:40,dogs:40 >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 300); do
  grep -q 'listening on' "$work/standin.log" 2>/dev/null && break
  sleep 0.1
done
instance=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/standin.log" | head -n 1)
[ -n "$instance" ] || { echo "screenshot.sh: the stand-in did not start:" >&2; cat "$work/standin.log" >&2; exit 1; }

project=$work/sample.taglens
set -- --project "$project"
[ -n "$model" ] && set -- "$@" --model "$model"
"$cli" harvest --source mastodon --instance "$instance" --tag cats --tag dogs --limit 30 "$@" ||
  { echo "screenshot.sh: the harvest failed" >&2; exit 1; }
kill "$standin_pid" 2>/dev/null || true
standin_pid=

# A private config, data and model folder keep the user's settings, projects and models out of it.
XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TAGLENS_MODEL_DIR=$work/no-models \
  xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
  "$here/tests/engine/auth/run-with-keyring.sh" \
  env QT_QPA_PLATFORM=xcb "$shooter" "$@" --out "$out"

# Smaller files, when an optimiser is at hand (the shots are already saved at PNG's best compression).
for png in "$out"/*.png; do
  if command -v oxipng >/dev/null; then oxipng -q -o 4 --strip safe "$png"
  elif command -v optipng >/dev/null; then optipng -quiet -o5 "$png"
  fi
done
ls -l "$out"/*.png
