// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pipeline/harvestoutcome.h"

#include <QString>
#include <QStringList>

namespace taglens::engine {

/// How the end of a harvest is told (ProgressText::describeEnd): one status line, and the
/// problems a person must see, one a line.
struct HarvestEndText
{
    HarvestVerdict verdict = HarvestVerdict::Finished;
    QString status;       ///< "Harvest finished: 12 image(s) classified.", "Harvest failed: …"
    QStringList problems; ///< "#cats: Could not fetch …"; empty when there were none
};

} // namespace taglens::engine
