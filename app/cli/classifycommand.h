// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli classify [--model PATH] [--top K] [--format table|csv|json] [--batch N]
/// [--threads N] FILE...`: one result per file, in input order; a bad file is an error row.
int runClassifyCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
