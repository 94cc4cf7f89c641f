// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectreadpool.h"

#include "projectstore.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <memory>

Q_LOGGING_CATEGORY(lcProjectReadPool, "taglens.engine.store.readpool")

namespace taglens::engine {

namespace {

QAtomicInteger<quint64> poolCounter;

// The connection of this pool thread. A thread belongs to one pool for its whole life, and the
// store is destroyed on this thread when the thread ends, as Qt SQL wants.
struct ThreadConnection
{
    quint64 pool = 0;
    std::unique_ptr<ProjectStore> store;
    QString error;
};
thread_local ThreadConnection t_connection;

} // namespace

ProjectReadPool::ProjectReadPool(const QString &path, int threads)
    : m_path(path), m_id(poolCounter.fetchAndAddRelaxed(1) + 1)
{
    m_pool.setMaxThreadCount(qMax(1, threads));
    m_pool.setExpiryTimeout(10000); // idle threads end, and close their connections
    m_pool.setObjectName(QStringLiteral("project-readers"));
}

ProjectReadPool::~ProjectReadPool()
{
    m_pool.clear();
    m_pool.waitForDone(); // also ends the threads, which closes their connections
}

ProjectReadPool::Connection ProjectReadPool::connection(const QString &path, quint64 poolId)
{
    ThreadConnection &c = t_connection;
    if (c.pool != poolId) {
        c.store.reset();
        c.pool = poolId;
        auto opened = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        if (opened) {
            c.store = std::move(*opened);
            c.error.clear();
        } else {
            c.error = opened.error().message;
            qCWarning(lcProjectReadPool).noquote() << "cannot read the project:" << c.error;
        }
    }
    return {c.store.get(), c.error};
}

} // namespace taglens::engine
