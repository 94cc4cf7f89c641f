// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mediaitem.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// A post found under a hashtag, with its media. Text is plain text (HTML already stripped).
struct Post
{
    QString source;     ///< "mastodon", "pixelfed", "instagram", "local"
    QString instance;   ///< e.g. "https://mastodon.social"; the folder for local sources
    QString remoteId;   ///< the id on that instance (unique per source + instance)
    QUrl url;           ///< the post's public page
    QDateTime createdAt;
    QString author;     ///< account acct, e.g. "alice@example.org"
    QString text;       ///< content as plain text
    QStringList tags;   ///< the post's own hashtags, lower-case, without '#'
    QList<MediaItem> media;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::Post)
