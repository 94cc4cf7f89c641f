// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli harvest --source mastodon|pixelfed|local --tag TAG [--tag TAG …] [--instance URL]
/// [--path DIR] [--limit N] --project FILE [--model PATH] [--top K] [--token-env VAR]`
int runHarvestCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
