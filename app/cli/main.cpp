// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-cli: the headless face of TagLens.
#include "authcommand.h"
#include "benchcommand.h"
#include "classifycommand.h"
#include "clicontext.h"
#include "engine/core/loggingrules.h"
#include "engine/core/translationloader.h"
#include "exportcommand.h"
#include "harvestcommand.h"
#include "modelcommand.h"

#include <QCoreApplication>

using namespace taglens::app;

namespace {

// The translation context of the command line's own messages.
struct CliMain
{
    Q_DECLARE_TR_FUNCTIONS(CliMain)
};

QString usageText()
{
    return CliMain::tr(
        "Usage: taglens-cli COMMAND [OPTIONS]\n"
        "\n"
        "What do people show in the pictures they post under a hashtag?\n"
        "\n"
        "Commands:\n"
        "  harvest              fetch, classify and store the images under hashtags\n"
        "  export               write a project as CSV, summary CSV, JSON or GEXF\n"
        "  classify FILE...     classify image files and print the labels\n"
        "  model install        download and install the official Inception-v3 weights\n"
        "  model install --from FILE   install weights already on disk (offline machines)\n"
        "  model list           list installed models\n"
        "  model info           show the identity of a model\n"
        "  bench                measure classification speed\n"
        "  auth login|logout|status   log in to a Mastodon or Pixelfed instance, or to Instagram\n"
        "                             (--source instagram --client-id ID); tokens stay in the keychain\n"
        "\n"
        "Run \"taglens-cli COMMAND --help\" for a command's options; --verbose anywhere shows the logs.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taglens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));
    // The user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) before any text is made.
    const taglens::engine::TranslationLoader translations;

    QStringList args = QCoreApplication::arguments();
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    taglens::engine::installDefaultLoggingRules(verbose || qEnvironmentVariableIsSet("TAGLENS_VERBOSE"));
    CliContext cli;
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h") ||
        args[1] == QLatin1String("help")) {
        (args.size() < 2 ? cli.err() : cli.out()) << usageText();
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("-v")) {
        cli.out() << "taglens-cli " << TAGLENS_VERSION << Qt::endl;
        return ExitOk;
    }
    // Each command parses its own options; argv[0] stays first for QCommandLineParser.
    QStringList rest = args.mid(2);
    rest.prepend(args[0] + QLatin1Char(' ') + args[1]);
    const QString command = args[1];
    if (command == QLatin1String("classify"))
        return runClassifyCommand(cli, rest);
    if (command == QLatin1String("model"))
        return runModelCommand(cli, rest);
    if (command == QLatin1String("harvest"))
        return runHarvestCommand(cli, rest);
    if (command == QLatin1String("export"))
        return runExportCommand(cli, rest);
    if (command == QLatin1String("auth"))
        return runAuthCommand(cli, rest);
    if (command == QLatin1String("bench"))
        return runBenchCommand(cli, rest);
    return cli.usage(CliMain::tr("Unknown command \"%1\".").arg(command));
}
