// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestsession.h"

#include "engine/core/whenfinished.h"
#include "engine/inference/classifierworker.h"
#include "engine/sources/postsourcefactory.h"
#include "instagrambudget.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcHarvestSession, "taglens.engine.workflow.session")

namespace taglens::engine {

namespace {

using LoadResult = Expected<std::unique_ptr<ImageClassifier>>;

} // namespace

HarvestSession::HarvestSession(ClassifierLoader loader, QObject *parent)
    : QObject(parent), m_loader(std::move(loader))
{
    qRegisterMetaType<HarvestOutcome>();
}

HarvestSession::~HarvestSession()
{
    if (m_harvest)
        m_harvest->disconnect(this);
    m_harvest.reset(); // cancels and waits for the harvest thread, before the worker goes
}

void HarvestSession::setModel(const ModelChoice &choice)
{
    m_choice = choice;
}

void HarvestSession::setBudget(InstagramBudget *budget)
{
    m_budget = budget;
}

std::optional<ModelInfo> HarvestSession::loadedModel() const
{
    return m_worker ? std::optional<ModelInfo>(m_worker->modelInfo()) : std::nullopt;
}

Expected<void> HarvestSession::start(const QString &projectPath, const HarvestPlan &plan,
                                     const QList<HarvestPlan> &followUps)
{
    if (isBusy())
        return Error::make(ErrorCode::InvalidArgument, tr("A harvest is already running."));
    if (projectPath.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("No project is open to harvest into."));
    if (!m_loader)
        return Error::make(ErrorCode::ModelMissing, tr("No model is set up, so nothing can be classified."));
    m_projectPath = projectPath;
    m_queue = QList<HarvestPlan>{plan} + followUps;
    m_stopRequested = false;
    ++m_generation;
    const bool sameModel =
        m_worker && m_workerChoice.path == m_choice.path && m_workerChoice.threads == m_choice.threads;
    if (sameModel)
        runNext();
    else
        loadModelThenRun();
    return {};
}

void HarvestSession::loadModelThenRun()
{
    m_worker.reset(); // another model, or other threads: loaded again
    m_loading = true;
    Q_EMIT modelLoading();
    const ModelChoice choice = m_choice;
    const quint64 generation = m_generation;
    auto loading = QtConcurrent::run([loader = m_loader, choice] {
        LoadResult loaded = loader(choice.path);
        if (loaded && choice.threads > 0) // 0: as the loader chose
            (*loaded)->setThreadCount(choice.threads);
        return std::make_shared<LoadResult>(std::move(loaded));
    });
    // Queued even when the model loaded at once: start() returns before a harvest's signals.
    whenFinished(
        loading, this,
        [this, choice, generation](const std::shared_ptr<LoadResult> &loaded) {
            if (generation != m_generation)
                return; // a later start() or the session's end took over
            m_loading = false;
            if (!*loaded) {
                const Error &error = loaded->error();
                const ErrorCode code =
                    error.code == ErrorCode::ModelMissing ? ErrorCode::ModelMissing : ErrorCode::ModelInvalid;
                endWith(HarvestOutcome::failed(Error::make(code, error.message)));
                return;
            }
            m_worker = std::make_unique<ClassifierWorker>(std::move(loaded->value()));
            m_workerChoice = choice;
            if (m_stopRequested) {
                endWith(HarvestOutcome::cancelled({}));
                return;
            }
            runNext();
        },
        Delivery::Queued);
}

void HarvestSession::runNext()
{
    if (m_queue.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const HarvestPlan plan = m_queue.takeFirst();
    m_worker->setTopK(plan.request.topK);
    m_worker->setBatchSize(m_choice.batchSize);
    const HarvestPipeline::SourceFactory factory =
        m_budget ? m_budget->sourceFactory(plan.spec)
                 : HarvestPipeline::SourceFactory([spec = plan.spec](const QString &tag, HttpClient *client) {
                       return makePostSource(spec, tag, client);
                   });
    m_harvest = std::make_unique<BackgroundHarvest>(m_projectPath, m_worker.get(), factory);
    if (m_setup)
        m_harvest->setSetup(m_setup);
    connect(m_harvest.get(), &BackgroundHarvest::progress, this, &HarvestSession::progress);
    connect(m_harvest.get(), &BackgroundHarvest::itemFinished, this, &HarvestSession::itemFinished);
    connect(m_harvest.get(), &BackgroundHarvest::notice, this, &HarvestSession::notice);
    connect(m_harvest.get(), &BackgroundHarvest::tagFinished, this, &HarvestSession::tagFinished);
    connect(m_harvest.get(), &BackgroundHarvest::finished, this, &HarvestSession::onFinished);
    qCInfo(lcHarvestSession) << "harvest" << sourceKindName(plan.request.source) << plan.request.tags
                             << "into" << m_projectPath;
    m_harvest->start(plan.request);
    Q_EMIT started(plan.request, m_worker->modelInfo());
}

void HarvestSession::onFinished(const HarvestOutcome &outcome)
{
    // Not from inside the harvest's own signal: it is deleted when the next one starts or now.
    if (auto *done = m_harvest.release()) {
        done->disconnect(this);
        done->deleteLater();
    }
    if (outcome.end != HarvestEnd::Finished || m_stopRequested)
        m_queue.clear(); // a stopped or failed harvest takes the rest with it
    Q_EMIT finished(outcome);
    if (!m_queue.isEmpty()) {
        QMetaObject::invokeMethod(this, &HarvestSession::runNext, Qt::QueuedConnection);
        return;
    }
    Q_EMIT idle();
}

void HarvestSession::endWith(const HarvestOutcome &outcome)
{
    m_queue.clear();
    Q_EMIT finished(outcome);
    Q_EMIT idle();
}

void HarvestSession::stop()
{
    m_stopRequested = true;
    m_queue.clear();
    if (m_harvest)
        m_harvest->cancel();
}

} // namespace taglens::engine
