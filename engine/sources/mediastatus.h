// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// Every media item ends with exactly one of these; nothing is dropped silently.
enum class MediaStatus {
    Pending, ///< known, not processed yet (a harvest that was interrupted resumes these)
    Ok,      ///< downloaded, decoded and classified
    Skipped, ///< not a still image (video, gifv, audio, unknown) or no URL to fetch
    Failed,  ///< with a reason: HTTP status, timeout, too large, not an image, decode error, bomb
};

QString mediaStatusName(MediaStatus status);
MediaStatus mediaStatusFromName(const QString &name);

} // namespace taglens::engine
