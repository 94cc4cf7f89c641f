// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "../net/retrynotice.h"

#include <QMetaType>
#include <QString>
#include <optional>

namespace taglens::engine {

/// Where a harvest stands, for progress bars and summaries. Counts are for this run, except
/// `ok`, which includes items an earlier, interrupted run of the same harvest already finished.
struct HarvestProgress
{
    QString tag;      ///< the tag being harvested now
    int tagIndex = 0; ///< 0-based, of tagCount
    int tagCount = 0;
    int postsSeen = 0; ///< posts under this tag, this run
    int ok = 0;        ///< images classified under this tag (earlier runs included)
    int skipped = 0;
    int failed = 0;
    int inFlight = 0; ///< downloading, decoding or waiting for the model
    int limit = 0;
    double imagesPerSecond = 0; ///< over the whole run
    double etaSeconds = -1;     ///< for this tag; -1 when unknown
    /// Set while a request waits to be tried again and nothing has arrived since; cleared when
    /// posts or an item's result arrive.
    std::optional<RetryNotice> retry;
};

/// How one tag ended.
struct TagSummary
{
    QString tag;
    int postsSeen = 0;      ///< posts stored under this tag, this run
    int postsDelivered = 0; ///< posts the source gave this run, stored or not (beyond the limit)
    int ok = 0;
    int skipped = 0;
    int failed = 0;
    bool sourceExhausted = false; ///< the source ran out of posts (rather than the limit being reached)
    bool sourceFailed = false;    ///< the source stopped with an error (e.g. unknown tag, needs login)
    Error error;                  ///< why, when sourceFailed

    /// The source was read to its end and had no post at all under this tag.
    bool hasNoPosts() const { return !sourceFailed && sourceExhausted && postsDelivered == 0; }
    /// Posts came, but none brought an image that was classified or failed: text only, or only
    /// videos and other media that are not still images.
    bool hasNoImages() const { return !sourceFailed && postsSeen > 0 && ok == 0 && failed == 0; }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HarvestProgress)
Q_DECLARE_METATYPE(taglens::engine::TagSummary)
