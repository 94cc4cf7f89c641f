// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pipeline/harvestprogress.h"

#include <QString>

namespace taglens::engine {

/// How a running harvest is described to a person: the progress strip of the desktop app and
/// the CLI's progress line say the same thing.
class ProgressText
{
public:
    ProgressText() = delete;

    /// "#cats (1 of 2): 40 classified, 2 skipped, 1 failed, 30 posts · 7.5 images/s · ETA 0:21"
    static QString describe(const HarvestProgress &progress);
    /// "0:21", "1:02:03"; "–" when unknown (negative).
    static QString duration(double seconds);
};

} // namespace taglens::engine
