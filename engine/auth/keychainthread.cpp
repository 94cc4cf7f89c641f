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

} // namespace taglens::engine
