// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "engine/inference/torch/torchclassifier.h"

#include <QCoreApplication>

namespace taglens::app {

CliContext::CliContext() : m_out(stdout), m_err(stderr) {}

engine::Expected<std::unique_ptr<engine::ImageClassifier>> CliContext::loadClassifier(const QString &path, int threads)
{
    torchbackend::TorchClassifier::Options options;
    options.threads = threads;
    return torchbackend::TorchClassifier::open(path, options);
}

int CliContext::fail(const QString &message)
{
    m_err << "taglens-cli: " << message << Qt::endl;
    return ExitFatal;
}

int CliContext::usage(const QString &message)
{
    m_err << "taglens-cli: " << message << Qt::endl
          << QCoreApplication::translate("CliContext", "Run \"taglens-cli --help\" for usage.") << Qt::endl;
    return ExitUsage;
}

} // namespace taglens::app
