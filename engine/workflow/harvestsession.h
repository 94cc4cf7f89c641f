// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/inference/imageclassifier.h"
#include "engine/inference/modelinfo.h"
#include "engine/pipeline/backgroundharvest.h"
#include "engine/pipeline/harvestoutcome.h"
#include "harvestplan.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace taglens::engine {

class ClassifierWorker;
class InstagramBudget;

/// Runs harvests for a front end: loads the model off the calling thread and keeps it (with its
/// worker) for the next harvest, runs each plan as a BackgroundHarvest into a project file,
/// follows a plan with the plans queued behind it (a drop of files and addresses is two
/// harvests), and reports how each ended as a HarvestOutcome.
///
/// Lives on the thread that starts harvests (the GUI's, or the CLI's main thread) and never
/// blocks it: loading the model and the harvest itself run elsewhere.
class HarvestSession : public QObject
{
    Q_OBJECT

public:
    /// Loads the model at a path (empty: the installed one); called on a pool thread.
    using ClassifierLoader =
        std::function<Expected<std::unique_ptr<ImageClassifier>>(const QString &modelPath)>;

    /// Which model classifies, and how.
    struct ModelChoice
    {
        QString path;      ///< empty: what the loader takes by default
        int threads = 0;   ///< 0: as the loader chooses (one per core)
        int batchSize = 8; ///< images per forward pass

        bool operator==(const ModelChoice &) const = default;
    };

    explicit HarvestSession(ClassifierLoader loader, QObject *parent = nullptr);
    /// Stops a running harvest and waits for its thread.
    ~HarvestSession() override;

    /// Takes effect at the next start(); another path or thread count loads the model again.
    void setModel(const ModelChoice &choice);
    ModelChoice model() const { return m_choice; }
    /// Where Instagram plans record their searches (null: nowhere; must outlive the harvests).
    void setBudget(InstagramBudget *budget);
    /// Runs on the harvest thread for each pipeline (tests: timeouts, retries).
    void setPipelineSetup(BackgroundHarvest::Setup setup) { m_setup = std::move(setup); }

    /// Starts \a plan into the project at \a projectPath, then each of \a followUps in turn while
    /// the one before finishes (a stopped or failed harvest drops the rest).
    /// Refusals: InvalidArgument while busy or without a project path.
    [[nodiscard]] Expected<void> start(const QString &projectPath, const HarvestPlan &plan,
                                       const QList<HarvestPlan> &followUps = {});
    /// Stops the running harvest (it resumes when started again) and drops the queued plans;
    /// while the model loads, the harvest does not start.
    void stop();

    /// Loading the model, harvesting, or about to start the next queued plan.
    bool isBusy() const { return m_loading || isRunning() || !m_queue.isEmpty(); }
    bool isLoadingModel() const { return m_loading; }
    bool isRunning() const { return m_harvest && m_harvest->isRunning(); }
    /// The model of the kept worker, once one has loaded.
    std::optional<ModelInfo> loadedModel() const;

Q_SIGNALS:
    void modelLoading();
    /// A plan started, classified by \a model.
    void started(const taglens::engine::HarvestRequest &request, const taglens::engine::ModelInfo &model);
    void progress(const taglens::engine::HarvestProgress &progress);
    void itemFinished(qint64 mediaId, const QString &tag, taglens::engine::MediaStatus status);
    void notice(const QString &message);
    void tagFinished(const taglens::engine::TagSummary &summary);
    /// A plan ended; a model that cannot be loaded ends it as Failed (ModelMissing/ModelInvalid).
    void finished(const taglens::engine::HarvestOutcome &outcome);
    /// Nothing runs or waits any more.
    void idle();

private:
    void loadModelThenRun();
    void runNext();
    void onFinished(const HarvestOutcome &outcome);
    void endWith(const HarvestOutcome &outcome);

    ClassifierLoader m_loader;
    ModelChoice m_choice;
    ModelChoice m_workerChoice; // what the kept worker was loaded with
    std::unique_ptr<ClassifierWorker> m_worker;
    QPointer<InstagramBudget> m_budget;
    BackgroundHarvest::Setup m_setup;
    QString m_projectPath;
    QList<HarvestPlan> m_queue;
    std::unique_ptr<BackgroundHarvest> m_harvest;
    bool m_loading = false;
    bool m_stopRequested = false;
    quint64 m_generation = 0; // a model load answers only the start() that asked for it
};

} // namespace taglens::engine
