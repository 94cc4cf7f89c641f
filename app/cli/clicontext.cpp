// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modelstore.h"

#include <QCoreApplication>

namespace taglens::app {

CliContext::CliContext() : m_out(stdout), m_err(stderr) {}

engine::Expected<std::unique_ptr<engine::ImageClassifier>> CliContext::loadClassifier(const QString &path, int threads)
{
    QString modelPath = path;
    if (modelPath.isEmpty()) {
        const engine::ModelStore store;
        if (!store.hasDefaultModel())
            return engine::Error::make(engine::ErrorCode::ModelMissing, store.missingModelMessage());
        modelPath = store.defaultModelPath();
    }
    torchbackend::TorchClassifier::Options options;
    options.threads = threads;
    auto loaded = torchbackend::TorchClassifier::load(modelPath, options);
    if (!loaded)
        return loaded.error();
    return std::unique_ptr<engine::ImageClassifier>(std::move(*loaded));
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
