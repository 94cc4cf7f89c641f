// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// Statuses in Mastodon's wire format (docs.joinmastodon.org, entities/Status and
/// MediaAttachment), shared by the parser and timeline tests.
namespace taglens::tests::mastodon {

/// A complete status as Mastodon 4 sends it; %ID%, %ACCT%, %TAG% and %MEDIA% are filled in.
inline constexpr char StatusTemplate[] = R"({
  "id": "%ID%",
  "created_at": "2024-05-04T12:34:56.789Z",
  "in_reply_to_id": null,
  "in_reply_to_account_id": null,
  "sensitive": false,
  "spoiler_text": "",
  "visibility": "public",
  "language": "en",
  "uri": "https://example.social/users/alice/statuses/%ID%",
  "url": "https://example.social/@alice/%ID%",
  "replies_count": 1,
  "reblogs_count": 2,
  "favourites_count": 5,
  "edited_at": null,
  "favourited": false,
  "reblogged": false,
  "muted": false,
  "bookmarked": false,
  "content": "<p>Sunny afternoon &amp; a nap <a href=\"https://example.social/tags/%TAG%\" class=\"mention hashtag\" rel=\"tag\">#<span>%TAG%</span></a><br />second line</p><p>More</p>",
  "filtered": [],
  "reblog": null,
  "application": {"name": "Web", "website": null},
  "account": {
    "id": "109302",
    "username": "alice",
    "acct": "%ACCT%",
    "display_name": "Alice",
    "locked": false,
    "bot": false,
    "discoverable": true,
    "group": false,
    "created_at": "2022-11-08T00:00:00.000Z",
    "note": "<p>Photos.</p>",
    "url": "https://example.social/@alice",
    "avatar": "https://files.example.social/accounts/avatars/alice.png",
    "avatar_static": "https://files.example.social/accounts/avatars/alice.png",
    "header": "https://example.social/headers/original/missing.png",
    "header_static": "https://example.social/headers/original/missing.png",
    "followers_count": 10,
    "following_count": 20,
    "statuses_count": 30,
    "last_status_at": "2024-05-04",
    "emojis": [],
    "fields": []
  },
  "media_attachments": [%MEDIA%],
  "mentions": [],
  "tags": [{"name": "%TAG%", "url": "https://example.social/tags/%TAG%"}, {"name": "Sunny", "url": "https://example.social/tags/sunny"}],
  "emojis": [],
  "card": null,
  "poll": null
})";

/// An image attachment as Mastodon sends it; %MID% is filled in.
inline constexpr char ImageTemplate[] = R"({
  "id": "%MID%",
  "type": "image",
  "url": "https://files.example.social/media_attachments/files/%MID%/original/cat.jpeg",
  "preview_url": "https://files.example.social/media_attachments/files/%MID%/small/cat.jpeg",
  "remote_url": null,
  "preview_remote_url": null,
  "text_url": null,
  "meta": {
    "original": {"width": 1200, "height": 800, "size": "1200x800", "aspect": 1.5},
    "small": {"width": 480, "height": 320, "size": "480x320", "aspect": 1.5},
    "focus": {"x": -0.1, "y": 0.2}
  },
  "description": "A ginger cat asleep in the sun",
  "blurhash": "UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}"
})";

inline QByteArray image(const QString &mediaId)
{
    return QString::fromUtf8(ImageTemplate).replace(QStringLiteral("%MID%"), mediaId).toUtf8();
}

inline QByteArray status(const QString &id, const QString &tag = QStringLiteral("cats"),
                         const QList<QByteArray> &media = {}, const QString &acct = QStringLiteral("alice"))
{
    QList<QByteArray> attachments = media;
    if (attachments.isEmpty())
        attachments.append(image(QStringLiteral("9%1").arg(id)));
    return QString::fromUtf8(StatusTemplate)
        .replace(QStringLiteral("%ID%"), id)
        .replace(QStringLiteral("%TAG%"), tag)
        .replace(QStringLiteral("%ACCT%"), acct)
        .replace(QStringLiteral("%MEDIA%"), QString::fromUtf8(attachments.join(",\n")))
        .toUtf8();
}

inline QByteArray page(const QList<QByteArray> &statuses)
{
    return '[' + QByteArrayList(statuses).join(",\n") + ']';
}

} // namespace taglens::tests::mastodon
