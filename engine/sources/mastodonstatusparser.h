// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "mediaitem.h"
#include "post.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// Reads Mastodon's Status and MediaAttachment entities (which Pixelfed also serves) into Posts.
///
/// Hostile or broken input never crashes and never throws:
/// - a page that is not JSON, or JSON that is not an array, is an error (the whole page is
///   unusable);
/// - a status that is not an object or has no id is skipped: parseStatus() returns an error that
///   the caller logs;
/// - anything else missing or of the wrong type is read as absent (empty text, no date, no
///   author); URLs that are not http(s) are dropped, absurd dimensions read as unknown (0);
/// - every media attachment becomes a MediaItem, even a malformed one (type "unknown"), so the
///   pipeline accounts for it; past MaxMediaPerStatus the rest are dropped with a warning.
/// A reblog is read as the status it reblogs.
class MastodonStatusParser
{
    Q_DECLARE_TR_FUNCTIONS(MastodonStatusParser)

public:
    /// More attachments than any server allows (Mastodon 4, Pixelfed 20 by default).
    static constexpr int MaxMediaPerStatus = 64;
    /// Widths and heights beyond this are nonsense and read as unknown.
    static constexpr int MaxDimension = 1 << 20;

    MastodonStatusParser() = delete;

    /// The statuses of a timeline page. \a what names the page in error messages
    /// ("#cats on https://mastodon.social").
    static Expected<QJsonArray> parsePage(const QByteArray &body, const QString &what);

    /// One status. \a source is "mastodon" or "pixelfed", \a instance the instance URL.
    /// \a warnings collects notes about parts that were dropped.
    static Expected<Post> parseStatus(const QJsonValue &status, const QString &source,
                                      const QString &instance, QStringList *warnings = nullptr);

    /// One media attachment; never fails (a malformed one is type "unknown").
    static MediaItem parseMedia(const QJsonValue &attachment);
};

} // namespace taglens::engine
