// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli auth login|logout|status [--source mastodon|pixelfed] [--instance URL] [--no-browser]
/// [--account ACCT] [--timeout SECONDS]`, and for Instagram (Facebook Login with the user's Meta app)
/// `taglens-cli auth login|logout|status --source instagram --client-id ID [--client-secret-env VAR]
/// [--port N] [--no-browser] [--forget-secret]`
int runAuthCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
