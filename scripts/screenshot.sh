#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the desktop app under Xvfb, on a sample project harvested from the Mastodon
# stand-in (real photos, two tags) with the given model.
#
#   scripts/screenshot.sh [BUILD_DIR] [OUT_DIR] [MODEL]
#
# BUILD_DIR (default: build) must hold taglens, taglens-cli and taglens-standin; MODEL defaults to
# the installed one, else the tiny test model (its labels are meaningless and the app says so).
# Writes OUT_DIR (default: BUILD_DIR/screenshots)/{main-window,first-run}.png.
set -eu

build=$(cd "${1:-build}" && pwd)
out=${2:-$build/screenshots}
model=${3:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)

gui=$build/app/gui/taglens
cli=$build/app/cli/taglens-cli
standin=$build/tests/standin/taglens-standin
for program in "$gui" "$cli" "$standin"; do
  [ -x "$program" ] || { echo "screenshot.sh: $program is missing; build it first" >&2; exit 1; }
done
if [ -z "$model" ]; then
  installed=$("$cli" model list 2>/dev/null | sed -n 's/^\* \([^ ]*\).*/\1/p' | head -n 1)
  if [ -n "$installed" ]; then
    model=
  else
    model=$build/test-models/hostile/tiny_sidecar.pt
    [ -f "$model" ] || { echo "screenshot.sh: no model installed and no $model (run the make_hostile_models test)" >&2; exit 1; }
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

project=$out/sample.taglens
rm -f "$project" "$project-wal" "$project-shm"
set -- harvest --source mastodon --instance "$instance" --tag cats --tag dogs --limit 30 --project "$project"
[ -n "$model" ] && set -- "$@" --model "$model"
"$cli" "$@" || { echo "screenshot.sh: the harvest failed" >&2; exit 1; }
kill "$standin_pid" 2>/dev/null || true
standin_pid=

# Each shot: start the app on a fresh X server, give it time to load thumbnails, grab the screen.
# A private config and model folder keep the user's recent projects and models out of it.
shoot() {
  name=$1
  shift
  XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data xvfb-run -a -s "-screen 0 1400x900x24" \
    sh -c '"$@" & app=$!; sleep 6; import -window root "'"$out/$name"'.png"; kill $app' sh "$@"
  echo "wrote $out/$name.png"
}

if [ -n "$model" ]; then
  shoot main-window "$gui" --model "$model" "$project"
else
  shoot main-window "$gui" "$project"
fi
# First run: no model installed anywhere it looks.
TAGLENS_MODEL_DIR=$work/no-models shoot first-run "$gui"
