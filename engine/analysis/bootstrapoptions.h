// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace taglens::engine {

/// How the intervals of shares are resampled (ClusterBootstrap). The seed and the number of
/// replicates travel in every export's record, so a reader can reproduce each interval.
struct BootstrapOptions
{
    int replicates = 1000;   ///< 0: no resampling, and no intervals
    quint64 seed = 20081001; ///< the stream of each tag is this seed mixed with the tag's name
    double level = 0.95;     ///< the intervals' coverage
};

} // namespace taglens::engine
