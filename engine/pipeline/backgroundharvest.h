// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "harvestpipeline.h"
#include "harvestprogress.h"
#include "harvestrequest.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

namespace taglens::engine {

class ClassifierWorker;
class ProjectStore;

/// A HarvestPipeline on a thread of its own, writing through its own connection to the project.
///
/// The pipeline is light, but it parses feed pages, writes SQLite and keeps the books for every
/// item; on the thread of a window that must answer input within a few milliseconds, even that
/// shows as stutter while hundreds of images stream in. Here the thread that starts the harvest
/// (the GUI's) only receives its signals, queued, in the order the pipeline emitted them.
///
/// - The project file is opened again on the harvest thread (SQLite in WAL mode lets the GUI's
///   own connection read while this one writes); it is closed before finished() arrives.
/// - Every item is committed before its itemFinished() is emitted, so a reader that reacts to it
///   sees the row.
/// - cancel() is asynchronous; finished() follows. Destroying a running harvest cancels it and
///   waits for its thread.
class BackgroundHarvest : public QObject
{
    Q_OBJECT

public:
    /// Runs on the harvest thread right after the pipeline is made (tests: timeouts, retries).
    using Setup = std::function<void(HarvestPipeline &pipeline)>;

    BackgroundHarvest(const QString &projectPath, ClassifierWorker *worker,
                      HarvestPipeline::SourceFactory factory, QObject *parent = nullptr);
    ~BackgroundHarvest() override;

    void setSetup(Setup setup);

    /// Starts one harvest; a second start() while one runs does nothing.
    void start(const HarvestRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }
    /// The thread the pipeline runs on (for tests).
    QThread *harvestThread() { return &m_thread; }

Q_SIGNALS:
    void progress(const taglens::engine::HarvestProgress &progress);
    void itemFinished(qint64 mediaId, const QString &tag, taglens::engine::MediaStatus status);
    void notice(const QString &message);
    void tagFinished(const taglens::engine::TagSummary &summary);
    void finished(const taglens::engine::HarvestOutcome &outcome);

private:
    void runOnHarvestThread(const HarvestRequest &request);
    void tearDown();

    const QString m_projectPath;
    ClassifierWorker *m_worker;
    HarvestPipeline::SourceFactory m_factory;
    Setup m_setup;
    QThread m_thread;
    QObject m_context;      // lives on m_thread: the work posted there runs in its event loop
    bool m_running = false; // touched on the starting thread only
    // Owned and used on m_thread only.
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<HarvestPipeline> m_pipeline;
};

} // namespace taglens::engine
