// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-bench-gui: how the desktop app feels (issue 5, "Responsiveness"). Runs the real
// MainWindow, shown, under the QPA platform in use (xvfb-run -a for X11, or offscreen).
//
// Part 1 harvests ≥ 300 photos (1080 px JPEGs) from the Mastodon stand-in on 127.0.0.1 through
// MainWindow::startHarvest while a simulated user scrolls, clicks and jumps around the grid,
// and measures every gap in the GUI thread's event loop with a 1 ms precise timer.
// Part 2 writes a 10,000-image project, opens it, scrolls the grid top to bottom and back with
// the wheel, clicks items, changes the filters, sort and minimum-score slider, and prints
// the open time, gaps as in part 1 and the process's RSS (now and peak).
// Part 3 times, one by one, what else a user does with that project: open it, export the images
// CSV, JSON and GEXF, Save As, start a harvest (the login lookup, then a source that refuses),
// and 20 quick tag filter changes; each with its longest GUI stall and p99 (targets < 50, < 16 ms).
//
// Targets: gaps p99 < 16 ms, max < 100 ms during the harvest; RSS < 1 GiB with the big project.
// Prints numbers beside the targets; asserts nothing.
//
//   xvfb-run -a taglens-bench-gui [--images 320] [--project-size 10000] [--model PATH]
//                                 [--part harvest|project|operations|all] [--threads N]
#include "bigprojectbuilder.h"
#include "engine/auth/tokenstore.h"
#include "engine/core/loggingrules.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/sources/mediastatus.h"
#include "engine/store/projectschema.h"
#include "simulateduser.h"
#include "stallrecorder.h"
#include "support/mastodonstandin.h"
#include "timedapplication.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/hashtagchipsedit.h"
#include "ui/mainwindow.h"
#include "ui/mediafiltermodel.h"
#include "ui/projectmodel.h"

#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollBar>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QWindow>
#include <malloc.h>

using namespace taglens;
using bench::StallRecorder;

namespace {

StallRecorder *g_recorder = nullptr;
QtMessageHandler g_previousHandler = nullptr;

// Log lines are kept with their time (to explain gaps); warnings are printed as well.
void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform says this whenever a window changes size; it means nothing here.
    if (message.startsWith(QLatin1String("This plugin does not support propagateSizeHints")))
        return;
    if (g_recorder)
        g_recorder->addLog(QString::fromLatin1(context.category ? context.category : "default") +
                           QStringLiteral(": ") + message.left(200));
    if (type != QtDebugMsg && type != QtInfoMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

struct Options
{
    int images = 320;
    int projectSize = 10000;
    QString model;
    QString part;
    int threads = 0;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QString memoryLine()
{
    const struct mallinfo2 heap = mallinfo2();
    return QStringLiteral("RSS %1 MiB (peak %2 MiB), malloc in use %3 MiB, free in the heap %4 MiB")
        .arg(mib(statusKiB("VmRSS")), 0, 'f', 1)
        .arg(mib(statusKiB("VmHWM")), 0, 'f', 1)
        .arg(double(heap.uordblks + heap.hblkhd) / 1048576.0, 0, 'f', 1)
        .arg(double(heap.fordblks) / 1048576.0, 0, 'f', 1);
}

// Other processes share the cores: a loaded machine delays the GUI thread as well.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

// The kernel's peak RSS (VmHWM) starts again from the current RSS.
void resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

// Runs the event loop for \a ms (events are timed by TimedApplication at depth 0).
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename Predicate> bool spinUntil(Predicate done, int timeoutMs, int stepMs = 10)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        spin(stepMs);
    }
    return true;
}

void waitUntilShown(QWidget *window)
{
    window->show();
    spinUntil([window] { return window->windowHandle() && window->windowHandle()->isExposed(); }, 10000);
    spin(300);
}

ui::MainWindow::ClassifierLoader loaderWith(int threads)
{
    return [threads](const QString &path) -> engine::Expected<std::unique_ptr<engine::ImageClassifier>> {
        auto loaded =
            torchbackend::TorchClassifier::load(path, torchbackend::TorchClassifier::Options{threads});
        if (!loaded)
            return loaded.error();
        return std::unique_ptr<engine::ImageClassifier>(std::move(*loaded));
    };
}

QComboBox *comboNamed(QWidget *window, const QString &accessibleName)
{
    const auto combos = window->findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        if (combo->accessibleName() == accessibleName)
            return combo;
    }
    return nullptr;
}

