// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "mediaitem.h"
#include "post.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// Reads the Graph API's answers for Instagram hashtag search: `ig_hashtag_search` and the pages
/// of `/{hashtag-id}/recent_media` and `/top_media` (IG Media objects with
/// id, media_type, media_url, permalink, caption, timestamp and children{media_type,media_url}).
///
/// Pure functions. Hostile or broken input never crashes and never throws:
/// - a body that is not JSON (or nested too deeply for Qt's parser), not an object, or has no
///   `data` array is an error for the whole answer;
/// - a media object that is not an object or has no usable id is an error for that object only
///   (the caller skips it with a warning);
/// - other missing or mistyped fields read as absent; URLs that are not http(s) are dropped;
/// - past MaxMediaPerPage objects a page is cut, past MaxChildren a carousel is cut (warnings
///   say so).
///
/// Media become MediaItems as the pipeline expects them: IMAGE → "image", VIDEO → "video"
/// (skipped by the pipeline), CAROUSEL_ALBUM → one item per child, anything else → "unknown".
/// An image without media_url (copyrighted audio, downloads turned off) gets a skipReason.
class InstagramMediaParser
{
    Q_DECLARE_TR_FUNCTIONS(InstagramMediaParser)

public:
    /// Objects read from one page; the API sends at most 50.
    static constexpr int MaxMediaPerPage = 500;
    /// Children read from one carousel; Instagram allows 20.
    static constexpr int MaxChildren = 50;
    /// Longest id accepted (Graph ids are decimal numbers of about 17 digits).
    static constexpr qsizetype MaxIdLength = 64;
    /// Captions are cut here (Instagram allows 2,200 characters).
    static constexpr qsizetype MaxCaptionLength = qsizetype{16} * 1024;
    /// Hashtags kept per post.
    static constexpr int MaxTagsPerPost = 64;
    /// Post::source and Post::instance of every Instagram post.
    static QString sourceName();
    static QString instanceName();

    /// One page of media: its objects and where the next one starts.
    struct Page
    {
        QJsonArray media;    ///< the `data` array (cut at MaxMediaPerPage)
        QString afterCursor; ///< paging.cursors.after, or the `after` of paging.next
        QUrl next;           ///< paging.next when it is an http(s) URL
        int cutOff = 0;      ///< objects beyond MaxMediaPerPage that were dropped
    };

    InstagramMediaParser() = delete;

    /// The hashtag id from `ig_hashtag_search` (`{"data":[{"id":"17843857450040591"}]}`);
    /// NotFound when data is empty. \a tag names the tag in messages.
    static Expected<QString> parseHashtagSearch(const QByteArray &body, const QString &tag);
    /// A page of recent_media or top_media. \a what names it in messages ("#cats on Instagram").
    static Expected<Page> parsePage(const QByteArray &body, const QString &what);
    /// One IG Media object as a Post. \a warnings collects notes about parts dropped.
    static Expected<Post> parseMedia(const QJsonValue &media, QStringList *warnings = nullptr);
    /// The media items of one IG Media object (one, or one per carousel child).
    static QList<MediaItem> mediaItems(const QJsonObject &media, const QString &mediaId,
                                       QStringList *warnings);
    /// "2024-05-01T12:34:56+0000" (the Graph API's format) and other ISO 8601 forms, as UTC;
    /// invalid when unreadable.
    static QDateTime parseTimestamp(const QJsonValue &value);
    /// The hashtags in a caption, lower-case, without '#', each once, in order.
    static QStringList hashtagsIn(const QString &caption);
    /// The reason given to an image Instagram sends without media_url.
    static QString noMediaUrlReason();
};

} // namespace taglens::engine
