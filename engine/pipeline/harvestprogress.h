// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"

#include <QMetaType>
#include <QString>

namespace taglens::engine {

/// Where a harvest stands, for progress bars and summaries. Counts are for this run, except
/// `ok`, which includes items an earlier, interrupted run of the same harvest already finished.
struct HarvestProgress
{
    QString tag;             ///< the tag being harvested now
    int tagIndex = 0;        ///< 0-based, of tagCount
    int tagCount = 0;
    int postsSeen = 0;       ///< posts under this tag, this run
    int ok = 0;              ///< images classified under this tag (earlier runs included)
    int skipped = 0;
    int failed = 0;
    int inFlight = 0;        ///< downloading, decoding or waiting for the model
    int limit = 0;
    double imagesPerSecond = 0; ///< over the whole run
    double etaSeconds = -1;     ///< for this tag; -1 when unknown
};

/// How one tag ended.
struct TagSummary
{
    QString tag;
    int postsSeen = 0;
    int ok = 0;
    int skipped = 0;
    int failed = 0;
    bool sourceFailed = false; ///< the source stopped with an error (e.g. unknown tag, needs login)
    Error error;               ///< why, when sourceFailed
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HarvestProgress)
Q_DECLARE_METATYPE(taglens::engine::TagSummary)