int countStatus(const ui::ProjectModel *model, engine::MediaStatus status)
{
    int n = 0;
    for (const engine::MediaRow &row : model->mediaRows())
        n += row.status == status ? 1 : 0;
    return n;
}

// ---------------------------------------------------------------------------------------------

void runHarvest(const Options &options, StallRecorder &recorder)
{
    const int perTag = (qMax(16, options.images) + 1) / 2;
    out() << QStringLiteral(
                 "== Part 1: harvest of %1 photos (#bench1, #bench2) from the stand-in, in the GUI ==\n")
                 .arg(2 * perTag);

    // The stand-in serves from its own thread, so its work never counts as the GUI's.
    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("standin"));
    serverThread.start();
    QObject host;
    host.moveToThread(&serverThread);
    tests::MastodonStandIn *standIn = nullptr;
    QUrl baseUrl;
    QElapsedTimer prepare;
    prepare.start();
    const QString photoCache = QCoreApplication::applicationDirPath() + QStringLiteral("/photo-cache");
    QMetaObject::invokeMethod(
        &host,
        [&] {
            tests::MastodonStandIn::Scenario scenario;
            scenario.tags.append({QStringLiteral("bench1"), perTag, 1, 0, {}, {}});
            scenario.tags.append({QStringLiteral("bench2"), perTag, 1, 0, {}, {}});
            standIn = new tests::MastodonStandIn(scenario);
            standIn->setPhotoCacheDir(photoCache);
            standIn->prepareMedia();
            baseUrl = standIn->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    out() << QStringLiteral("stand-in on %1, photos ready in %2 s (cached in %3)\n")
                 .arg(baseUrl.toString())
                 .arg(double(prepare.elapsed()) / 1000.0, 0, 'f', 1)
                 .arg(QDir::toNativeSeparators(photoCache));

    QTemporaryDir dir;
    {
        ui::MainWindow window(loaderWith(options.threads));
        window.setModelPath(options.model);
        window.setModelStatus(QStringLiteral("Model: %1").arg(QFileInfo(options.model).fileName()));
        if (!window.openProject(dir.filePath(QStringLiteral("harvest.taglens"))) ||
            !spinUntil([&] { return !window.projectPath().isEmpty() || !window.lastError().isEmpty(); },
                       20000) ||
            window.projectPath().isEmpty()) {
            out() << "cannot create the project: " << window.lastError() << Qt::endl;
            return;
        }
        waitUntilShown(&window);
        bench::SimulatedUser user(window.grid(), &recorder);

        bool finished = false;
        qint64 startedNs = 0;
        qint64 finishedNs = 0;
        QObject::connect(&window, &ui::MainWindow::harvestStarted, &recorder, [&] {
            startedNs = StallRecorder::now();
            recorder.setPhase(QStringLiteral("harvesting"));
        });
        QObject::connect(&window, &ui::MainWindow::harvestFinished, &recorder, [&] {
            finishedNs = StallRecorder::now();
            finished = true;
        });

        engine::HarvestRequest request;
        request.source = engine::SourceKind::Mastodon;
        request.instance = baseUrl.toString();
        request.tags = {QStringLiteral("bench1"), QStringLiteral("bench2")};
        request.limitPerTag = perTag;
        const auto spec = engine::SourceSpec::fediverse(engine::SourceKind::Mastodon, {baseUrl, {}});

        recorder.start();
        recorder.setPhase(QStringLiteral("loading the model (pool thread)"));
        const qint64 callNs = StallRecorder::now();
        recorder.call(QStringLiteral("MainWindow::startHarvest()"),
                      [&] { window.startHarvest(request, spec); });
        user.startRoaming(150);
        const bool done =
            spinUntil([&] { return finished || !window.lastError().isEmpty(); }, 30 * 60 * 1000);
        user.stopRoaming();
        recorder.stop();
        if (!done || !finished) {
            out() << "the harvest did not finish: " << window.lastError() << Qt::endl;
            window.cancelHarvest();
            spinUntil([&] { return finished; }, 30000);
        }

        const ui::ProjectModel *model = window.projectModel();
        const int ok = countStatus(model, engine::MediaStatus::Ok);
        const double harvestSeconds = double(finishedNs - (startedNs ? startedNs : callNs)) / 1e9;
        out() << QStringLiteral("model: %1, %2 threads\n")
                     .arg(QFileInfo(options.model).fileName())
                     .arg(options.threads > 0 ? QString::number(options.threads) : QStringLiteral("all"));
        out() << QStringLiteral("images classified: %1 (failed %2, skipped %3) of %4 rows\n")
                     .arg(ok)
                     .arg(countStatus(model, engine::MediaStatus::Failed))
                     .arg(countStatus(model, engine::MediaStatus::Skipped))
                     .arg(model->rowCount());
        out() << QStringLiteral("duration: %1 s from startHarvest() (model loaded after %2 s), harvest %3 s "
                                "= %4 images/s\n")
                     .arg(double(finishedNs - callNs) / 1e9, 0, 'f', 1)
                     .arg(startedNs ? double(startedNs - callNs) / 1e9 : 0.0, 0, 'f', 1)
                     .arg(harvestSeconds, 0, 'f', 1)
                     .arg(harvestSeconds > 0 ? ok / harvestSeconds : 0.0, 0, 'f', 2);
        out() << QStringLiteral("simulated user: %1 input events (wheel, keys, clicks every 150 ms)\n")
                     .arg(user.actions());
        recorder.report(out());
        out() << QStringLiteral("memory: %1\n").arg(memoryLine());
        out() << QStringLiteral("load average at the end: %1\n").arg(loadAverage());
    }
    QMetaObject::invokeMethod(
        &host, [&] { delete standIn; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
}

QStringList bigProjectTags()
{
    return {QStringLiteral("cats"), QStringLiteral("streetphotography"), QStringLiteral("gardening"),
            QStringLiteral("mountains")};
}

// The 10,000-image project of parts 2 and 3: false (and why, printed) when it cannot be written.
bool writeBigProject(const Options &options, const QString &path)
{
    bench::BigProjectBuilder::Options build;
    build.images = options.projectSize;
    build.tags = bigProjectTags();
    build.modelSha256 = QStringLiteral("be9c4ab7e6d14dd3a1bd3f7c4f2e1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f");
    QFile labels(QStringLiteral(TAGLENS_BENCH_SOURCE_DIR "/models/imagenet_classes.txt"));
    if (labels.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : labels.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                build.labels << QString::fromUtf8(line.trimmed());
        }
    }
    const auto built = bench::BigProjectBuilder::build(path, build);
    if (!built.error.isEmpty()) {
        out() << "cannot write the project: " << built.error << Qt::endl;
        return false;
    }
    out() << QStringLiteral(
                 "project written in %1 s: %2 ok, %3 failed, %4 skipped; thumbnails %5 MiB; file %6 MiB\n")
                 .arg(built.seconds, 0, 'f', 1)
                 .arg(built.ok)
                 .arg(built.failed)
                 .arg(built.skipped)
                 .arg(double(built.thumbnailBytes) / 1048576.0, 0, 'f', 1)
                 .arg(double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) /
                          1048576.0,
                      0, 'f', 1);
    return true;
}

// ---------------------------------------------------------------------------------------------

void runProject(const Options &options, StallRecorder &recorder)
{
    out() << QStringLiteral("== Part 2: a %1-image project in the GUI ==\n").arg(options.projectSize);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.taglens"));
    const QStringList tags = bigProjectTags();
    if (!writeBigProject(options, path))
        return;

    malloc_trim(0);
    resetPeakRss();
    QList<std::pair<QString, QString>> memory;
    memory.append({QStringLiteral("before the window"), memoryLine()});

    ui::MainWindow window(loaderWith(options.threads));
    window.setModelPath(options.model);
    window.setModelStatus(QStringLiteral("Model: %1").arg(QFileInfo(options.model).fileName()));
    waitUntilShown(&window);
    memory.append({QStringLiteral("window shown, no project"), memoryLine()});
    bench::SimulatedUser user(window.grid(), &recorder);
    QListView *grid = window.grid();
    QScrollBar *bar = grid->verticalScrollBar();
    ui::ProjectModel *model = window.projectModel();

    recorder.start();
    recorder.setPhase(QStringLiteral("open project"));
    QElapsedTimer openClock;
    openClock.start();
    bool opened = false;
    recorder.call(QStringLiteral("MainWindow::openProject()"), [&] { opened = window.openProject(path); });
    const double openMs = double(openClock.nsecsElapsed()) / 1e6;
    if (!opened) {
        recorder.stop();
        out() << "cannot open the project: " << window.lastError() << Qt::endl;
        return;
    }
    // Loaded: the rows are there and the first screen's thumbnails are decoded and painted.
    spin(20);
    const bool firstScreen = spinUntil(
        [&] {
            const QModelIndex first = window.filterModel()->index(0, 0);
            return model->thumbnailsInFlight() == 0 &&
                   !first.data(ui::ProjectModel::ThumbnailRole).value<QImage>().isNull();
        },
        20000);
    spin(50);
    const double firstScreenMs = double(openClock.nsecsElapsed()) / 1e6;
    memory.append({QStringLiteral("project open, first screen"), memoryLine()});

    // PageDown is what a keyboard user tries first; whether it moves the grid is worth knowing.
    recorder.setPhase(QStringLiteral("PageDown check"));
    const int rowBefore = grid->currentIndex().row();
    user.key(Qt::Key_PageDown, QStringLiteral("PageDown"));
    spin(150);
    const int rowAfterPageDown = grid->currentIndex().row();
    const int viewportHeight = grid->viewport()->height();
    const int itemHeight = grid->visualRect(window.filterModel()->index(0, 0)).height();
    user.key(Qt::Key_Home, QStringLiteral("Home"));
    spin(150);

    // Down with the wheel turning steadily (one notch every 16 ms), to the last row.
    recorder.setPhase(QStringLiteral("scroll down (wheel, 1 notch every 16 ms)"));
    int downSteps = 0;
    int stuck = 0;
    QElapsedTimer scrollClock;
    scrollClock.start();
    while (bar->value() < bar->maximum() && downSteps < 20000 && stuck < 60) {
        const int before = bar->value();
        user.wheel(1);
        spin(16);
        ++downSteps;
        stuck = bar->value() == before ? stuck + 1 : 0;
    }
    const bool downStuck = stuck >= 60;
    const double downSeconds = double(scrollClock.elapsed()) / 1000.0;
    spinUntil([&] { return model->thumbnailsInFlight() == 0; }, 20000);
    memory.append({QStringLiteral("scrolled to the bottom"), memoryLine()});

    // Back up faster: three notches every 16 ms.
    recorder.setPhase(QStringLiteral("scroll up (wheel, 3 notches every 16 ms)"));
    int upSteps = 0;
    stuck = 0;
    scrollClock.restart();
    while (bar->value() > 0 && upSteps < 20000 && stuck < 60) {
        const int before = bar->value();
        user.wheel(-3);
        spin(16);
        ++upSteps;
        stuck = bar->value() == before ? stuck + 1 : 0;
    }
    const double upSeconds = double(scrollClock.elapsed()) / 1000.0;
    spinUntil([&] { return model->thumbnailsInFlight() == 0; }, 20000);
    memory.append({QStringLiteral("scrolled back to the top"), memoryLine()});

    recorder.setPhase(QStringLiteral("clicking items"));
    for (int i = 0; i < 12; ++i) {
        user.clickVisibleItem();
        spin(250);
    }

    recorder.setPhase(QStringLiteral("filters, sort and slider"));
    QComboBox *tagFilter = comboNamed(&window, QStringLiteral("Filter by tag"));
    QComboBox *statusFilter = comboNamed(&window, QStringLiteral("Filter by status"));
    QComboBox *sort = comboNamed(&window, QStringLiteral("Sort order"));
    const auto choose = [&](QComboBox *combo, int index, const QString &what) {
        if (!combo || index >= combo->count())
            return;
        recorder.call(what + QStringLiteral(": ") + combo->itemText(index),
                      [&] { combo->setCurrentIndex(index); });
        spin(400);
    };
    if (tagFilter)
        choose(tagFilter, qMin(2, tagFilter->count() - 1), QStringLiteral("tag filter"));
    else
        recorder.call(QStringLiteral("filterModel()->setTag()"),
                      [&] { window.filterModel()->setTag(tags.at(1)); });
    spin(400);
    choose(statusFilter, 1, QStringLiteral("status filter"));
    choose(sort, 1, QStringLiteral("sort"));
    for (int i = 0; i < 6; ++i) {
        user.wheel(3);
        spin(16);
    }
    user.clickVisibleItem();
    spin(300);
    QSlider *slider = window.chart()->scoreSlider();
    // Dragging the slider from 0 to 60 % and letting go, then back to 0 at once.
    const int sliderEnd = slider->minimum() + (slider->maximum() - slider->minimum()) * 6 / 10;
    for (int v = slider->minimum(); v <= sliderEnd; v += qMax(1, (sliderEnd - slider->minimum()) / 15)) {
        recorder.call(QStringLiteral("score slider → %1").arg(v), [&] { slider->setValue(v); });
        spin(40);
    }
    spin(300);
    recorder.call(QStringLiteral("score slider → %1").arg(slider->minimum()),
                  [&] { slider->setValue(slider->minimum()); });
    spin(300);
    choose(sort, 0, QStringLiteral("sort"));
    choose(statusFilter, 0, QStringLiteral("status filter"));
    if (tagFilter)
        choose(tagFilter, 0, QStringLiteral("tag filter"));
    spinUntil([&] { return model->thumbnailsInFlight() == 0; }, 20000);
    spin(500);
    recorder.stop();
    memory.append({QStringLiteral("after filters and slider"), memoryLine()});

    out() << QStringLiteral("rows: %1 in the model, %2 shown\n")
                 .arg(model->rowCount())
                 .arg(window.filterModel()->rowCount());
    out() << QStringLiteral("open: openProject() %1 ms; first screen of thumbnails after %2 ms%3\n")
                 .arg(openMs, 0, 'f', 0)
                 .arg(firstScreenMs, 0, 'f', 0)
                 .arg(firstScreen ? QString() : QStringLiteral(" (NOT complete after 20 s)"));
    out() << QStringLiteral("PageDown in the grid: %1 (viewport %2 px high, items %3 px)\n")
                 .arg(rowAfterPageDown != rowBefore ? QStringLiteral("moves the current item")
                                                    : QStringLiteral("does NOT move the current item"))
                 .arg(viewportHeight)
                 .arg(itemHeight);
    out() << QStringLiteral("scrolling: %1 wheel steps in %2 s to the bottom, %3 in %4 s back to the top%5\n")
                 .arg(downSteps)
                 .arg(downSeconds, 0, 'f', 1)
                 .arg(upSteps)
                 .arg(upSeconds, 0, 'f', 1)
                 .arg(downStuck || stuck >= 60 ? QStringLiteral(" (the scroll bar stopped moving)")
                                               : QString());
    recorder.report(out());
    out() << QStringLiteral("load average at the end: %1\n").arg(loadAverage());
    out() << QStringLiteral("memory (target: RSS < 1024 MiB with the project open):\n");
    for (const auto &[when, line] : std::as_const(memory))
        out() << QStringLiteral("  %1: %2\n").arg(when, -28).arg(line);
}

// ---------------------------------------------------------------------------------------------

struct ScenarioResult
{
    QString name;
    StallRecorder::Stats stats;
    double seconds = 0;
    bool completed = false;
};

// Records the GUI thread while \a body runs (it starts the operation and spins until it ends).
template <typename Body> ScenarioResult scenario(StallRecorder &recorder, const QString &name, Body body)
{
    ScenarioResult result;
    result.name = name;
    recorder.start();
    recorder.setPhase(name);
    QElapsedTimer clock;
    clock.start();
    result.completed = body();
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    spin(50); // the last repaint counts too
    recorder.stop();
    result.stats = recorder.stats();
    out() << QStringLiteral("-- %1: %2 in %3 s\n")
                 .arg(name, result.completed ? QStringLiteral("done") : QStringLiteral("NOT done"))
                 .arg(result.seconds, 0, 'f', 2);
    recorder.report(out(), 3);
    return result;
}

void runOperations(const Options &options, StallRecorder &recorder)
{
    out() << QStringLiteral("== Part 3: what a user does with a %1-image project (GUI thread: longest "
                            "stall < 50 ms, p99 < 16 ms) ==\n")
                 .arg(options.projectSize);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.taglens"));
    const QString copy = dir.filePath(QStringLiteral("copy.taglens"));
    if (!writeBigProject(options, path))
        return;

    ui::MainWindow window(loaderWith(options.threads));
    engine::TokenStore tokens(dir.filePath(QStringLiteral("auth.conf"))); // no keychain prompts
    window.setKeychain(tokens.place());
    window.setModelPath(options.model);
    window.setModelStatus(QStringLiteral("Model: %1").arg(QFileInfo(options.model).fileName()));
    waitUntilShown(&window);
    ui::ProjectModel *model = window.projectModel();
    int openedCount = 0;
    QObject::connect(&window, &ui::MainWindow::projectOpened, &recorder, [&] { ++openedCount; });
    int exportsDone = 0;
    QObject::connect(&window, &ui::MainWindow::exportFinished, &recorder, [&] { ++exportsDone; });
    int harvestsDone = 0;
    QObject::connect(&window, &ui::MainWindow::harvestFinished, &recorder, [&] { ++harvestsDone; });
    int errors = 0;
    QObject::connect(&window, &ui::MainWindow::errorShown, &recorder, [&] { ++errors; });
    // Open: rows read and the first screen's thumbnails painted.
    const auto openAndShow = [&](const QString &file) {
        const int before = openedCount;
        bool called = false;
        recorder.call(QStringLiteral("MainWindow::openProject()"),
                      [&] { called = window.openProject(file); });
        return called && spinUntil(
                             [&] {
                                 const QModelIndex first = window.filterModel()->index(0, 0);
                                 return openedCount > before && !model->isLoading() &&
                                        model->rowCount() > 0 && model->thumbnailsInFlight() == 0 &&
                                        !first.data(ui::ProjectModel::ThumbnailRole).value<QImage>().isNull();
                             },
                             60000);
    };

    QList<ScenarioResult> results;
    results << scenario(recorder, QStringLiteral("open the project"), [&] { return openAndShow(path); });
    results << scenario(recorder, QStringLiteral("export images CSV + JSON + GEXF"), [&] {
        const QList<std::pair<ui::MainWindow::ExportKind, QString>> files{
            {ui::MainWindow::ExportKind::ImagesCsv, dir.filePath(QStringLiteral("images.csv"))},
            {ui::MainWindow::ExportKind::Json, dir.filePath(QStringLiteral("project.json"))},
            {ui::MainWindow::ExportKind::Gexf, dir.filePath(QStringLiteral("project.gexf"))}};
        for (const auto &[kind, file] : files) {
            const int before = exportsDone;
            bool called = false;
            recorder.call(QStringLiteral("MainWindow::exportTo()"),
                          [&] { called = window.exportTo(kind, file); });
            if (!called || !spinUntil([&] { return exportsDone > before; }, 120000))
                return false;
        }
        return QFileInfo(files.constLast().second).size() > 0;
    });
    results << scenario(recorder, QStringLiteral("Save As"), [&] {
        const int before = openedCount;
        bool called = false;
        recorder.call(QStringLiteral("MainWindow::saveProjectAs()"),
                      [&] { called = window.saveProjectAs(copy); });
        return called && spinUntil([&] { return openedCount > before && !model->isLoading(); }, 120000) &&
               window.projectPath() == QFileInfo(copy).absoluteFilePath();
    });
    // Opening runs the schema's migrations in the same call, on the same thread, as above: with
    // one schema version there is nothing to migrate yet, so it is the open that is measured.
    if (engine::ProjectSchema::latestVersion() == 1)
        out() << "-- open with a migration: as \"open the project\" (schema version 1, nothing to migrate)\n";
    results << scenario(recorder, QStringLiteral("login lookup and a harvest that cannot connect"), [&] {
        window.sourceCombo()->setCurrentIndex(window.sourceCombo()->findData(QStringLiteral("mastodon")));
        window.instanceEdit()->setText(QStringLiteral("http://127.0.0.1:9")); // the discard port: refused
        window.tagsEdit()->setTags({QStringLiteral("benchlookup")});
        QPushButton *start = nullptr;
        for (QPushButton *button : window.findChildren<QPushButton *>()) {
            if (button->accessibleName() == QLatin1String("Start harvest"))
                start = button;
        }
        if (!start)
            return false;
        const int finishedBefore = harvestsDone;
        const int errorsBefore = errors;
        recorder.call(QStringLiteral("click Start"), [&] { start->click(); });
        return spinUntil([&] { return harvestsDone > finishedBefore || errors > errorsBefore; }, 120000) &&
               !window.isBusy();
    });
    results << scenario(recorder, QStringLiteral("20 quick tag filter changes"), [&] {
        QComboBox *tagFilter = comboNamed(&window, QStringLiteral("Filter by tag"));
        if (!tagFilter || tagFilter->count() < 2)
            return false;
        for (int i = 0; i < 20; ++i) {
            const int index = (i + 1) % tagFilter->count();
            recorder.call(QStringLiteral("tag filter → %1").arg(tagFilter->itemText(index)),
                          [&] { tagFilter->setCurrentIndex(index); });
            spin(60);
        }
        return spinUntil([&] { return model->thumbnailsInFlight() == 0; }, 20000);
    });

    out() << QStringLiteral("\nsummary (target: longest stall < 50 ms, p99 < 16 ms):\n");
    for (const ScenarioResult &r : std::as_const(results))
        out() << QStringLiteral("  %1  longest %2 ms  p99 %3 ms  over 16 ms: %4  (%5 s%6)\n")
                     .arg(r.name, -48)
                     .arg(r.stats.max, 6, 'f', 1)
                     .arg(r.stats.p99, 5, 'f', 1)
                     .arg(r.stats.over16, 3)
                     .arg(r.seconds, 0, 'f', 2)
                     .arg(r.completed ? QString() : QStringLiteral(", NOT completed"));
}

} // namespace

