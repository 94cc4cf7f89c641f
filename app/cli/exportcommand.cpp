// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "clicontext.h"
#include "engine/workflow/exportjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace taglens::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

} // namespace

int runExportCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write a project's images, motifs and co-label network to files."));
    parser.addHelpOption();
    const QCommandLineOption projectOption(QStringLiteral("project"), tr("The project (.taglens)."),
                                           tr("FILE"));
    const QCommandLineOption csvOption(QStringLiteral("csv"), tr("One row per media item, every status."),
                                       tr("FILE"));
    const QCommandLineOption summaryOption(QStringLiteral("summary-csv"),
                                           tr("Top-1 motifs per tag with shares."), tr("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Everything, with the harvest parameters and the model."), tr("FILE"));
    const QCommandLineOption gexfOption(QStringLiteral("gexf"), tr("A GEXF 1.3 co-label network for Gephi."),
                                        tr("FILE"));
    const QCommandLineOption minScoreOption(
        QStringLiteral("min-score"),
        tr("Ignore predictions below this score in the summary and the network "
           "(default 0)."),
        tr("S"), QStringLiteral("0"));
    const QCommandLineOption topOption(QStringLiteral("top"), tr("Labels per image (default: all stored)."),
                                       tr("K"), QStringLiteral("0"));
    parser.addOptions(
        {projectOption, csvOption, summaryOption, jsonOption, gexfOption, minScoreOption, topOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.isSet(projectOption))
        return cli.usage(tr("--project is required."));
    if (!parser.isSet(csvOption) && !parser.isSet(summaryOption) && !parser.isSet(jsonOption) &&
        !parser.isSet(gexfOption))
        return cli.usage(tr("Name at least one output: --csv, --summary-csv, --json or --gexf."));
    bool ok = false;
    const double minScore = parser.value(minScoreOption).toDouble(&ok);
    if (!ok || minScore < 0 || minScore > 1)
        return cli.usage(tr("--min-score must be a number from 0 to 1."));
    const int top = parser.value(topOption).toInt(&ok);
    if (!ok || top < 0 || top > 1000)
        return cli.usage(tr("--top must be a number from 0 to 1000."));

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
        cli.err() << tr("wrote %1").arg(path) << Qt::endl;
    if (!written->modelTrained)
        cli.err()
            << tr("Note: the predictions come from an untrained test model; their labels are meaningless.")
            << Qt::endl;
    return ExitOk;
}

} // namespace taglens::app
