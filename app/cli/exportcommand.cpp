// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "clicontext.h"
#include "engine/workflow/exportjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

} // namespace

int runExportCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ExportCommand::tr("Write a project's images, motifs and co-label network to files."));
    parser.addHelpOption();
    const QCommandLineOption projectOption(
        QStringLiteral("project"), ExportCommand::tr("The project (.taglens)."), ExportCommand::tr("FILE"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       ExportCommand::tr("One row per media item, every status."),
                                       ExportCommand::tr("FILE"));
    const QCommandLineOption summaryOption(QStringLiteral("summary-csv"),
                                           ExportCommand::tr("Top-1 motifs per tag with shares."),
                                           ExportCommand::tr("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), ExportCommand::tr("Everything, with the harvest parameters and the model."),
        ExportCommand::tr("FILE"));
    const QCommandLineOption gexfOption(QStringLiteral("gexf"),
                                        ExportCommand::tr("A GEXF 1.3 co-label network for Gephi."),
                                        ExportCommand::tr("FILE"));
    const QCommandLineOption minScoreOption(
        QStringLiteral("min-score"),
        ExportCommand::tr("Ignore predictions below this score in the summary and the network "
                          "(default 0)."),
        ExportCommand::tr("S"), QStringLiteral("0"));
    const QCommandLineOption topOption(QStringLiteral("top"),
                                       ExportCommand::tr("Labels per image (default: all stored)."),
                                       ExportCommand::tr("K"), QStringLiteral("0"));
    parser.addOptions(
        {projectOption, csvOption, summaryOption, jsonOption, gexfOption, minScoreOption, topOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(projectOption))
        return cli.usage(ExportCommand::tr("--project is required."));
    if (!parser.isSet(csvOption) && !parser.isSet(summaryOption) && !parser.isSet(jsonOption) &&
        !parser.isSet(gexfOption))
        return cli.usage(
            ExportCommand::tr("Name at least one output: --csv, --summary-csv, --json or --gexf."));
    bool ok = false;
    const double minScore = parser.value(minScoreOption).toDouble(&ok);
    if (!ok || minScore < 0 || minScore > 1)
        return cli.usage(ExportCommand::tr("--min-score must be a number from 0 to 1."));
    const int top = parser.value(topOption).toInt(&ok);
    if (!ok || top < 0 || top > 1000)
        return cli.usage(ExportCommand::tr("--top must be a number from 0 to 1000."));

    engine::ExportOptions options;
    options.minScore = minScore;
    options.topK = top;
    const std::pair<const QCommandLineOption &, engine::ExportJob::Format> outputs[] = {
        {csvOption, engine::ExportJob::Format::ImagesCsv},
        {summaryOption, engine::ExportJob::Format::SummaryCsv},
        {jsonOption, engine::ExportJob::Format::Json},
        {gexfOption, engine::ExportJob::Format::Gexf}};
    QList<engine::ExportJob::Target> targets;
    for (const auto &[option, format] : outputs) {
        if (parser.isSet(option))
            targets << engine::ExportJob::Target{format, parser.value(option)};
    }
    const auto written = engine::ExportJob::run(parser.value(projectOption), options, targets);
    if (!written)
        return cli.fail(written.error().message);
    for (const QString &path : written->paths)
        cli.err() << ExportCommand::tr("wrote %1").arg(path) << Qt::endl;
    if (!written->modelTrained)
        cli.err()
            << ExportCommand::tr(
                   "Note: the predictions come from an untrained test model; their labels are meaningless.")
            << Qt::endl;
    return ExitOk;
}

} // namespace taglens::app
