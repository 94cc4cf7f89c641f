// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/sourcekind.h"
#include "engine/net/retrynotice.h"
#include "engine/pipeline/harvestoutcome.h"
#include "engine/pipeline/harvestprogress.h"
#include "harvestendtext.h"

#include <QCoreApplication>
#include <QString>

namespace taglens::engine {

/// How a running harvest is described to a person: the progress strip of the desktop app and
/// the CLI's progress line say the same thing.
class ProgressText
{
    Q_DECLARE_TR_FUNCTIONS(ProgressText)

public:
    ProgressText() = delete;

    /// "#cats (1 of 2): 40 classified, 2 skipped, 1 failed, 30 posts · 7.5 images/s · ETA 0:21";
    /// while a request waits to be retried, "#cats (1 of 2): " and retrying().
    static QString describe(const HarvestProgress &progress);
    /// "The connection was refused. Retrying (2 of 5) in 4 s…"
    static QString retrying(const RetryNotice &notice);
    /// "0:21", "1:02:03"; "–" when unknown (negative).
    static QString duration(double seconds);

    /// What is worth saying about how a tag ended besides its counts: "#empty has no posts on
    /// this instance.", "#cats has 3 post(s), none with a still image."; empty otherwise.
    static QString tagNote(const TagSummary &summary, SourceKind source);
    /// The status line and the problems for the end of a harvest: one clear end state (a
    /// harvest that reached none of its sources does not say "finished").
    static HarvestEndText describeEnd(const HarvestOutcome &outcome);
};

} // namespace taglens::engine
