// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/sources/hashtagledger.h"

#include <QDateTime>
#include <QString>

namespace taglens::tests {

/// Makes a hashtag ledger at \a path in which \a userId searched \a searched distinct tags
/// ("old0", "old1", …) an hour ago. False when it cannot be written. (Header-only: the tests that
/// use it link the engine.)
inline bool writeLedger(const QString &path, const QString &userId, int searched)
{
    auto ledger = engine::HashtagLedger::open(path);
    if (!ledger)
        return false;
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (int i = 0; i < searched; ++i) {
        if (!(*ledger)->record(userId, QStringLiteral("old%1").arg(i), hourAgo.addSecs(i)))
            return false;
    }
    return true;
}

} // namespace taglens::tests
