// SPDX-License-Identifier: GPL-3.0-or-later
// taglens: the desktop application. Composition root: engine + LibTorch backend + widgets.
#include "engine/core/loggingrules.h"
#include "engine/models/modelstore.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taglens"));
    QApplication::setApplicationDisplayName(QStringLiteral("TagLens"));
    QApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "TagLens: what do people show in the pictures they post under a hashtag?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QApplication::translate("main", "A .taglens project to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);
    taglens::engine::installDefaultLoggingRules(qEnvironmentVariableIsSet("TAGLENS_VERBOSE"));

    taglens::ui::MainWindow window;
    const taglens::engine::ModelStore store;
    window.setModelStatus(store.hasDefaultModel()
                              ? QApplication::translate("main", "Model: %1").arg(store.defaultModelPath())
                              : store.missingModelMessage());
    window.show();
    return app.exec();
}
