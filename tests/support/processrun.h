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

/// The tab-separated lines of what a run printed (the machine-readable lines of `auth status`:
/// one account each); the rest is for people and may be translated.
QStringList tabSeparatedLines(const ProcessRun &run);

} // namespace taglens::tests
