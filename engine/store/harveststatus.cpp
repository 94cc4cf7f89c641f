// SPDX-License-Identifier: GPL-3.0-or-later
#include "harveststatus.h"

namespace taglens::engine {

QString harvestStatusName(HarvestStatus status)
{
    switch (status) {
    case HarvestStatus::Running:
        return QStringLiteral("running");
    case HarvestStatus::Completed:
        return QStringLiteral("completed");
    case HarvestStatus::Cancelled:
        return QStringLiteral("cancelled");
    case HarvestStatus::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

HarvestStatus harvestStatusFromName(const QString &name)
{
    if (name == QLatin1String("running"))
        return HarvestStatus::Running;
    if (name == QLatin1String("completed"))
        return HarvestStatus::Completed;
    if (name == QLatin1String("cancelled"))
        return HarvestStatus::Cancelled;
    return HarvestStatus::Failed;
}

} // namespace taglens::engine
