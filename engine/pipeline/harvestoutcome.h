// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "harvestprogress.h"

#include <QList>
#include <QMetaType>

namespace taglens::engine {

/// How a harvest ended. Stopping is not a failure, and a tag whose source failed (an unknown
/// tag, a login needed) does not fail the harvest: its TagSummary says so.
enum class HarvestEnd
{
    Finished,  ///< every tag ran until its limit or the end of its source
    Cancelled, ///< stopped by the user; what is done is kept and running it again resumes
    Failed,    ///< the project could not be opened or written: HarvestOutcome::error says why
};

/// What a harvest reports when it ends.
struct HarvestOutcome
{
    HarvestEnd end = HarvestEnd::Finished;
    QList<TagSummary> summaries; ///< the tags that ran, in order (a cancelled tag as far as it got)
    Error error;                 ///< set when end is Failed

    static HarvestOutcome finished(QList<TagSummary> summaries)
    {
        return HarvestOutcome{HarvestEnd::Finished, std::move(summaries), {}};
    }
    static HarvestOutcome cancelled(QList<TagSummary> summaries)
    {
        return HarvestOutcome{HarvestEnd::Cancelled, std::move(summaries), {}};
    }
    static HarvestOutcome failed(Error error, QList<TagSummary> summaries = {})
    {
        return HarvestOutcome{HarvestEnd::Failed, std::move(summaries), std::move(error)};
    }

    /// Images that ended `ok` in the tags that ran.
    int ok() const
    {
        int n = 0;
        for (const TagSummary &s : summaries)
            n += s.ok;
        return n;
    }
    /// Whether a tag's source stopped with an error.
    bool anySourceFailed() const
    {
        for (const TagSummary &s : summaries) {
            if (s.sourceFailed)
                return true;
        }
        return false;
    }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HarvestOutcome)
