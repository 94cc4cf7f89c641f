// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

namespace taglens::engine {

/// How many media items are in each state (for one tag or a whole project).
struct StatusCounts
{
    int pending = 0;
    int ok = 0;
    int skipped = 0;
    int failed = 0;

    int total() const { return pending + ok + skipped + failed; }

    friend bool operator==(const StatusCounts &, const StatusCounts &) = default;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::StatusCounts)
