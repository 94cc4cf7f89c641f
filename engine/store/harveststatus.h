// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// How a harvest ended. A harvest that is still `Running` in a project nobody has open was
/// interrupted (crash, kill -9, power cut); running the same harvest again resumes it.
enum class HarvestStatus
{
    Running,
    Completed, ///< every post was seen and every media item has its final status
    Cancelled, ///< the user stopped it; what was done is kept
    Failed,    ///< a fatal error stopped it (the message went to the user, not into the project)
};

/// The stable name stored in the project and written into exports: "running", "completed", …
QString harvestStatusName(HarvestStatus status);
/// The inverse of harvestStatusName(); unknown names read as Failed.
HarvestStatus harvestStatusFromName(const QString &name);

} // namespace taglens::engine
