// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keychainplace.h"
#include "tokenstore.h"

#include <QFuture>
#include <QPromise>
#include <functional>
#include <memory>
#include <type_traits>

namespace taglens::engine {

/// The one thread of the process that talks to the keychain.
///
/// QtKeychain keeps one job queue per process, not thread-safe, that lives on the thread of the
/// first job and finishes each job through that thread's events. So every keychain job of the
/// process runs here, on a thread that lives as long as the process: a TokenStore called from any
/// other thread hands its jobs over and waits (fine for the command line and worker threads),
/// and callers that must not wait (the GUI thread) run their whole step here with run() and
/// continue when the future is ready.
class KeychainThread
{
public:
    KeychainThread() = delete;

    /// Runs fn() on the keychain thread; the future holds what it returns. Jobs run one after
    /// another in the order given. A future that is never run (the process ends first) is
    /// cancelled.
    template <typename Fn> static auto call(Fn fn) -> QFuture<std::invoke_result_t<Fn>>
    {
        using Result = std::invoke_result_t<Fn>;
        static_assert(!std::is_void_v<Result>, "return a value (Expected<void> for none)");
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        post([promise, fn = std::move(fn)]() mutable {
            promise->addResult(fn());
            promise->finish();
        });
        return future;
    }

    /// Runs job(store) on the keychain thread with a TokenStore of its own for \a place.
    template <typename Job>
    static auto run(const KeychainPlace &place, Job job) -> QFuture<std::invoke_result_t<Job, TokenStore &>>
    {
        return call([place, job = std::move(job)]() mutable {
            TokenStore store(place.settingsFile);
            if (!place.service.isEmpty())
                store.setService(place.service);
            return job(store);
        });
    }

    /// True on the keychain thread itself.
    static bool isCurrent();

    /// How often the application's main thread has waited for the keychain thread (a TokenStore
    /// call made there). The GUI never should: its tests check that this stays put.
    static int mainThreadWaits();
    /// Counts one such wait when the calling thread is the application's main thread.
    static void noteWait();

private:
    static void post(std::function<void()> task);
};

} // namespace taglens::engine
