// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace taglens::engine {

/// When the handler of a future that is already finished runs.
enum class Delivery
{
    AtOnceIfReady, ///< before whenFinished() returns (a plan that needs no login starts at once)
    Queued,        ///< always from the event loop: the caller's signals come after it returns
};

/// Calls handler(result) on \a context's thread once \a future has a result; never if the
/// context goes first or the future is cancelled without one. A future that is already finished
/// is handled as \a delivery says. One place for both cases, with no result-less call when the
/// future is cancelled.
template <typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler handler,
                  Delivery delivery = Delivery::AtOnceIfReady)
{
    if (future.isFinished() && delivery == Delivery::AtOnceIfReady) {
        if (future.resultCount() > 0)
            handler(future.result());
        return;
    }
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::move(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             handler(watcher->future().result());
                     });
    watcher->setFuture(future);
}

} // namespace taglens::engine
