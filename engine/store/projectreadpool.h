// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/qtconcurrenttask.h>
#include <type_traits>
#include <utility>

namespace taglens::engine {

class ProjectStore;

/// Threads that read one project off the GUI thread. Qt SQL connections belong to the thread
/// that opened them, so each thread opens its own read-only ProjectStore on the project the
/// first time it runs a job, and closes it when the thread ends: when the pool is destroyed
/// (after the running jobs; queued ones are dropped) or after a while without jobs.
///
/// Make a new pool for another project: a connection is never pointed at another file, so a
/// project saved over an old one at the same path is not read through a stale connection.
class ProjectReadPool
{
public:
    ProjectReadPool(const QString &path, int threads);
    ~ProjectReadPool();
    ProjectReadPool(const ProjectReadPool &) = delete;
    ProjectReadPool &operator=(const ProjectReadPool &) = delete;

    QString path() const { return m_path; }

    /// Runs job(store, error) on a pool thread with that thread's connection (nullptr, and why,
    /// when the project cannot be opened there). Jobs with a higher \a priority start first.
    template <typename Job>
    auto run(Job job, int priority = 0)
        -> QFuture<std::invoke_result_t<Job, const ProjectStore *, const QString &>>
    {
        return QtConcurrent::task([path = m_path, id = m_id, job = std::move(job)]() mutable {
                   const Connection &c = connection(path, id);
                   return job(static_cast<const ProjectStore *>(c.store), c.error);
               })
            .onThreadPool(m_pool)
            .withPriority(priority)
            .spawn();
    }

    /// Drops the jobs that have not started (their futures are cancelled).
    void clear() { m_pool.clear(); }
    /// Whether a job is running.
    bool isBusy() const { return m_pool.activeThreadCount() > 0; }

private:
    struct Connection
    {
        ProjectStore *store = nullptr;
        QString error;
    };
    static Connection connection(const QString &path, quint64 poolId);

    QString m_path;
    quint64 m_id;
    QThreadPool m_pool;
};

} // namespace taglens::engine
