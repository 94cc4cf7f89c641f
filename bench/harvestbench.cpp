// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-bench-harvest: pipeline images/s against pure inference images/s of the same model in
// the same run, and the process's peak RSS. The images come from the Mastodon stand-in on
// 127.0.0.1 (real photos, 1080 px JPEGs as Mastodon serves them), so downloads, decoding,
// preprocessing, SQLite and the model all take part. Prints numbers; asserts nothing.
//
//   taglens-bench-harvest --model build/test-models/test_inception_v3.pt [--images 320] [--per-harvest 64]
#include "engine/core/loggingrules.h"
#include "engine/core/sha256.h"
#include "engine/imaging/imagedecoder.h"
#include "engine/inference/classifierworker.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/pipeline/harvestpipeline.h"
#include "engine/pipeline/preparedmedia.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/store/projectstore.h"
#include "support/mastodonstandin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <numeric>
#include <optional>
#include <unistd.h>

using namespace taglens;

namespace {

/// A field of /proc/self/status in KiB ("VmHWM", the peak RSS, or "VmRSS", the current one).
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

std::unique_ptr<engine::ImageClassifier> load(const QString &path, int threads)
{
    auto model = torchbackend::TorchClassifier::load(path, torchbackend::TorchClassifier::Options{threads});
    if (!model) {
        QTextStream(stderr) << model.error().message << Qt::endl;
        std::exit(1);
    }
    return std::move(*model);
}

/// CPU time of the calling thread in milliseconds: unlike wall time it barely moves when other
/// processes share the cores, so the per-stage costs below are comparable between runs.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// CPU time of the whole process (every thread) in milliseconds.
double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// The machine's CPU time counters from /proc/stat (all cores, in ticks): what a virtual machine's
/// host took away from it ("steal") and the total, so a segment can say how much of its time the
/// cores were not there at all.
struct CpuTicks
{
    double steal = 0;
    double total = 0;

