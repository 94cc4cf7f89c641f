// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "instagrambudget.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QString>
#include <QStringList>
#include <QThread>
#include <memory>

namespace taglens::engine {

/// The Instagram budget on a thread of its own, for a window: opening the ledger (an SQLite
/// file), reading where an account stands, checking a plan and recording searches never run on
/// the caller's thread. The rules are InstagramBudget's; this only moves them off the GUI thread.
///
/// Calls run in the order made, after the open() before them. budget() is the InstagramBudget
/// itself once open, for HarvestSession::setBudget(): its sourceFactory() may be called from any
/// thread and its sources record their searches on the budget's thread.
class BackgroundInstagramBudget : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundInstagramBudget(QObject *parent = nullptr);
    /// Closes the ledger on its thread and waits for the thread.
    ~BackgroundInstagramBudget() override;

    /// Opens the ledger at \a ledgerPath (empty: HashtagLedger::defaultPath()) instead of the one
    /// open before; opened() tells how it went.
    void open(const QString &ledgerPath);
    QString ledgerPath() const { return m_path; }
    /// The open budget (nullptr before open() has answered or when it failed).
    InstagramBudget *budget() const { return m_budget; }

    [[nodiscard]] QFuture<Expected<InstagramBudget::Standing>> standing(const QString &userId);
    /// InstagramBudget::admit(); Io when the ledger could not be opened.
    [[nodiscard]] QFuture<Expected<void>> admit(const QString &userId, const QStringList &tags);

Q_SIGNALS:
    /// The ledger at ledgerPath() is open (or could not be: the error says why).
    void opened(const taglens::engine::Expected<void> &result);
    /// A search was recorded: what standing() says may have changed.
    void changed();
    /// A search could not be recorded: the harvest goes on.
    void recordFailed(const taglens::engine::Error &error);

private:
    /// Runs job(budget) on the budget's thread (budget nullptr: the ledger is not open, and
    /// openError says why); the future holds what it returns.
    template <typename Job>
    auto onThread(Job job) -> QFuture<std::invoke_result_t<Job, InstagramBudget *, const Error &>>
    {
        using Result = std::invoke_result_t<Job, InstagramBudget *, const Error &>;
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_context,
            [this, promise, job = std::move(job)]() mutable {
                promise->addResult(job(m_threadBudget.get(), m_openError));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    QThread m_thread;
    QObject *m_context; // lives on m_thread
    // Touched on m_thread only:
    std::unique_ptr<InstagramBudget> m_threadBudget;
    Error m_openError;
    // The caller's side:
    QString m_path;
    QPointer<InstagramBudget> m_budget;
    int m_opening = 0;
};

} // namespace taglens::engine
