// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "harvestinput.h"
#include "harvestplan.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>

namespace taglens::engine {

/// Turns what a person typed, dropped or passed on the command line into a plan, or refuses it
/// with the reason: the one place that knows what each source needs. The desktop app and the
/// CLI both call it, so a tag, an instance or a folder is accepted or refused the same way.
///
/// Refusals: InvalidArgument (no tag, a malformed tag or instance, a limit out of range, more
/// than one collection, an unknown Instagram edge, no address that can be fetched) and NotFound
/// (a local path that does not exist). Nothing is read but the local paths' existence.
class HarvestPlanner
{
    Q_DECLARE_TR_FUNCTIONS(HarvestPlanner)

public:
    HarvestPlanner() = delete;

    static Expected<HarvestPlan> plan(const HarvestInput &input);
    /// plan() for each input, on a pool thread (a local path's existence is a question for the
    /// disk, which a window does not wait for). One result per input, in order.
    static QFuture<QList<Expected<HarvestPlan>>> planInBackground(const QList<HarvestInput> &inputs);

    /// What a drop of \a paths and \a urls harvests into \a collection: one harvest reads one
    /// kind of source, so the files and folders first, then the addresses (as many inputs as
    /// there are kinds, in that order; none for an empty drop).
    static QList<HarvestInput> dropInputs(const QStringList &paths, const QList<QUrl> &urls,
                                          const QString &collection);
};

} // namespace taglens::engine
