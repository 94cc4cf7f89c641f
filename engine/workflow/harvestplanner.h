// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "harvestinput.h"
#include "harvestplan.h"

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
public:
    HarvestPlanner() = delete;

    static Expected<HarvestPlan> plan(const HarvestInput &input);
};

} // namespace taglens::engine
