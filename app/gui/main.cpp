// SPDX-License-Identifier: GPL-3.0-or-later
// taglens: the desktop application. Composition root: engine + LibTorch backend + widgets.
#include "engine/core/loggingrules.h"
#include "engine/core/translationloader.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modelstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDebug>
#include <QFileInfo>
#include <QIcon>

namespace {

// The options, described in the user's language: made once the translations are installed.
void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "TagLens: what do people show in the pictures they post under a hashtag?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("model"),
                                        QCoreApplication::translate("main", "Classify with this model file."),
                                        QCoreApplication::translate("main", "PATH")));
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QCoreApplication::translate("main", "A .taglens project to open."),
                                 QStringLiteral("[FILE]"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("taglens"));
    QCoreApplication::setApplicationName(QStringLiteral("taglens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));

    // --help and --version answer without a display (over ssh, in scripts): no GUI application
    // for them. Other mistakes are reported once the GUI application has taken its own options
    // (-platform, -style, ...) out of the command line.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser probe;
    describeOptions(probe);
    probe.parse(arguments);
    if (probe.isSet(QStringLiteral("help")) || probe.isSet(QStringLiteral("version")) ||
        probe.isSet(QStringLiteral("help-all"))) {
        QCoreApplication textOnly(argc, argv);
        const taglens::engine::TranslationLoader translations;
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(textOnly); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    // The user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) before any widget is made.
    const taglens::engine::TranslationLoader translations;
    QApplication::setApplicationDisplayName(QStringLiteral("TagLens"));
    QApplication::setDesktopFileName(QStringLiteral("taglens"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("taglens"),
                                                 QIcon::fromTheme(QStringLiteral("applications-graphics"))));
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    taglens::engine::installDefaultLoggingRules(qEnvironmentVariableIsSet("TAGLENS_VERBOSE"));

    taglens::ui::MainWindow window(
        [](const QString &path) { return taglens::torchbackend::TorchClassifier::open(path); });
    window.setModelConverter(taglens::torchbackend::TorchClassifier::installFromStateDict);
    const taglens::engine::ModelStore store;
    QString modelPath = parser.value(QStringLiteral("model"));
    if (modelPath.isEmpty() && store.hasDefaultModel())
        modelPath = store.defaultModelPath();
    if (!modelPath.isEmpty()) {
        window.setModelPath(modelPath);
        window.setModelStatus(
            QApplication::translate("main", "Model: %1").arg(QFileInfo(modelPath).fileName()));
    } else {
        window.setModelStatus(store.missingModelMessage());
    }
    window.restoreLayout();
    window.show();
    const QStringList projects = parser.positionalArguments();
    if (projects.size() > 1)
        qWarning().noquote() << QApplication::translate("main", "Only one project can be opened; opening %1.")
                                    .arg(projects.constFirst());
    if (!projects.isEmpty()) {
        if (!window.openExistingProject(projects.constFirst()))
            qWarning().noquote() << window.lastError(); // also shown in the window
    } else {
        window.reopenLastProject(); // as it was left
    }
    if (modelPath.isEmpty())
        window.showModelSetup(); // first run: offer to install one
    return app.exec();
}
