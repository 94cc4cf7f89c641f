// SPDX-License-Identifier: GPL-3.0-or-later
// taglens: the desktop application. Composition root: engine + LibTorch backend + widgets.
#include "engine/core/loggingrules.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modelstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

namespace {

taglens::engine::Expected<std::unique_ptr<taglens::engine::ImageClassifier>>
loadClassifier(const QString &path)
{
    auto loaded = taglens::torchbackend::TorchClassifier::load(path);
    if (!loaded)
        return loaded.error();
    return std::unique_ptr<taglens::engine::ImageClassifier>(std::move(*loaded));
}


} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("taglens"));
    QApplication::setApplicationName(QStringLiteral("taglens"));
    QApplication::setApplicationDisplayName(QStringLiteral("TagLens"));
    QApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "TagLens: what do people show in the pictures they post under a hashtag?"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QApplication::translate("main", "Classify with this model file."),
                                         QApplication::translate("main", "PATH"));
    parser.addOption(modelOption);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A .taglens project to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);
    taglens::engine::installDefaultLoggingRules(qEnvironmentVariableIsSet("TAGLENS_VERBOSE"));

    taglens::ui::MainWindow window(loadClassifier);
    window.setModelConverter(taglens::torchbackend::TorchClassifier::installFromStateDict);
    const taglens::engine::ModelStore store;
    QString modelPath = parser.value(modelOption);
    if (modelPath.isEmpty() && store.hasDefaultModel())
        modelPath = store.defaultModelPath();
    if (!modelPath.isEmpty()) {
        window.setModelPath(modelPath);
        window.setModelStatus(
            QApplication::translate("main", "Model: %1").arg(QFileInfo(modelPath).fileName()));
    } else {
        window.setModelStatus(store.missingModelMessage());
    }
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    if (modelPath.isEmpty())
        window.showModelSetup(); // first run: offer to install one
    return app.exec();
}
