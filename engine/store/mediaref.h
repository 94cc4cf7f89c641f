// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../sources/mediastatus.h"

#include <QtGlobal>

namespace taglens::engine {

/// A stored media row as the harvest pipeline needs it: which attachment, and whether it is done.
struct MediaRef
{
    qint64 id = 0; ///< the row id, for markOk() / markSkipped() / markFailed()
    int index = 0; ///< the position in Post::media
    MediaStatus status = MediaStatus::Pending;

    /// True when an earlier run already settled this item; a resumed harvest leaves it alone.
    bool isDone() const { return status != MediaStatus::Pending; }
};

} // namespace taglens::engine