    static CpuTicks now()
    {
        QFile stat(QStringLiteral("/proc/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            return {};
        const QList<QByteArray> fields = stat.readLine().simplified().split(
            ' '); // "cpu user nice system idle iowait irq softirq steal ..."
        CpuTicks t;
        for (qsizetype i = 1; i < fields.size() && i <= 8; ++i)
            t.total += fields[i].toDouble();
        if (fields.size() > 8)
            t.steal = fields[8].toDouble();
        return t;
    }
    /// The share of the time since \a earlier that was stolen, in percent.
    double stealPercentSince(const CpuTicks &earlier) const
    {
        const double total = this->total - earlier.total;
        return total > 0 ? 100.0 * (steal - earlier.steal) / total : 0.0;
    }
};

/// CPU time in milliseconds of every thread of this process, summed by thread name (Linux; empty
/// elsewhere). OpenMP's threads carry the name of the thread that started them.
QMap<QString, double> cpuMsByThreadName()
{
    QMap<QString, double> byName;
    const double msPerTick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile statFile(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!statFile.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = statFile.readAll();
        // "tid (name) state ..." where the name may hold spaces and parentheses.
        const qsizetype open = stat.indexOf('(');
        const qsizetype close = stat.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 13)
            continue;
        const double ticks = fields[11].toDouble() + fields[12].toDouble(); // utime, stime
        byName[QString::fromUtf8(stat.mid(open + 1, close - open - 1))] += ticks * msPerTick;
    }
    return byName;
}

QString perImageByThread(const QMap<QString, double> &before, const QMap<QString, double> &after, int images)
{
    QStringList parts;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const double ms = (it.value() - before.value(it.key())) / qMax(1, images);
        if (ms >= 0.05)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(ms, 0, 'f', 1);
    }
    return parts.join(QStringLiteral(", "));
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values[values.size() / 2];
}

double mean(const QList<double> &values)
{
    return values.isEmpty() ? 0.0
                            : std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
}

/// What one image costs besides the model, stage by stage, on the stand-in's own JPEGs: this is
/// the work that has to hide beside inference on the same cores.
void printStageCosts(QTextStream &out, const tests::PhotoSet &photos, const engine::ClassifierWorker &worker,
                     int count)
{
    QList<double> decode, sha, thumb, prepare, whole;
    for (int i = 0; i < count; ++i) {
        const QByteArray jpeg = photos.jpeg(i);
        double t = threadCpuMs();
        auto decoded = engine::ImageDecoder::decode(jpeg);
        decode << threadCpuMs() - t;
        if (!decoded)
            continue;
        t = threadCpuMs();
        (void)engine::Sha256::hash(jpeg);
        sha << threadCpuMs() - t;
        t = threadCpuMs();
        (void)engine::PreparedMedia::thumbnailJpeg(decoded->image, 256);
        thumb << threadCpuMs() - t;
        t = threadCpuMs();
        (void)worker.prepare(decoded->image);
        prepare << threadCpuMs() - t;
        t = threadCpuMs();
        (void)engine::PreparedMedia::make(jpeg, QString(), &worker, 256);
        whole << threadCpuMs() - t;
    }
    const QSize size = photos.size(0);
    // Mean and median: the set mixes sizes, grey and progressive files, so the mean is what a
    // harvest of the same photos costs per image (compare it with the decoding threads' CPU).
    const auto both = [](const QList<double> &values) {
        return QStringLiteral("%1 (median %2)").arg(mean(values), 0, 'f', 1).arg(median(values), 0, 'f', 1);
    };
    out << QStringLiteral("per image CPU, mean over %1 photos of the stand-in's set (the first is a %2x%3 "
                          "JPEG): decode %4 ms, "
                          "sha256 %5 ms, thumbnail %6 ms, preprocess %7 ms; PreparedMedia::make %8 ms\n")
               .arg(count)
               .arg(size.width())
               .arg(size.height())
               .arg(both(decode), both(sha), both(thumb), both(prepare), both(whole));
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    engine::installDefaultLoggingRules(false);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("Model file."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption imagesOption(
        QStringLiteral("images"), QStringLiteral("Images to harvest in all, every one a different photo."),
        QStringLiteral("N"), QStringLiteral("320"));
    const QCommandLineOption perHarvestOption(
        QStringLiteral("per-harvest"),
        QStringLiteral("Images per harvest (two tags): the run alternates harvests of this size with pure "
                       "inference of as many images. Use the same value as --images for one long harvest."),
        QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Model threads."),
                                           QStringLiteral("N"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption batchOption(QStringLiteral("batch"), QStringLiteral("Batch size."),
                                         QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption schedulingOption(
        QStringLiteral("scheduling"),
        QStringLiteral("When images are decoded: auto (the pipeline's default), beside (whenever there are "
                       "some) or between (between the model's batches); several, comma-separated, take "
                       "turns round by round."),
        QStringLiteral("MODE"), QStringLiteral("auto"));
    const QCommandLineOption decodeThreadsOption(
        QStringLiteral("decode-threads"),
        QStringLiteral("Decoding threads (the pipeline's default: one per core)."), QStringLiteral("N"),
        QString::number(QThread::idealThreadCount()));
    parser.addOptions({modelOption, imagesOption, perHarvestOption, threadsOption, batchOption,
                       schedulingOption, decodeThreadsOption});
    parser.process(app);
    const int images = qMax(16, parser.value(imagesOption).toInt());
    const int threads = qMax(1, parser.value(threadsOption).toInt());
    const int batch = qMax(1, parser.value(batchOption).toInt());
    const int perTag = qMax(1, qMin(images, parser.value(perHarvestOption).toInt()) / 2);
    const int rounds = (images + 2 * perTag - 1) / (2 * perTag);
    using Scheduling = engine::HarvestPipeline::DecodeScheduling;
    // Several modes, comma-separated, take turns round by round: an A/B comparison on the same
    // minutes of a machine whose speed drifts.
    struct Mode
    {
        Scheduling scheduling;
        QString name;
        QString text;
        QList<double> ratios;
        double harvestImages = 0, harvestSeconds = 0, pureImages = 0, pureSeconds = 0;
    };
    QList<Mode> modes;
    for (const QString &name : parser.value(schedulingOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (name != QLatin1String("auto") && name != QLatin1String("beside") &&
            name != QLatin1String("between")) {
            QTextStream(stderr) << "unknown --scheduling " << name << ": use auto, beside or between"
                                << Qt::endl;
            return 2;
        }
        const Scheduling scheduling = name == QLatin1String("beside")    ? Scheduling::BesideModel
                                      : name == QLatin1String("between") ? Scheduling::BetweenBatches
                                                                         : Scheduling::Automatic;
        Scheduling effective = scheduling;
        if (scheduling == Scheduling::Automatic) // what the pipeline picks
            effective =
                threads >= QThread::idealThreadCount() ? Scheduling::BetweenBatches : Scheduling::BesideModel;
        const QString text = effective == Scheduling::BetweenBatches
                                 ? QStringLiteral("between the model's batches")
                                 : QStringLiteral("beside the model");
        modes.append(Mode{scheduling, name, text, {}, 0, 0, 0, 0});
    }
    if (modes.isEmpty())
        modes.append(Mode{Scheduling::Automatic,
                          QStringLiteral("auto"),
                          QStringLiteral("the pipeline's choice"),
                          {},
                          0,
                          0,
                          0,
                          0});
    QTextStream out(stdout);

    // The stand-in: two tags per harvest, so every harvest gets photos of its own (the set mixes
    // sizes, grey and progressive files; repeating the first ones would flatter or hurt a round).
    tests::MastodonStandIn::Scenario scenario;
    for (int t = 1; t <= 2 * rounds; ++t)
        scenario.tags.append({QStringLiteral("bench%1").arg(t), perTag, 1, 0, {}, {}});
    tests::MastodonStandIn standIn(scenario);
    standIn.prepareMedia(); // everything encoded before the clock starts

    // Pure inference on prepared photos of the same set: the ceiling for the pipeline.
    engine::ClassifierWorker worker(load(parser.value(modelOption), threads));
    worker.setBatchSize(batch);
    QList<engine::PreparedInput> inputs;
    for (int i = 0; i < batch; ++i) {
        auto prepared = worker.prepare(standIn.photos().image(i));
        if (!prepared)
            return 1;
        inputs.append(*prepared);
    }
    // The worker itself, fed prepared inputs as fast as it takes them: the same weights, the
    // same threads, the same batches as in the harvest.
    auto runBatches = [&](int count) {
        int done = 0;
        QEventLoop loop;
        const auto connection = QObject::connect(&worker, &engine::ClassifierWorker::classified, &loop, [&] {
            if (++done == count)
                loop.quit();
        });
        for (int i = 0; i < count; ++i)
            worker.submit(-1 - i, inputs[i % batch]);
        loop.exec();
        QObject::disconnect(connection);
    };
    struct Rate
    {
        int images = 0;
        double seconds = 0;
        double cpuMsPerImage = 0;
        double stealPercent = 0;
        QString byThread; // CPU ms per image by thread name

        double imagesPerSecond() const { return seconds > 0 ? images / seconds : 0.0; }
    };
    // As many images as a harvest, in whole batches: a segment as long as the harvests beside it.
    const int pureImages = qMax(2, (2 * perTag + batch - 1) / batch) * batch;
    auto measurePure = [&] {
        QElapsedTimer t;
        const double cpu = processCpuMs();
        const auto threadsBefore = cpuMsByThreadName();
        const CpuTicks ticks = CpuTicks::now();
        t.start();
        runBatches(pureImages);
        return Rate{pureImages, double(t.nsecsElapsed()) / 1e9, (processCpuMs() - cpu) / pureImages,
                    CpuTicks::now().stealPercentSince(ticks),
                    perImageByThread(threadsBefore, cpuMsByThreadName(), pureImages)};
    };
    auto harvest = [&](int round, Scheduling scheduling) -> std::optional<Rate> {
        QTemporaryDir dir;
        auto store = engine::ProjectStore::open(dir.filePath(QStringLiteral("bench.taglens")));
        if (!store)
            return std::nullopt;
        engine::HarvestPipeline pipeline(
            store->get(), &worker,
            [&](const QString &tag,
                engine::HttpClient *client) -> engine::Expected<std::unique_ptr<engine::PostSource>> {
                return std::unique_ptr<engine::PostSource>(
                    new engine::MastodonTagTimeline(client, standIn.baseUrl(), tag));
            });
        pipeline.setDecodeScheduling(scheduling);
        pipeline.setDecodeThreads(qMax(1, parser.value(decodeThreadsOption).toInt()));
        engine::HarvestRequest request;
        request.source = engine::SourceKind::Mastodon;
        request.instance = standIn.baseUrl().toString();
        request.tags = {QStringLiteral("bench%1").arg(2 * round - 1),
                        QStringLiteral("bench%1").arg(2 * round)};
        request.limitPerTag = perTag;
        int ok = 0;
        QEventLoop loop;
        QObject::connect(&pipeline, &engine::HarvestPipeline::finished, &loop,
                         [&](const engine::HarvestOutcome &outcome) {
                             ok = outcome.ok();
                             loop.quit();
                         });
        const double cpu = processCpuMs();
        const auto threadsBefore = cpuMsByThreadName();
        const CpuTicks ticks = CpuTicks::now();
        QElapsedTimer clock;
        clock.start();
        pipeline.start(request);
        loop.exec();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (ok != 2 * perTag)
            return std::nullopt;
        return Rate{ok, seconds, (processCpuMs() - cpu) / ok, CpuTicks::now().stealPercentSince(ticks),
                    perImageByThread(threadsBefore, cpuMsByThreadName(), ok)};
    };

    printStageCosts(out, standIn.photos(), worker, rounds * 2 * perTag);
    out << QStringLiteral("model: %1\n").arg(worker.modelInfo().name);
    QStringList modeTexts;
    for (const Mode &mode : std::as_const(modes))
        modeTexts << QStringLiteral("%1 = %2").arg(mode.name, mode.text);
    out << QStringLiteral("threads: %1, batch %2, decoding: %3; %4 harvests of %5 images (two tags), each "
                          "between two pure-inference runs of %6 images\n")
               .arg(threads)
               .arg(batch)
               .arg(modeTexts.join(QStringLiteral(", then ")))
               .arg(rounds)
               .arg(2 * perTag)
               .arg(pureImages);
    out.flush();
    // This machine's speed drifts by ±10 % and more within a minute (other tenants of the host),
    // so short harvests alternate with pure inference: each harvest is compared with the pure
    // inference right before and right after it. The median round is the figure; the pooled one
    // (every image over every second, either side) is printed beside it.
    runBatches(batch); // warm-up
    Rate before = measurePure();
    for (int r = 1; r <= rounds; ++r) {
        Mode &mode = modes[(r - 1) % modes.size()];
        const auto pipeline = harvest(r, mode.scheduling);
        if (!pipeline) {
            out << QStringLiteral("round %1: the harvest did not classify every image\n").arg(r);
            return 1;
        }
        const Rate after = measurePure();
        mode.pureImages += before.images + after.images;
        mode.pureSeconds += before.seconds + after.seconds;
        mode.harvestImages += pipeline->images;
        mode.harvestSeconds += pipeline->seconds;
        const double pure = (before.imagesPerSecond() + after.imagesPerSecond()) / 2;
        mode.ratios << pipeline->imagesPerSecond() / pure;
        // Process CPU per image tells where a low ratio comes from: work besides the model (the
        // stand-in's serving included), or the model's threads idling for want of input.
        out << QStringLiteral(
                   "round %1 (%12): pure inference %2 img/s (before %3, after %4), pipeline %5 img/s "
                   "(%6 images), ratio %7; process CPU per image: pure %8 ms, pipeline %9 ms; "
                   "stolen by the host: %10 % / %11 %\n")
                   .arg(r)
                   .arg(pure, 0, 'f', 2)
                   .arg(before.imagesPerSecond(), 0, 'f', 2)
                   .arg(after.imagesPerSecond(), 0, 'f', 2)
                   .arg(pipeline->imagesPerSecond(), 0, 'f', 2)
                   .arg(pipeline->images)
                   .arg(mode.ratios.last(), 0, 'f', 3)
                   .arg((before.cpuMsPerImage + after.cpuMsPerImage) / 2, 0, 'f', 1)
                   .arg(pipeline->cpuMsPerImage, 0, 'f', 1)
                   .arg((before.stealPercent + after.stealPercent) / 2, 0, 'f', 1)
                   .arg(pipeline->stealPercent, 0, 'f', 1)
                   .arg(mode.name);
        out << QStringLiteral("  by thread, ms per image: pure (after) %1; pipeline %2\n")
                   .arg(after.byThread, pipeline->byThread);
        out.flush();
        before = after;
    }
    // Pooled: every image over every second of the mode's harvests, against the pure inference
    // either side of them.
    for (const Mode &mode : std::as_const(modes)) {
        if (mode.ratios.isEmpty())
            continue;
        const double harvestRate = mode.harvestImages / mode.harvestSeconds;
        const double pureRate = mode.pureImages / mode.pureSeconds;
        out << QStringLiteral("%1: ratio pipeline / pure inference %2 (median of %3 rounds), pooled %4 "
                              "(pipeline %5 img/s over %6 images, pure inference %7 img/s)\n")
                   .arg(mode.name)
                   .arg(median(mode.ratios), 0, 'f', 3)
                   .arg(mode.ratios.size())
                   .arg(harvestRate / pureRate, 0, 'f', 3)
                   .arg(harvestRate, 0, 'f', 2)
                   .arg(mode.harvestImages)
                   .arg(pureRate, 0, 'f', 2);
    }
    out << QStringLiteral("peak RSS: %1 MiB; RSS now %2 MiB")
               .arg(double(statusKiB("VmHWM")) / 1024.0, 0, 'f', 1)
               .arg(double(statusKiB("VmRSS")) / 1024.0, 0, 'f', 1);
    out.flush();
    // The worker hands the memory of its batches back after a few idle seconds.
    QEventLoop idle;
    QTimer::singleShot(std::chrono::seconds(7), &idle, &QEventLoop::quit);
    idle.exec();
    out << QStringLiteral(", after 7 s idle %1 MiB\n").arg(double(statusKiB("VmRSS")) / 1024.0, 0, 'f', 1);
    return 0;
}
