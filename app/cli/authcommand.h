// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli auth login|logout|status [--source mastodon|pixelfed] [--instance URL] [--no-browser]
/// [--account ACCT] [--timeout SECONDS]`
int runAuthCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
