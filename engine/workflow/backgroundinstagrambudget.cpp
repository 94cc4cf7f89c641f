// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundinstagrambudget.h"

#include "engine/core/whenfinished.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBackgroundBudget, "taglens.engine.workflow.budget")

namespace taglens::engine {

BackgroundInstagramBudget::BackgroundInstagramBudget(QObject *parent)
    : QObject(parent), m_context(new QObject),
      m_openError(Error::make(ErrorCode::Io, tr("The hashtag ledger is not open yet.")))
{
    m_thread.setObjectName(QStringLiteral("taglens-budget"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

BackgroundInstagramBudget::~BackgroundInstagramBudget()
{
    // The ledger's SQLite connection closes on the thread that opened it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_threadBudget.reset();
            delete m_context;
        },
        Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundInstagramBudget::open(const QString &ledgerPath)
{
    m_path = ledgerPath;
    m_budget = nullptr;
    const int opening = ++m_opening;
    auto answer =
        onThread([this, ledgerPath](InstagramBudget *, const Error &) -> Expected<InstagramBudget *> {
            m_threadBudget.reset();
            auto budget = InstagramBudget::open(ledgerPath);
            if (!budget) {
                m_openError = budget.error();
                return budget.error();
            }
            m_threadBudget = std::move(*budget);
            return m_threadBudget.get();
        });
    whenFinished(answer, this, [this, opening](const Expected<InstagramBudget *> &budget) {
        if (opening != m_opening)
            return; // another open() came since; its answer counts
        if (!budget) {
            qCWarning(lcBackgroundBudget) << "the hashtag ledger cannot be opened:" << budget.error().message;
            Q_EMIT opened(budget.error());
            return;
        }
        m_budget = *budget;
        connect(m_budget, &InstagramBudget::changed, this, &BackgroundInstagramBudget::changed);
        connect(m_budget, &InstagramBudget::recordFailed, this, &BackgroundInstagramBudget::recordFailed);
        Q_EMIT opened(Expected<void>());
    });
}

QFuture<Expected<InstagramBudget::Standing>> BackgroundInstagramBudget::standing(const QString &userId)
{
    return onThread([userId](InstagramBudget *budget, const Error &openError) {
        return budget ? budget->standing(userId) : Expected<InstagramBudget::Standing>(openError);
    });
}

QFuture<Expected<void>> BackgroundInstagramBudget::admit(const QString &userId, const QStringList &tags)
{
    return onThread([userId, tags](InstagramBudget *budget, const Error &openError) {
        return budget ? budget->admit(userId, tags) : Expected<void>(openError);
    });
}

} // namespace taglens::engine
