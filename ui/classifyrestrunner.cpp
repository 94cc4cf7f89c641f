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
            Q_EMIT status(tr("Classifying %1 of %n image(s)…", nullptr, total).arg(done));
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
        Q_EMIT finished(m_projectPath, done);
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
    Q_EMIT status(tr("Loading the model to classify the rest…"));
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
