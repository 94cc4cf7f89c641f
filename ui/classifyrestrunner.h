// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/workflow/classifyrestjob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace taglens::ui {

/// View ▸ Classify the Rest: runs ClassifyRestJob off the GUI thread for the open project with
/// the model harvests use, tells how far it is, and stops when asked (what is done is kept).
class ClassifyRestRunner : public QObject
{
    Q_OBJECT

public:
    explicit ClassifyRestRunner(engine::ClassifyRestJob::ClassifierLoader loader, QObject *parent = nullptr);
    ~ClassifyRestRunner() override;

    /// Starts on \a projectPath with \a options; false (and nothing happens) while one runs or
    /// without a loader.
    bool start(const QString &projectPath, const engine::ClassifyRestJob::Options &options);
    /// Stops after the batch under way; finished() follows with Cancelled.
    void stop();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void runningChanged(bool running);
    /// What to show in the status bar: while it runs ("Classifying 12 of 40 images…", no
    /// timeout), and when it ends or was stopped (\a timeoutMs > 0).
    void status(const QString &text, int timeoutMs);
    /// It could not run to its end: the error to show.
    void failed(const QString &message);
    /// \a projectPath now has labels of \a modelSha256 on every image the job could read.
    void labelled(const QString &projectPath, const QString &modelSha256);

private:
    engine::ClassifyRestJob::ClassifierLoader m_loader;
    QFutureWatcher<engine::Expected<engine::ClassifyRestJob::Done>> m_watcher;
    QString m_projectPath;
};

} // namespace taglens::ui
