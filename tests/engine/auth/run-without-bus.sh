#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command with no reachable D-Bus session bus (so no keychain): a bus address that leads
# nowhere, and no X display to autolaunch one from. Usage: run-without-bus.sh CMD...
set -eu
unset DISPLAY WAYLAND_DISPLAY
DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/taglens-no-bus" TAGLENS_EXPECT_KEYCHAIN=0 exec "$@"
