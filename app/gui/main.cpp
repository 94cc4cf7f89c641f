// SPDX-License-Identifier: GPL-3.0-or-later
// taglens: the desktop application. Composition root: engine + LibTorch backend + widgets.
#include "engine/core/loggingrules.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modelstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDebug>
#include <QFileInfo>
#include <QIcon>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("taglens"));
    QCoreApplication::setApplicationName(QStringLiteral("taglens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "TagLens: what do people show in the pictures they post under a hashtag?"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QCoreApplication::translate("main", "Classify with this model file."),
                                         QCoreApplication::translate("main", "PATH"));
    parser.addOption(modelOption);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QCoreApplication::translate("main", "A .taglens project to open."),
                                 QStringLiteral("[FILE]"));

    // --help and --version answer without a display (over ssh, in scripts): no GUI application
    // for them. Other mistakes are reported once the GUI application has taken its own options
    // (-platform, -style, ...) out of the command line.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    parser.parse(arguments);
    if (parser.isSet(helpOption) || parser.isSet(versionOption) || parser.isSet(QStringLiteral("help-all"))) {
        QCoreApplication textOnly(argc, argv);
        parser.process(textOnly); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("TagLens"));
    QApplication::setDesktopFileName(QStringLiteral("taglens"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("taglens"),
                                                 QIcon::fromTheme(QStringLiteral("applications-graphics"))));
    parser.process(app);
    taglens::engine::installDefaultLoggingRules(qEnvironmentVariableIsSet("TAGLENS_VERBOSE"));

    taglens::ui::MainWindow window(
        [](const QString &path) { return taglens::torchbackend::TorchClassifier::open(path); });
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
    const QStringList projects = parser.positionalArguments();
    if (projects.size() > 1)
        qWarning().noquote() << QApplication::translate("main", "Only one project can be opened; opening %1.")
                                    .arg(projects.constFirst());
    if (!projects.isEmpty() && !window.openExistingProject(projects.constFirst()))
        qWarning().noquote() << window.lastError(); // also shown in the window
    if (modelPath.isEmpty())
        window.showModelSetup(); // first run: offer to install one
    return app.exec();
}
