// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace taglens::tests {

/// What a MastodonStandIn serves: hashtags with their statuses and media, who may read them,
/// and the faults it injects. Built in C++ by tests, or read from JSON by taglens-standin
/// (the format is fromJson()'s; tests/standin/scenarios/ has examples).
struct MastodonStandInScenario
{
    /// What one media attachment is and how its file is served; after "→" the status a correct
    /// harvest gives it.
    enum class MediaKind
    {
        Photo,                ///< a distinct real photo (JPEG) → ok
        PngAsJpg,             ///< a PNG under a .jpg name, sent as image/jpeg → ok
        Duplicate,            ///< the bytes of the tag's nearest photo, under its own URL → ok
        Flaky,                ///< 503 on the first fetch, the photo after that → ok
        Video,                ///< type "video", MP4 bytes → skipped
        Gifv,                 ///< type "gifv", MP4 bytes → skipped
        Audio,                ///< type "audio", MP3 bytes → skipped
        Unknown,              ///< type "unknown", bytes of no known format → skipped
        NoUrl,                ///< type "image"; url, preview_url, remote_url null → skipped
        TruncatedJpeg,        ///< 60 % of a photo, complete as far as HTTP goes → failed: decode
        HtmlAsJpeg,           ///< an nginx error page, status 200, image/jpeg → failed: not an image
        DecompressionBomb,    ///< a sub-kilobyte PNG claiming 30000 × 30000 → failed: bomb
        Oversized,            ///< 26 MiB with Content-Length, made while sent → failed: too large
        OversizedUnannounced, ///< 26 MiB, no Content-Length (ends with the connection) → too large
        NotFound,             ///< 404 → failed: HTTP 404
        ServerError,          ///< 500 on every fetch → failed: HTTP 500
        Stalled,              ///< the head, then silence → failed: timeout
        ResetMidBody,         ///< half the body, then a TCP reset → failed: connection lost
    };

    /// Faults of one timeline page.
    enum class PageFault
    {
        MalformedJson,        ///< the page's JSON cut in the middle (status 200, same headers)
        ObjectInsteadOfArray, ///< {"error": ...} with status 200 instead of an array
        LinkLoop,             ///< rel="next" points back to the previous page
        RepeatPrevious,       ///< the page starts with the last half of the previous page again
    };

    struct Tag
    {
        QString name;
        int statuses = 20;      ///< statuses with media attachments
        int mediaPerStatus = 1; ///< 1 .. 4, as Mastodon allows
        int textOnly = 0;       ///< further statuses without media, spread between the others
        QStringList alsoTagged; ///< more hashtags on every status; they get timelines too
        /// Media other than plain photos, and how many of each; they replace photos, spread
        /// evenly over the tag's media (newest first).
        QList<std::pair<MediaKind, int>> media;
    };

    struct PageFaultRule
    {
        QString tag;
        /// Page N of the walk that follows rel="next" from the newest status with the limit
        /// the client asks for: page 1 has no cursor, page N > 1 has max_id = the id of the
        /// status at position (N-1)·limit-1. Other cursors never match (pages after a
        /// RepeatPrevious are shifted, so their faults do not fire).
        int page = 2;
        PageFault fault = PageFault::MalformedJson;
        /// How many times it is served; -1: every time (what JSON scenarios get by default for
        /// link-loop and repeat-previous; a loop served once is no loop).
        int times = 1;
    };

    QString flavour = QStringLiteral("mastodon"); ///< or "pixelfed" (instance info, media paths)
    QString version = QStringLiteral("4.5.0");
    QString title = QStringLiteral("TagLens stand-in");

    /// Tag timelines need `Authorization: Bearer <one of tokens>`; without: 401.
    bool requiresLogin = false;
    QStringList tokens;
    /// What /api/v2/instance reports in timelines_access.hashtag_feeds; empty: "authenticated"
    /// when requiresLogin, else "public".
    QString hashtagFeedsLocal;
    QString hashtagFeedsRemote;

    int photoLongSide = 1080;
    QList<Tag> tags;

    // API faults (tag timeline requests; rate limiting counts every /api/ request).
    int rateLimit = 300;              ///< requests per window; then 429 with Retry-After
    int rateLimitWindowSeconds = 300; ///< the window starts with its first request
    int apiErrors = 0;                ///< the next N timeline requests answer apiErrorStatus
    int apiErrorStatus = 503;
    int apiResets = 0;  ///< the next N timeline requests: TCP reset, no response
    int apiStalls = 0;  ///< the next N timeline requests: no response, ever
    int apiDelayMs = 0; ///< every timeline response waits this long
    QList<PageFaultRule> pageFaults;

    /// Reads the JSON format:
    /// {"flavour","version","title","requiresLogin","tokens":[...],
    ///  "hashtagFeeds":{"local","remote"}, "photoLongSide",
    ///  "tags":[{"name","statuses","mediaPerStatus","textOnly","alsoTagged":[...],
    ///           "media":{"<kind name>": count, ...}}],
    ///  "faults":{"rateLimit":{"limit","windowSeconds"},
    ///            "apiErrors":{"status","times"}, "apiResets":N, "apiStalls":N, "apiDelayMs":N,
    ///            "pages":[{"tag","page","fault":"<page fault name>","times"}]}}
    /// Every key is optional except tags[].name. Unknown keys are errors (typos must not pass).
    static engine::Expected<MastodonStandInScenario> fromJson(const QByteArray &json);
    /// "cats:150,dogs:150": photo statuses per tag (a bare name means 20).
    static engine::Expected<MastodonStandInScenario> fromTagList(const QString &list);
    QJsonObject toJson() const;
    /// What is wrong with the scenario (counts out of range, more special media than slots), or
    /// an empty string.
    QString problem() const;

    /// Names as used in the JSON format: "photo", "png-as-jpg", "duplicate", "flaky", "video",
    /// "gifv", "audio", "unknown", "no-url", "truncated-jpeg", "html-as-jpeg",
    /// "decompression-bomb", "oversized", "oversized-unannounced", "not-found", "server-error",
    /// "stalled", "reset-mid-body".
    static QString kindName(MediaKind kind);
    static std::optional<MediaKind> kindFromName(const QString &name);
    static QList<MediaKind> allKinds();
    /// "malformed-json", "object-instead-of-array", "link-loop", "repeat-previous".
    static QString pageFaultName(PageFault fault);
    static std::optional<PageFault> pageFaultFromName(const QString &name);
    /// The Mastodon attachment type of a kind: "image", "video", "gifv", "audio" or "unknown".
    static QString attachmentType(MediaKind kind);
};

} // namespace taglens::tests
