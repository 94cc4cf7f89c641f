// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokenstore.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <type_traits>

namespace taglens::engine {

/// The one thread that talks to the keychain for callers that must not wait for it (the GUI):
/// each job gets a TokenStore of its own there, on the same settings file and service, and
/// QtKeychain's wait happens on that thread. The Secret Service is asked one question at a time.
class KeychainThread
{
public:
    KeychainThread() = delete;

    /// Runs job(store) on the keychain thread; the future holds what it returns.
    template <typename Job>
    static auto run(const QString &settingsFile, const QString &service, Job job)
        -> QFuture<std::invoke_result_t<Job, TokenStore &>>
    {
        return QtConcurrent::run(&pool(), [settingsFile, service, job = std::move(job)]() mutable {
            TokenStore store(settingsFile);
            if (!service.isEmpty())
                store.setService(service);
            return job(store);
        });
    }

private:
    static QThreadPool &pool();
};

} // namespace taglens::engine
