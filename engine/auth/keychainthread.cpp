// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainthread.h"

namespace taglens::engine {

QThreadPool &KeychainThread::pool()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    pool.setExpiryTimeout(30000);
    return pool;
}

QFuture<QString> KeychainThread::probe(const QString &settingsFile, const QString &service)
{
    return run(settingsFile, service, [](TokenStore &store) {
        // Only a keychain call tells whether there is one; the answer itself does not matter.
        std::ignore = store.secret(QStringLiteral("taglens-keychain-check"));
        return store.keychainProblem();
    });
}

} // namespace taglens::engine
