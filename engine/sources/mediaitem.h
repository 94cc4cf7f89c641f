// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace taglens::engine {

/// One attachment of a post, as a source reports it (Mastodon's MediaAttachment and its kin).
struct MediaItem
{
    QString remoteId;
    QString type;       ///< "image", "gifv", "video", "audio", "unknown" (Mastodon's names)
    QUrl url;           ///< the full-size file
    QUrl previewUrl;    ///< a small version, when the source offers one
    QUrl remoteUrl;     ///< the original on the author's instance, for federated posts
    QString altText;    ///< the author's description
    int width = 0;      ///< from the source's metadata, when it says (0 = unknown)
    int height = 0;
    QString localPath;  ///< for local sources: the file on disk (url is then a file:// URL)
    /// Set by a source that already knows the item cannot be fetched (e.g. Instagram gives no
    /// media_url for it): the pipeline marks it `skipped` with this reason.
    QString skipReason;

    /// Only still images are classified; everything else ends as `skipped`.
    bool isClassifiable() const { return type == QLatin1String("image"); }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::MediaItem)