int main(int argc, char *argv[])
{
    bench::TimedApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("taglens-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("taglens-bench-gui"));
    QStandardPaths::setTestModeEnabled(true); // recent projects and settings stay out of the user's
    engine::installDefaultLoggingRules(false);
    // Info messages are kept (not printed) to tell what happened around a gap.
    QLoggingCategory::setFilterRules(
        QStringLiteral("taglens.*.debug=false\ntaglens.*.info=true\nqt.gui.imageio=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Event-loop stalls and memory of the TagLens main window."));
    parser.addHelpOption();
    const QCommandLineOption imagesOption(QStringLiteral("images"),
                                          QStringLiteral("Photos to harvest (two tags)."),
                                          QStringLiteral("N"), QStringLiteral("320"));
    const QCommandLineOption projectOption(QStringLiteral("project-size"),
                                           QStringLiteral("Images in the big project."), QStringLiteral("N"),
                                           QStringLiteral("10000"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("Model file (default: the random-weight Inception-v3 "
                                                        "of the build's test-models)."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption partOption(QStringLiteral("part"),
                                        QStringLiteral("harvest, project, operations or all."),
                                        QStringLiteral("PART"), QStringLiteral("all"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Model threads (0: all cores)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({imagesOption, projectOption, modelOption, partOption, threadsOption});
    parser.process(app);

    Options options;
    options.images = qMax(16, parser.value(imagesOption).toInt());
    options.projectSize = qMax(100, parser.value(projectOption).toInt());
    options.part = parser.value(partOption);
    options.threads = qMax(0, parser.value(threadsOption).toInt());
    options.model = parser.value(modelOption);
    if (options.model.isEmpty()) {
        const QString buildDir = qEnvironmentVariableIsSet("TAGLENS_BUILD_DIR")
                                     ? qEnvironmentVariable("TAGLENS_BUILD_DIR")
                                     : QCoreApplication::applicationDirPath() + QStringLiteral("/..");
        options.model = QDir::cleanPath(buildDir + QStringLiteral("/test-models/test_inception_v3.pt"));
    }
    static const QStringList parts{QStringLiteral("harvest"), QStringLiteral("project"),
                                   QStringLiteral("operations"), QStringLiteral("all")};
    if (!parts.contains(options.part)) {
        out() << "--part is harvest, project, operations or all" << Qt::endl;
        return 2;
    }
    if (!QFileInfo::exists(options.model)) {
        out() << "no model at " << options.model
              << "; make it with: /usr/bin/python3 models/make_test_model.py "
              << QFileInfo(options.model).absolutePath() << Qt::endl;
        return 2;
    }

    StallRecorder recorder;
    app.setRecorder(&recorder);
    g_recorder = &recorder;
    g_previousHandler = qInstallMessageHandler(keepMessage);
    out() << QStringLiteral("platform: %1, %2 cores, load average %3\n")
                 .arg(QGuiApplication::platformName())
                 .arg(QThread::idealThreadCount())
                 .arg(loadAverage());

    const bool all = options.part == QLatin1String("all");
    if (all || options.part == QLatin1String("harvest"))
        runHarvest(options, recorder);
    if (all || options.part == QLatin1String("project")) {
        out() << Qt::endl;
        runProject(options, recorder);
    }
    if (all || options.part == QLatin1String("operations")) {
        out() << Qt::endl;
        runOperations(options, recorder);
    }
    out().flush();
    qInstallMessageHandler(g_previousHandler);
    g_recorder = nullptr;
    return 0;
}
