// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli export --project FILE [--csv FILE] [--summary-csv FILE] [--json FILE]
/// [--gexf FILE] [--min-score S] [--top K]`
int runExportCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
