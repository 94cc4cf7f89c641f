// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pipeline/harvestoutcome.h"
#include "engine/pipeline/harvestrequest.h"
#include "engine/workflow/harvestinput.h"
#include "engine/workflow/harvestplan.h"
#include "engine/workflow/harvestpreparation.h"
#include "engine/workflow/harvestsession.h"
#include "ui/appsettings.h"
#include "ui/dropcollector.h"
#include "ui/filechooser.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

class QWidget;

namespace taglens::engine {
class ProjectSession;
struct ModelInfo;
} // namespace taglens::engine

namespace taglens::ui {

class HarvestProgressStrip;
class InstagramStanding;
class ProjectModel;

/// The window's harvests, from what the user typed or dropped to the end told: plans and logins
/// looked up off the GUI thread (HarvestPreparation), a new project asked for when none is open,
/// the model and the harvest run in an engine HarvestSession, rows streamed into the
/// ProjectModel, the progress strip fed, and the end announced once the model shows its last
/// rows. The window lays it out and shows what it signals.
class HarvestController : public QObject
{
    Q_OBJECT

public:
    using ClassifierLoader = engine::HarvestSession::ClassifierLoader;
    /// The logins and the Instagram budget at the moment a plan is made.
    using ContextSource = std::function<engine::HarvestPreparation::Context()>;

    /// \a window parents the questions (the new project's name, the collection of a drop).
    HarvestController(ClassifierLoader loader, engine::ProjectSession *project, ProjectModel *model,
                      HarvestProgressStrip *progress, InstagramStanding *instagram, QWidget *window);
    ~HarvestController() override;

    /// The model harvests classify with; empty: none.
    void setModelPath(const QString &path) { m_modelPath = path; }
    QString modelPath() const { return m_modelPath; }
    /// The preferences the next harvest applies (threads, batch, top-k, the projects folder).
    void setSettings(const AppSettings &settings) { m_settings = settings; }
    void setContextSource(ContextSource source) { m_context = std::move(source); }
    /// Asks where a new project goes when a harvest starts with none open.
    void setProjectChooser(FileChooser chooser) { m_chooseProject = std::move(chooser); }
    void setCollectionChooser(DropCollector::CollectionChooser chooser);

    /// Plans \a inputs (the first, then the ones to run after it) and looks up the first one's
    /// login, both off the GUI thread, then starts them.
    void plan(const QList<engine::HarvestInput> &inputs);
    /// Runs \a plans one after the other in the open project (when none is, asks where to save
    /// a new one first and starts them once it is open).
    void start(const QList<engine::HarvestPlan> &plans);
    /// Asks which collection dropped files and addresses join, then plans them.
    void collectDrop(const QStringList &paths, const QList<QUrl> &urls);
    /// Stops the harvest, and the ones queued behind it.
    void stop();

    /// The window tells when the project it asked for is open (the waiting plans start) or
    /// could not be opened (they are dropped).
    void projectOpened();
    void projectFailed();

    bool isHarvesting() const;
    /// Harvesting, loading the model, planning, looking up a login, waiting for a new project,
    /// or telling an end: nothing else starts.
    bool isBusy() const;
    /// The request of the harvest started last (with the settings applied).
    engine::HarvestRequest lastRequest() const { return m_lastRequest; }
    /// Where a new project for \a tags is suggested: the projects folder, named after the first
    /// tag, never over an existing file.
    QString suggestedProjectPath(const QStringList &tags) const;

Q_SIGNALS:
    /// Something above changed: the window updates Start/Stop and the project actions.
    void busyChanged();
    /// A harvest began classifying with \a model.
    void started(const taglens::engine::HarvestRequest &request, const taglens::engine::ModelInfo &model);
    /// A harvest ended and its last rows are shown; errorShown()/statusMessage() have told how.
    void ended(const taglens::engine::HarvestOutcome &outcome);
    void errorShown(const QString &message);
    void errorCleared();
    void statusMessage(const QString &message, int timeoutMs);
    /// An Instagram plan needs a login first.
    void loginNeeded(const QString &message);

private:
    void connectPreparation();
    void connectSession();
    void onFinished(const engine::HarvestOutcome &outcome);
    void announceEnds();
    void announceEnd(const engine::HarvestOutcome &outcome);

    bool m_hasLoader;
    engine::HarvestSession *m_session; // the model, the running harvest and the ones queued behind it
    engine::HarvestPreparation *m_preparation;
    DropCollector *m_drops;
    engine::ProjectSession *m_project;
    ProjectModel *m_model;
    HarvestProgressStrip *m_progress;
    InstagramStanding *m_instagram;
    QString m_modelPath;
    AppSettings m_settings;
    ContextSource m_context;
    FileChooser m_chooseProject;
    engine::HarvestRequest m_lastRequest;
    QList<engine::HarvestPlan> m_waitingPlans; // to start once the new project is open
    QList<engine::HarvestOutcome> m_endings;   // harvests that ended, told once their last rows are read
};

} // namespace taglens::ui
