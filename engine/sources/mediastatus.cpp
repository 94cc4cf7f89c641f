// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediastatus.h"

namespace taglens::engine {

QString mediaStatusName(MediaStatus status)
{
    switch (status) {
    case MediaStatus::Pending:
        return QStringLiteral("pending");
    case MediaStatus::Ok:
        return QStringLiteral("ok");
    case MediaStatus::Skipped:
        return QStringLiteral("skipped");
    case MediaStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("pending");
}

MediaStatus mediaStatusFromName(const QString &name)
{
    if (name == QLatin1String("ok"))
        return MediaStatus::Ok;
    if (name == QLatin1String("skipped"))
        return MediaStatus::Skipped;
    if (name == QLatin1String("failed"))
        return MediaStatus::Failed;
    return MediaStatus::Pending;
}

} // namespace taglens::engine
