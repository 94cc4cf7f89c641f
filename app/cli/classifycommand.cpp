// SPDX-License-Identifier: GPL-3.0-or-later
#include "classifycommand.h"

#include "clicontext.h"
#include "engine/export/csvwriter.h"
#include "engine/inference/classifierworker.h"
#include "engine/inference/fileclassifier.h"
#include "engine/workflow/classifyrestjob.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct ClassifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(ClassifyCommand)
};

QString csvCell(const QString &value)
{
    return engine::CsvWriter::escapeCell(value);
}

QJsonObject toJson(const engine::FileClassification &r)
{
    QJsonObject o{{QStringLiteral("file"), r.file},
                  {QStringLiteral("status"), r.ok ? QStringLiteral("ok") : QStringLiteral("error")},
                  {QStringLiteral("error"), r.ok ? QJsonValue() : QJsonValue(r.error.message)}};
    if (r.size.isValid()) {
        o.insert(QStringLiteral("width"), r.size.width());
        o.insert(QStringLiteral("height"), r.size.height());
    } else {
        o.insert(QStringLiteral("width"), QJsonValue());
        o.insert(QStringLiteral("height"), QJsonValue());
    }
    QJsonArray labels;
    for (const auto &l : r.classification.labels)
        labels.append(QJsonObject{{QStringLiteral("index"), l.index},
                                  {QStringLiteral("label"), l.label},
                                  {QStringLiteral("score"), double(l.score)}});
    o.insert(QStringLiteral("labels"), labels);
    return o;
}

} // namespace

// --project: the project's images that the model has not labelled yet.
int classifyProjectRest(CliContext &cli, const QString &project, engine::ImageClassifier &classifier,
                        int batch, int top)
{
    TerminalProgress bar(cli.err());
    auto done =
        engine::ClassifyRestJob::run(project, classifier, {{}, batch, top}, [&](int images, int total) {
            bar.update(total > 0 ? double(images) / total : 1.0,
                       ClassifyCommand::tr("%1 of %n image(s)", nullptr, total).arg(images));
            return true;
        });
    bar.done();
    if (!done)
        return cli.fail(done.error().message);
    cli.out() << engine::ClassifyRestJob::summary(*done) << Qt::endl;
    // An image left without labels is a partial result: the exit code says so too.
    return done->failed > 0 ? ExitFatal : ExitOk;
}

int runClassifyCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ClassifyCommand::tr("Classify image files with the installed model."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(
        QStringLiteral("model"),
        ClassifyCommand::tr("Model file: a torchvision Inception-v3 .pth or a TorchScript .pt."),
        ClassifyCommand::tr("PATH"));
    const QCommandLineOption topOption(QStringLiteral("top"),
                                       ClassifyCommand::tr("Labels per image (default 5)."),
                                       ClassifyCommand::tr("K"), QStringLiteral("5"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          ClassifyCommand::tr("Output: table, csv or json (default table)."),
                                          ClassifyCommand::tr("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         ClassifyCommand::tr("Images per forward pass (default 8)."),
                                         ClassifyCommand::tr("N"), QStringLiteral("8"));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"), ClassifyCommand::tr("Threads for the model (default: one per core)."),
        ClassifyCommand::tr("N"), QStringLiteral("0"));
    const QCommandLineOption projectOption(
        QStringLiteral("project"),
        ClassifyCommand::tr("Instead of files: classify the images of this project that the model has not "
                            "labelled yet (a project harvested partly with another model)."),
        ClassifyCommand::tr("PATH"));
    parser.addOptions({modelOption, topOption, formatOption, batchOption, threadsOption, projectOption});
    parser.addPositionalArgument(QStringLiteral("files"), ClassifyCommand::tr("Image files to classify."),
                                 ClassifyCommand::tr("FILE..."));
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }

    bool okTop = false, okBatch = false, okThreads = false;
    const int top = parser.value(topOption).toInt(&okTop);
    const int batch = parser.value(batchOption).toInt(&okBatch);
    const int threads = parser.value(threadsOption).toInt(&okThreads);
    const QString format = parser.value(formatOption);
    if (!okTop || top < 1 || top > 1000)
        return cli.usage(ClassifyCommand::tr("--top must be a number from 1 to 1000."));
    if (!okBatch || batch < 1 || batch > 256)
        return cli.usage(ClassifyCommand::tr("--batch must be a number from 1 to 256."));
    if (!okThreads || threads < 0 || threads > 256)
        return cli.usage(ClassifyCommand::tr("--threads must be a number from 0 to 256."));
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return cli.usage(ClassifyCommand::tr("--format must be table, csv or json."));
    const QStringList files = parser.positionalArguments();
    const bool project = parser.isSet(projectOption);
    if (project && !files.isEmpty())
        return cli.usage(ClassifyCommand::tr("Name image files or --project, not both."));
    if (!project && files.isEmpty())
        return cli.usage(ClassifyCommand::tr("Name at least one image file."));

    auto classifier = cli.loadClassifier(parser.value(modelOption), threads);
    if (!classifier)
        return cli.fail(classifier.error().message);
    const engine::ModelInfo info = (*classifier)->info();
    if (!info.trained)
        cli.err() << ClassifyCommand::tr(
                         "Warning: %1 is an untrained test model; its labels are meaningless.")
                         .arg(info.name)
                  << Qt::endl;
    if (project)
        return classifyProjectRest(cli, parser.value(projectOption), **classifier, batch, top);

    engine::ClassifierWorker worker(std::move(*classifier));
    worker.setBatchSize(batch);
    worker.setTopK(top);
    engine::FileClassifier runner(&worker);
    QList<engine::FileClassification> results(files.size());
    QEventLoop loop;
    QObject::connect(&runner, &engine::FileClassifier::resultReady, &loop,
                     [&results](int index, const engine::FileClassification &r) { results[index] = r; });
    QObject::connect(&runner, &engine::FileClassifier::finished, &loop, &QEventLoop::quit);
    runner.start(files);
    if (runner.isRunning())
        loop.exec();

    QTextStream &out = cli.out();
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const auto &r : std::as_const(results))
            array.append(toJson(r));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else if (format == QLatin1String("csv")) {
        QStringList header{QStringLiteral("file"), QStringLiteral("status"), QStringLiteral("error"),
                           QStringLiteral("width"), QStringLiteral("height")};
        for (int k = 1; k <= top; ++k)
            header << QStringLiteral("label_%1").arg(k) << QStringLiteral("score_%1").arg(k);
        out << header.join(QLatin1Char(',')) << "\r\n";
        for (const auto &r : std::as_const(results)) {
            QStringList row{csvCell(r.file), r.ok ? QStringLiteral("ok") : QStringLiteral("error"),
                            csvCell(r.ok ? QString() : r.error.message),
                            r.size.isValid() ? QString::number(r.size.width()) : QString(),
                            r.size.isValid() ? QString::number(r.size.height()) : QString()};
            for (int k = 0; k < top; ++k) {
                const auto l = r.classification.labels.value(k);
                row << csvCell(l.label)
                    << (l.index >= 0 ? QString::number(double(l.score), 'f', 6) : QString());
            }
            out << row.join(QLatin1Char(',')) << "\r\n";
        }
    } else {
        for (const auto &r : std::as_const(results)) {
            out << r.file << Qt::endl;
            if (!r.ok) {
                out << "    " << ClassifyCommand::tr("error: %1").arg(r.error.message) << Qt::endl;
                continue;
            }
            for (const auto &l : r.classification.labels)
                out << QStringLiteral("    %1%  %2").arg(100.0 * double(l.score), 6, 'f', 2).arg(l.label)
                    << Qt::endl;
        }
        if (!info.trained)
            out << ClassifyCommand::tr("(untrained test model: these labels are meaningless)") << Qt::endl;
    }
    out.flush();
    return ExitOk;
}

} // namespace taglens::app
