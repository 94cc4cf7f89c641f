// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelcommand.h"

#include "clicontext.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modeldownloader.h"
#include "engine/models/modelstore.h"
#include "engine/workflow/modelinstall.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct ModelCommand
{
    Q_DECLARE_TR_FUNCTIONS(ModelCommand)
};

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

int install(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ModelCommand::tr("Install the official torchvision Inception-v3 ImageNet weights (about %1).")
            .arg(sizeText(engine::ModelStore::officialWeightsSize())));
    parser.addHelpOption();
    const QCommandLineOption fromOption(
        QStringLiteral("from"),
        ModelCommand::tr("Install weights already on disk instead of downloading them."),
        ModelCommand::tr("FILE"));
    const QCommandLineOption urlOption(
        QStringLiteral("url"), ModelCommand::tr("Download from this address instead."),
        ModelCommand::tr("URL"), engine::ModelStore::officialWeightsUrl().toString());
    parser.addOptions({fromOption, urlOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }

    engine::ModelStore store;
    QString source = parser.value(fromOption);
    bool downloaded = false;
    if (source.isEmpty()) {
        const QUrl url(parser.value(urlOption));
        const auto target = engine::ModelInstall::prepareDownload(store, url);
        if (!target) {
            if (target.error().code == engine::ErrorCode::InvalidArgument)
                return cli.usage(target.error().message);
            return cli.fail(target.error().message);
        }
        const QString &destination = *target;
        const QString prefix = engine::ModelInstall::sha256PrefixInName(url.fileName());
        cli.err() << ModelCommand::tr("Downloading %1").arg(url.toDisplayString()) << Qt::endl;
        engine::ModelDownloader downloader;
        TerminalProgress progress(cli.err());
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        engine::Expected<QString> result = engine::Error::make(engine::ErrorCode::Internal, QString());
        QObject::connect(
            &downloader, &engine::ModelDownloader::progress, &loop, [&](qint64 received, qint64 total) {
                const double seconds = qMax(0.001, double(clock.elapsed()) / 1000.0);
                progress.update(total > 0 ? double(received) / double(total) : -1.0,
                                ModelCommand::tr("%1 of %2, %3/s")
                                    .arg(sizeText(received),
                                         total > 0 ? sizeText(total) : ModelCommand::tr("unknown size"),
                                         sizeText(qint64(double(received) / seconds))));
            });
        QObject::connect(&downloader, &engine::ModelDownloader::finished, &loop,
                         [&](const engine::Expected<QString> &r) {
                             result = r;
                             loop.quit();
                         });
        downloader.start(url, destination, prefix);
        loop.exec();
        progress.done();
        if (!result)
            return cli.fail(result.error().message);
        source = *result;
        downloaded = true;
    }

    cli.err() << ModelCommand::tr("Converting %1 to an optimisable TorchScript model…")
                     .arg(QFileInfo(source).fileName())
              << Qt::endl;
    // The one rule of the desktop app too: official only by its checksum, else custom, by name.
    auto installed =
        engine::ModelInstall::fromFile(store, source, torchbackend::TorchClassifier::installFromStateDict);
    if (downloaded)
        QFile::remove(source); // the TorchScript file now holds the same weights
    if (!installed)
        return cli.fail(installed.error().message);
    cli.out() << (installed->official ? ModelCommand::tr("Installed %1 (the official model)")
                                      : ModelCommand::tr("Installed %1 (a custom model)"))
                     .arg(installed->path)
              << Qt::endl;
    return ExitOk;
}

int list(CliContext &cli)
{
    const engine::ModelStore store;
    const auto models = store.list();
    if (models.isEmpty()) {
        cli.out() << store.missingModelMessage() << Qt::endl;
        return ExitOk;
    }
    for (const auto &m : models) {
        const bool isDefault = QFileInfo(m.path) == QFileInfo(store.defaultModelPath());
        cli.out() << (isDefault ? "* " : "  ") << m.fileName << "  " << sizeText(m.size) << "  "
                  << QLocale().toString(m.modified, QLocale::ShortFormat) << Qt::endl;
    }
    return ExitOk;
}

int info(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ModelCommand::tr("Show what a model is: its name, file, checksum and labels."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         ModelCommand::tr("Model file (default: the installed one)."),
                                         ModelCommand::tr("PATH"));
    parser.addOption(modelOption);
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    auto classifier = cli.loadClassifier(parser.value(modelOption), 1);
    if (!classifier)
        return cli.fail(classifier.error().message);
    const engine::ModelInfo &i = (*classifier)->info();
    QTextStream &out = cli.out();
    out << ModelCommand::tr("name:          %1").arg(i.name) << Qt::endl
        << ModelCommand::tr("file:          %1").arg(i.path) << Qt::endl
        << ModelCommand::tr("format:        %1").arg(i.format) << Qt::endl
        << ModelCommand::tr("architecture:  %1")
               .arg(i.architecture.isEmpty() ? ModelCommand::tr("unknown") : i.architecture)
        << Qt::endl
        << ModelCommand::tr("sha256:        %1").arg(i.sha256) << Qt::endl;
    if (!i.sourceSha256.isEmpty())
        out << ModelCommand::tr("weights from:  sha256 %1").arg(i.sourceSha256) << Qt::endl;
    out << ModelCommand::tr("trained:       %1")
               .arg(i.trained ? ModelCommand::tr("yes")
                              : ModelCommand::tr("NO — a random-weight test model; labels are meaningless"))
        << Qt::endl
        << ModelCommand::tr("classes:       %1 (%2, %3, …)")
               .arg(i.labels.size())
               .arg(i.labels.value(0), i.labels.value(1))
        << Qt::endl
        << ModelCommand::tr("input:         Resize(%1) → CenterCrop(%2), mean %3 %4 %5, std %6 %7 %8")
               .arg(i.preprocessing.resizeSize)
               .arg(i.preprocessing.inputSize)
               .arg(double(i.preprocessing.mean[0]))
               .arg(double(i.preprocessing.mean[1]))
               .arg(double(i.preprocessing.mean[2]))
               .arg(double(i.preprocessing.std[0]))
               .arg(double(i.preprocessing.std[1]))
               .arg(double(i.preprocessing.std[2]))
        << Qt::endl
        << ModelCommand::tr("embedding:     %1")
               .arg(i.hasEmbedding ? QString::number(i.embeddingSize) : ModelCommand::tr("none"))
        << Qt::endl;
    return ExitOk;
}

} // namespace

int runModelCommand(CliContext &cli, const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0) + QLatin1Char(' ') + sub);
    if (sub == QLatin1String("install"))
        return install(cli, rest);
    if (sub == QLatin1String("list"))
        return list(cli);
    if (sub == QLatin1String("info"))
        return info(cli, rest);
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        cli.out() << ModelCommand::tr("Usage: taglens-cli model install [--from FILE] [--url URL]\n"
                                      "       taglens-cli model list\n"
                                      "       taglens-cli model info [--model PATH]\n");
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    return cli.usage(ModelCommand::tr("Unknown model command \"%1\".").arg(sub));
}

} // namespace taglens::app
