// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "../core/sourcekind.h"
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

/// The one state a front end reports at the end: HarvestEnd, refined by how the tags' sources did.
enum class HarvestVerdict
{
    Finished,       ///< every tag's source was read (some may have had no posts)
    SomeTagsFailed, ///< finished, but the source of some tags failed and others were read
    NoTagHarvested, ///< finished, but the source of every tag failed: nothing was harvested
    Cancelled,      ///< stopped by the user
    Failed,         ///< the model, the project or the plan failed: HarvestOutcome::error
};

/// What a harvest reports when it ends.
struct HarvestOutcome
{
    HarvestEnd end = HarvestEnd::Finished;
    QList<TagSummary> summaries; ///< the tags that ran, in order (a cancelled tag as far as it got)
    Error error;                 ///< set when end is Failed
    SourceKind source = SourceKind::Mastodon; ///< where the tags' posts came from

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
    bool anySourceFailed() const { return sourceFailures() > 0; }
    /// Tags whose source stopped with an error.
    int sourceFailures() const
    {
        int n = 0;
        for (const TagSummary &s : summaries)
            n += s.sourceFailed ? 1 : 0;
        return n;
    }
    /// The one end state to report (see HarvestVerdict).
    HarvestVerdict verdict() const
    {
        switch (end) {
        case HarvestEnd::Cancelled:
            return HarvestVerdict::Cancelled;
        case HarvestEnd::Failed:
            return HarvestVerdict::Failed;
        case HarvestEnd::Finished:
            break;
        }
        const int failures = sourceFailures();
        if (failures == 0)
            return HarvestVerdict::Finished;
        return failures == summaries.size() ? HarvestVerdict::NoTagHarvested : HarvestVerdict::SomeTagsFailed;
    }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HarvestOutcome)
