// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestcontroller.h"

#include "engine/inference/modelinfo.h"
#include "engine/workflow/backgroundinstagrambudget.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/progresstext.h"
#include "engine/workflow/projectsession.h"
#include "harvestprogressstrip.h"
#include "instagramstanding.h"
#include "projectmodel.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <algorithm>

Q_LOGGING_CATEGORY(lcHarvestController, "taglens.ui.harvestcontroller")

namespace taglens::ui {

HarvestController::HarvestController(ClassifierLoader loader, engine::ProjectSession *project,
                                     ProjectModel *model, HarvestProgressStrip *progress,
                                     InstagramStanding *instagram, QWidget *window)
    : QObject(window), m_hasLoader(bool(loader)),
      m_session(new engine::HarvestSession(std::move(loader), this)),
      m_preparation(new engine::HarvestPreparation(this)), m_drops(new DropCollector(window)),
      m_project(project), m_model(model), m_progress(progress), m_instagram(instagram)
{
    connect(m_drops, &DropCollector::collected, this,
            [this](const QStringList &paths, const QList<QUrl> &urls, const QString &collection) {
                plan(engine::HarvestPlanner::dropInputs(paths, urls, collection));
            });
    connect(m_model, &ProjectModel::updatesRead, this, [this](bool ok) {
        // A read that failed keeps its updates queued; the end is told all the same.
        if (!ok || !m_model->hasPendingUpdates())
            announceEnds();
    });
    connectPreparation();
    connectSession();
}

HarvestController::~HarvestController()
{
    m_session->disconnect(this);
    delete m_session; // cancels and waits for the harvest thread
}

void HarvestController::setCollectionChooser(DropCollector::CollectionChooser chooser)
{
    m_drops->setChooser(std::move(chooser));
}

void HarvestController::plan(const QList<engine::HarvestInput> &inputs)
{
    if (inputs.isEmpty())
        return;
    if (isBusy()) {
        Q_EMIT errorShown(tr("A harvest is already running."));
        return;
    }
    engine::HarvestPreparation::Context context =
        m_context ? m_context() : engine::HarvestPreparation::Context();
    context.applyDefaults = [settings = m_settings](engine::HarvestRequest &request) {
        settings.applyTo(request);
    };
    m_preparation->prepare(inputs, context);
    Q_EMIT busyChanged();
}

void HarvestController::collectDrop(const QStringList &paths, const QList<QUrl> &urls)
{
    if (paths.isEmpty() && urls.isEmpty())
        return;
    if (isBusy()) {
        Q_EMIT errorShown(tr("A harvest is already running; drop them again when it has finished."));
        return;
    }
    m_drops->collect({paths, urls}, m_project->tags());
}

void HarvestController::connectPreparation()
{
    connect(m_preparation, &engine::HarvestPreparation::ready, this,
            [this](const QList<engine::HarvestPlan> &plans, const QStringList &warnings,
                   const QStringList &problems) {
                Q_EMIT busyChanged();
                if (plans.first().spec.kind() == engine::SourceKind::Instagram)
                    m_instagram->refresh();
                for (const QString &warning : warnings)
                    Q_EMIT statusMessage(warning, 10000);
                start(plans);
                if (!problems.isEmpty() && isBusy()) // after start() cleared the error bar
                    Q_EMIT errorShown(problems.join(QLatin1Char('\n')));
            });
    connect(m_preparation, &engine::HarvestPreparation::refused, this, [this](const engine::Error &error) {
        Q_EMIT busyChanged();
        if (error.code == engine::ErrorCode::Unauthorized) {
            Q_EMIT loginNeeded(error.message);
            return;
        }
        if (error.code == engine::ErrorCode::RateLimited)
            m_instagram->refresh();
        Q_EMIT errorShown(error.message);
    });
}

void HarvestController::start(const QList<engine::HarvestPlan> &plans)
{
    if (plans.isEmpty())
        return;
    if (m_session->isBusy()) {
        Q_EMIT errorShown(tr("A harvest is already running."));
        return;
    }
    if (m_modelPath.isEmpty() || !m_hasLoader) {
        Q_EMIT errorShown(
            tr("No model is installed, so nothing can be classified. Set one up with Help ▸ Set Up Model."));
        return;
    }
    if (!m_project->isOpen()) {
        // Asked where before anything piles up (no hidden scratch file): a project named after
        // the first tag, in the projects folder; the plans start when it is open.
        QString path = m_chooseProject ? m_chooseProject(tr("Save the New Project As"),
                                                         tr("TagLens projects (*.taglens)"),
                                                         suggestedProjectPath(plans.first().request.tags))
                                       : QString();
        if (path.isEmpty()) {
            Q_EMIT statusMessage(tr("Nothing was harvested: a harvest needs a project to go into."), 10000);
            return;
        }
        if (m_project->isBusy()) {
            Q_EMIT errorShown(tr("A project is being opened or saved; try again when it is done."));
            return;
        }
        path = withProjectSuffix(path);
        m_waitingPlans = plans;
        m_project->open(path,
                        engine::ProjectSession::OpenMode::Replace); // the dialog asked before overwriting
        Q_EMIT busyChanged();
        return;
    }
    Q_EMIT errorCleared();
    const bool instagram = std::any_of(plans.cbegin(), plans.cend(), [](const engine::HarvestPlan &p) {
        return p.spec.kind() == engine::SourceKind::Instagram;
    });
    m_session->setBudget(instagram ? m_instagram->budget()->budget()
                                   : nullptr); // records each search it makes
    m_session->setModel({m_modelPath, m_settings.modelThreads, m_settings.batchSize});
    if (auto started = m_session->start(m_project->path(), plans.first(), plans.mid(1)); !started)
        Q_EMIT errorShown(started.error().message);
}

void HarvestController::projectOpened()
{
    if (!m_waitingPlans.isEmpty())
        start(std::exchange(m_waitingPlans, {}));
}

void HarvestController::projectFailed()
{
    m_waitingPlans.clear();
    Q_EMIT busyChanged();
}

QString HarvestController::suggestedProjectPath(const QStringList &tags) const
{
    QString name = tags.isEmpty() ? QString() : tags.first();
    name.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("-"));
    if (name.isEmpty())
        name = tr("untitled");
    const QString folder = m_settings.effectiveProjectFolder() + QLatin1Char('/');
    QString path = folder + name + QStringLiteral(".taglens");
    for (int n = 2; QFileInfo::exists(path); ++n) // never suggest overwriting a project
        path = folder + QStringLiteral("%1-%2.taglens").arg(name).arg(n);
    return path;
}

