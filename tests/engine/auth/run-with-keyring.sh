#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, i.e. a real Secret
# Service, in a throwaway HOME so no keyring file lands in the user's own. Usage: run-with-keyring.sh CMD...
# Without gnome-keyring-daemon or dbus-run-session the command runs with TAGLENS_NO_KEYRING=1 (it skips).
set -eu
if ! command -v gnome-keyring-daemon >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  TAGLENS_NO_KEYRING=1 exec "$@"
fi
home=$(mktemp -d "${TMPDIR:-/tmp}/taglens-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/run" && chmod 700 "$home/run"
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_RUNTIME_DIR="$home/run" \
  dbus-run-session -- sh -c '
    printf %s taglens-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    # The daemon forks; wait until it owns the Secret Service name and remember its process id, so
    # it can be stopped afterwards (it may outlive the bus otherwise).
    pid=
    for _ in $(seq 50); do
      pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
              org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null \
            | awk "/uint32/ {print \$2}")
      [ -n "$pid" ] && break
      sleep 0.1
    done
    rc=0
    TAGLENS_EXPECT_KEYCHAIN=1 "$@" || rc=$?
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    exit $rc' sh "$@"
