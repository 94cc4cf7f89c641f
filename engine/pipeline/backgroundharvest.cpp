// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundharvest.h"

#include "../store/projectstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBackgroundHarvest, "taglens.engine.backgroundharvest", QtInfoMsg)

namespace taglens::engine {

BackgroundHarvest::BackgroundHarvest(const QString &projectPath, ClassifierWorker *worker,
                                     HarvestPipeline::SourceFactory factory, QObject *parent)
    : QObject(parent), m_projectPath(projectPath), m_worker(worker), m_factory(std::move(factory))
{
    m_thread.setObjectName(QStringLiteral("taglens-harvest"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

BackgroundHarvest::~BackgroundHarvest()
{
    // Cancel and close on the harvest thread (the pipeline and the connection belong to it), then
    // stop the thread. Nothing there waits for this thread, so blocking here cannot deadlock.
    QMetaObject::invokeMethod(
        &m_context, [this] { tearDown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundHarvest::setSetup(Setup setup)
{
    m_setup = std::move(setup);
}

void BackgroundHarvest::start(const HarvestRequest &request)
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(&m_context, [this, request] { runOnHarvestThread(request); });
}

void BackgroundHarvest::cancel()
{
    QMetaObject::invokeMethod(&m_context, [this] {
        if (m_pipeline)
            m_pipeline->cancel();
    });
}

void BackgroundHarvest::runOnHarvestThread(const HarvestRequest &request)
{
    auto finishHere = [this](const HarvestOutcome &outcome) {
        // Back on the starting thread: m_running belongs to it.
        QMetaObject::invokeMethod(this, [this, outcome] {
            m_running = false;
            Q_EMIT finished(outcome);
        });
    };
    auto store = ProjectStore::open(m_projectPath);
    if (!store) {
        finishHere(HarvestOutcome::failed(store.error()));
        return;
    }
    m_store = std::move(*store);
    m_pipeline = std::make_unique<HarvestPipeline>(m_store.get(), m_worker, m_factory);
    if (m_setup)
        m_setup(*m_pipeline);
    // Signal to signal, across threads: queued to this object's thread, in emission order.
    connect(m_pipeline.get(), &HarvestPipeline::progress, this, &BackgroundHarvest::progress);
    connect(m_pipeline.get(), &HarvestPipeline::itemFinished, this, &BackgroundHarvest::itemFinished);
    connect(m_pipeline.get(), &HarvestPipeline::notice, this, &BackgroundHarvest::notice);
    connect(m_pipeline.get(), &HarvestPipeline::tagFinished, this, &BackgroundHarvest::tagFinished);
    connect(m_pipeline.get(), &HarvestPipeline::finished, &m_context,
            [this, finishHere](const HarvestOutcome &outcome) {
                // Not from inside the pipeline's own signal: close everything a moment later,
                // then report, so that the project file is quiet when finished() arrives.
                QMetaObject::invokeMethod(
                    &m_context,
                    [this, finishHere, outcome] {
                        tearDown();
                        finishHere(outcome);
                    },
                    Qt::QueuedConnection);
            });
    qCDebug(lcBackgroundHarvest) << "harvest" << request.tags << "on" << m_projectPath;
    m_pipeline->start(request);
}

void BackgroundHarvest::tearDown()
{
    if (m_pipeline) {
        m_pipeline->disconnect(); // a harvest being taken down reports nothing more
        if (m_pipeline->isRunning())
            m_pipeline->cancel();
    }
    m_pipeline.reset();
    m_store.reset();
}

} // namespace taglens::engine
