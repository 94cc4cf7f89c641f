// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainthread.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <atomic>

namespace taglens::engine {

namespace {

thread_local bool onKeychainThread = false;
std::atomic<int> waitsOfMainThread{0};

QThreadPool &keychainPool()
{
    // One thread that never expires: QtKeychain's queue stays on the thread it was made on.
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(1);
        pool.setExpiryTimeout(-1);
        pool.setObjectName(QStringLiteral("taglens-keychain"));
        return true;
    }();
    Q_UNUSED(configured)
    return pool;
}

} // namespace

void KeychainThread::post(std::function<void()> task)
{
    // start(), not QtConcurrent::run(): a QtConcurrent future's waitForFinished() may run the
    // task on the waiting thread, which is exactly what must not happen here.
    keychainPool().start([task = std::move(task)] {
        onKeychainThread = true;
        task();
        onKeychainThread = false;
    });
}

bool KeychainThread::isCurrent()
{
    return onKeychainThread;
}

int KeychainThread::mainThreadWaits()
{
    return waitsOfMainThread.load();
}

void KeychainThread::noteWait()
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        ++waitsOfMainThread;
}

} // namespace taglens::engine
