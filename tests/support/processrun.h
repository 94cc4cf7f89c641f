// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace taglens::tests {

/// What a finished program said.
struct ProcessRun
{
    int exitCode = -1; ///< -1: it did not start, crashed, or was killed after the timeout
    QString out;
    QString err;
};

/// Runs \a program with \a arguments in \a environment to its end, processing events while it
/// runs (so that stand-in servers in the test process answer it); kills it after \a timeoutMs.
ProcessRun runProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                      int timeoutMs);

} // namespace taglens::tests
