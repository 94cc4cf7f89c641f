// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchcommand.h"

#include "clicontext.h"
#include "engine/imaging/imagedecoder.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct BenchCommand
{
    Q_DECLARE_TR_FUNCTIONS(BenchCommand)
};

/// A 1080×1080 photo-like JPEG (smooth gradients plus sensor-like noise of a few levels), the
/// size Mastodon serves: about as large as a real photo at quality 90. (Noise of ±16 levels made
/// a 3× larger file whose decoding cost 13 ms, which says more about noise than about photos.)
QByteArray syntheticJpeg()
{
    QImage image(1080, 1080, QImage::Format_RGB888);
    QRandomGenerator rng(42);
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(rng.bounded(7));
            uchar *pixel = line + qsizetype(3) * x;
            pixel[0] = uchar((x * 255 / 1080 + noise) & 0xff);
            pixel[1] = uchar((y * 255 / 1080 + noise) & 0xff);
            pixel[2] = uchar(((x + y) * 127 / 1080 + noise) & 0xff);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v[v.size() / 2];
}

} // namespace

int runBenchCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(BenchCommand::tr("Measure classification speed on this machine."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         BenchCommand::tr("Model file (default: the installed one)."),
                                         BenchCommand::tr("PATH"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           BenchCommand::tr("Model threads (default: one per core)."),
                                           BenchCommand::tr("N"), QStringLiteral("0"));
    const QCommandLineOption imagesOption(QStringLiteral("images"),
                                          BenchCommand::tr("Images per measurement (default 48)."),
                                          BenchCommand::tr("N"), QStringLiteral("48"));
    const QCommandLineOption batchesOption(QStringLiteral("batches"),
                                           BenchCommand::tr("Batch sizes (default 1,4,8,16)."),
                                           BenchCommand::tr("LIST"), QStringLiteral("1,4,8,16"));
    parser.addOptions({modelOption, threadsOption, imagesOption, batchesOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    bool ok = false;
    const int threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || threads < 0)
        return cli.usage(BenchCommand::tr("--threads must be a number."));
    const int images = parser.value(imagesOption).toInt(&ok);
    if (!ok || images < 1)
        return cli.usage(BenchCommand::tr("--images must be a positive number."));
    QList<int> batches;
    for (const QString &b : parser.value(batchesOption).split(QLatin1Char(','))) {
        const int n = b.toInt(&ok);
        if (!ok || n < 1 || n > 256)
            return cli.usage(BenchCommand::tr("--batches must list numbers from 1 to 256."));
        batches.append(n);
    }

    auto classifier = cli.loadClassifier(parser.value(modelOption), threads);
    if (!classifier)
        return cli.fail(classifier.error().message);
    engine::ImageClassifier &model = **classifier;
    QTextStream &out = cli.out();
    out << BenchCommand::tr("model: %1 (%2)").arg(model.info().name, model.info().format) << Qt::endl;
    out << BenchCommand::tr("threads: %1").arg(threads > 0 ? threads : QThread::idealThreadCount())
        << Qt::endl;

    // Decode and preprocess: these run on the decoding pool, beside inference.
    const QByteArray jpeg = syntheticJpeg();
    QList<double> decodeMs, prepareMs;
    engine::PreparedInput prepared;
    for (int i = 0; i < 12; ++i) {
        QElapsedTimer t;
        t.start();
        auto decoded = engine::ImageDecoder::decode(jpeg);
        const double d = double(t.nsecsElapsed()) / 1e6;
        if (!decoded)
            return cli.fail(decoded.error().message);
        t.restart();
        auto p = model.prepare(decoded->image);
        const double pr = double(t.nsecsElapsed()) / 1e6;
        if (!p)
            return cli.fail(p.error().message);
        prepared = *p;
        if (i >= 2) { // the first runs warm caches and allocators
            decodeMs.append(d);
            prepareMs.append(pr);
        }
    }
    out << QStringLiteral("decode 1080x1080 jpeg (%1 KiB): %2 ms\n")
               .arg(jpeg.size() / 1024)
               .arg(median(decodeMs), 0, 'f', 2);
    out << QStringLiteral("preprocess 1080x1080: %1 ms\n").arg(median(prepareMs), 0, 'f', 2);

    double best = 0;
    int bestBatch = 0;
    for (int batch : std::as_const(batches)) {
        const QList<engine::PreparedInput> inputs(batch, prepared);
        // TorchScript's profiling executor specialises a graph on its first runs with a shape:
        // warm up past that, or the measurement includes the compilation.
        for (int w = 0; w < 3; ++w) {
            if (auto warm = model.classify(inputs, 5); !warm)
                return cli.fail(warm.error().message);
        }
        const int rounds = qMax(1, images / batch);
        QElapsedTimer t;
        t.start();
        for (int r = 0; r < rounds; ++r) {
            if (auto res = model.classify(inputs, 5); !res)
                return cli.fail(res.error().message);
        }
        const double rate = double(rounds * batch) / (double(t.nsecsElapsed()) / 1e9);
        out << QStringLiteral("batch %1: %2 img/s\n").arg(batch, 2).arg(rate, 0, 'f', 2);
        out.flush();
        if (rate > best) {
            best = rate;
            bestBatch = batch;
        }
    }
    out << QStringLiteral("best: %1 img/s (batch %2)\n").arg(best, 0, 'f', 2).arg(bestBatch);
    return ExitOk;
}

} // namespace taglens::app
