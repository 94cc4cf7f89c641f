// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresstext.h"

#include <QCoreApplication>

namespace taglens::engine {

QString ProgressText::describe(const HarvestProgress &p)
{
    return QCoreApplication::translate("ProgressText",
                                       "#%1 (%2 of %3): %4 classified, %5 skipped, %6 failed, %7 posts · "
                                       "%8 images/s · ETA %9")
        .arg(p.tag)
        .arg(p.tagIndex + 1)
        .arg(p.tagCount)
        .arg(p.ok)
        .arg(p.skipped)
        .arg(p.failed)
        .arg(p.postsSeen)
        .arg(p.imagesPerSecond, 0, 'f', 1)
        .arg(duration(p.etaSeconds));
}

QString ProgressText::duration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e9) // negative, NaN or absurd: not known
        return QStringLiteral("–");
    const qint64 s = qint64(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace taglens::engine
