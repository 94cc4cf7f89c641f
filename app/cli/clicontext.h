// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/inference/imageclassifier.h"

#include <QString>
#include <QTextStream>

#include <memory>

namespace taglens::app {

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFatal = 1, ExitUsage = 2 };

/// What every command needs: output streams and the composition of engine and backend.
class CliContext
{
public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Loads \a path, or the installed default model when \a path is empty.
    engine::Expected<std::unique_ptr<engine::ImageClassifier>> loadClassifier(const QString &path, int threads);

    /// Prints "taglens-cli: <message>" on stderr and returns ExitFatal.
    int fail(const QString &message);
    /// Prints the error and a hint to see --help; returns ExitUsage.
    int usage(const QString &message);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace taglens::app
