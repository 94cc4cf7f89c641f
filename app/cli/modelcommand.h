// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli model install [--from FILE] [--url URL]`, `model list`, `model info [--model PATH]`.
int runModelCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