void HarvestController::connectSession()
{
    connect(m_session, &engine::HarvestSession::modelLoading, this, [this] {
        Q_EMIT busyChanged(); // loading a model takes seconds, on the pool
        m_progress->showModelLoading();
    });
    connect(m_session, &engine::HarvestSession::started, this,
            [this](const engine::HarvestRequest &request, const engine::ModelInfo &model) {
                m_lastRequest = request;
                m_progress->showStarting();
                m_progress->show();
                qCInfo(lcHarvestController) << "harvest of" << request.tags << "with" << model.name;
                Q_EMIT started(request, model);
                Q_EMIT busyChanged();
            });
    connect(m_session, &engine::HarvestSession::progress, m_progress, &HarvestProgressStrip::setProgress);
    connect(m_session, &engine::HarvestSession::itemFinished, this,
            [this](qint64 mediaId, const QString &tag, engine::MediaStatus) {
                m_model->appendOrUpdate(mediaId, tag);
            });
    connect(m_session, &engine::HarvestSession::notice, this,
            [this](const QString &message) { Q_EMIT statusMessage(message, 10000); });
    connect(m_session, &engine::HarvestSession::finished, this, &HarvestController::onFinished);
    connect(m_session, &engine::HarvestSession::idle, this, [this] {
        m_progress->finish();
        Q_EMIT busyChanged();
    });
}

void HarvestController::onFinished(const engine::HarvestOutcome &outcome)
{
    m_progress->finish();
    // The last rows are read at once (in the background); the end is told when they are shown.
    m_model->flushPending();
    m_endings << outcome; // in order: a follow-up harvest may end before the rows of this one are in
    Q_EMIT busyChanged();
    if (!m_model->hasPendingUpdates())
        announceEnds();
}

void HarvestController::announceEnds()
{
    const QList<engine::HarvestOutcome> endings = std::exchange(m_endings, {});
    for (const engine::HarvestOutcome &outcome : endings)
        announceEnd(outcome);
}

void HarvestController::announceEnd(const engine::HarvestOutcome &outcome)
{
    // One end state, worded below both front ends: finished, incomplete, failed or stopped.
    const engine::HarvestEndText end = engine::ProgressText::describeEnd(outcome);
    if (!end.problems.isEmpty())
        Q_EMIT errorShown(end.problems.join(QLatin1Char('\n')));
    Q_EMIT statusMessage(end.status, 15000);
    m_project->refresh();
    m_instagram->refresh();
    Q_EMIT busyChanged();
    Q_EMIT ended(outcome);
}

void HarvestController::stop()
{
    m_session->stop(); // and the addresses of a drop that wait behind the files
}

bool HarvestController::isHarvesting() const
{
    return m_session->isRunning();
}

bool HarvestController::isBusy() const
{
    return m_session->isBusy() || m_preparation->isPreparing() || !m_waitingPlans.isEmpty() ||
           !m_endings.isEmpty();
}

} // namespace taglens::ui
