// SPDX-License-Identifier: GPL-3.0-or-later
#include "classifyrestrunner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcClassifyRestRunner, "taglens.ui.classifyrest")

namespace taglens::ui {

ClassifyRestRunner::ClassifyRestRunner(engine::ClassifyRestJob::ClassifierLoader loader, QObject *parent)
    : QObject(parent), m_loader(std::move(loader))
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int done) {
        const int total = m_watcher.progressMaximum();
        if (total > 1 || done > 0)
            Q_EMIT status(tr("Classifying %1 of %n image(s)…", nullptr, total).arg(done), 0);
    });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<engine::Expected<engine::ClassifyRestJob::Done>> future = m_watcher.future();
        const auto done = future.resultCount() > 0
                              ? future.result()
                              : engine::Expected<engine::ClassifyRestJob::Done>(engine::Error::make(
                                    engine::ErrorCode::Cancelled, tr("Classifying was stopped.")));
        qCInfo(lcClassifyRestRunner) << "done with" << m_projectPath
                                     << (done ? "" : qPrintable(done.error().message));
        Q_EMIT runningChanged(false);
        if (!done && done.error().code != engine::ErrorCode::Cancelled) {
            Q_EMIT status(QString(), 0);
            Q_EMIT failed(tr("Could not classify the rest: %1").arg(done.error().message));
        } else if (!done) {
            // The labels shown stay those of the model shown; the other model's batches are kept.
            Q_EMIT status(tr("Classifying was stopped; the images done keep their labels."), 10000);
        } else {
            Q_EMIT status(engine::ClassifyRestJob::summary(*done), 15000);
            Q_EMIT labelled(m_projectPath, done->modelSha256);
        }
    });
}

ClassifyRestRunner::~ClassifyRestRunner()
{
    // The job holds the project open: stop it and wait for the batch under way.
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool ClassifyRestRunner::start(const QString &projectPath, const engine::ClassifyRestJob::Options &options)
{
    if (isRunning() || !m_loader)
        return false;
    m_projectPath = projectPath;
    Q_EMIT status(tr("Loading the model to classify the rest…"), 0);
    m_watcher.setFuture(engine::ClassifyRestJob::start(projectPath, m_loader, options));
    Q_EMIT runningChanged(true);
    return true;
}

void ClassifyRestRunner::stop()
{
    if (isRunning())
        m_watcher.cancel();
}

} // namespace taglens::ui
