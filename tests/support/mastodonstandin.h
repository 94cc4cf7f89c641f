// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/error.h"
#include "engine/sources/mediastatus.h"
#include "mastodonstandinscenario.h"
#include "photoset.h"
#include "testhttpserver.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>
#include <utility>

namespace taglens::tests {

/// A stand-in for a Mastodon (or Pixelfed) instance on 127.0.0.1, speaking the documented wire
/// format (docs.joinmastodon.org), for tests, benchmarks and screenshots:
/// - `GET /api/v1/timelines/tag/:hashtag` with limit (default 20, at most 40), max_id, since_id,
///   min_id, only_media, local, remote, any[], all[] and none[]; newest first; paging by a `Link`
///   header formatted as Mastodon formats it (rel="next" = older, rel="prev" = newer; no Link on
///   an empty page; rel="next" whenever a page is full);
/// - `GET /api/v2/instance` (timelines_access.hashtag_feeds from 4.5 on) and `/api/v1/instance`;
/// - X-RateLimit-Limit / -Remaining / -Reset on every API response, 429 when exhausted;
/// - 404 `{"error":"Record not found"}` for unknown tags, 401 when login is required and no or
///   an unknown bearer token comes;
/// - media files of every kind at Mastodon's paths, real photos from PhotoSet, hostile ones
///   (see MastodonStandInScenario::MediaKind), with each item's expected outcome known;
/// - fault injection for the API (5xx bursts, resets, stalls, delays, broken pages).
///
/// Statuses are generated deterministically from the scenario: the same scenario always gives
/// the same ids, texts and pictures (only URLs carry the port). Runs on the thread that owns it.
class MastodonStandIn : public QObject
{
    Q_OBJECT

public:
    using Scenario = MastodonStandInScenario;
    using MediaKind = Scenario::MediaKind;
    using PageFault = Scenario::PageFault;

    /// Why a media item is expected to fail.
    enum class Failure
    {
        None,
        HttpStatus,        ///< the file answers 404 or 500 (httpStatus says which)
        Timeout,           ///< headers, then nothing
        ConnectionLost,    ///< the connection is reset in the middle of the body
        TooLarge,          ///< more than 25 MB
        NotAnImage,        ///< an HTML page sent as image/jpeg
        Decode,            ///< a JPEG cut off
        DecompressionBomb, ///< a tiny PNG claiming 30000 × 30000 pixels
    };

    /// One media attachment and the one status a correct harvest gives it.
    struct ExpectedMedia
    {
        QString tag;      ///< the scenario tag that made its status
        QStringList tags; ///< every hashtag of the status (its timelines)
        QString statusId;
        QUrl statusUrl;
        QString account;  ///< acct, e.g. "alice" or "bob@pixel.example"
        int position = 0; ///< index in the status's media_attachments
        QString mediaId;
        MediaKind kind = MediaKind::Photo;
        QString type; ///< "image", "video", "gifv", "audio", "unknown"
        QUrl url;     ///< empty for MediaKind::NoUrl
        QUrl previewUrl;
        QString description; ///< alt text (empty when null)
        engine::MediaStatus status = engine::MediaStatus::Ok;
        Failure failure = Failure::None;
        int httpStatus = 0;  ///< for Failure::HttpStatus
        QByteArray sha256;   ///< hex SHA-256 of the bytes served, for items expected `ok`
        QString duplicateOf; ///< the media id whose bytes these are (MediaKind::Duplicate)
        int photoIndex = -1; ///< the PhotoSet variant behind it
        QString motif;       ///< the base photo's name ("chelsea" is a cat)
    };

    /// Serves \a scenario on an ephemeral port. Photos come from a PhotoSet shared by all
    /// stand-ins of the process with the same photoLongSide, so tests do not encode twice.
    explicit MastodonStandIn(const Scenario &scenario, QObject *parent = nullptr);
    ~MastodonStandIn() override;

    bool isListening() const;
    /// Moves to \a port on 127.0.0.1 (0: any free port). False when it is taken.
    bool listenOn(quint16 port);
    quint16 port() const;
    /// http://127.0.0.1:<port>
    QUrl baseUrl() const;
    /// The tag timeline URL, with `limit` when \a limit > 0.
    QUrl timelineUrl(const QString &tag, int limit = 0) const;
    /// The URL of page \a page of the walk with \a limit (see Scenario::PageFaultRule::page).
    QUrl pageUrl(const QString &tag, int page, int limit) const;

    const Scenario &scenario() const;
    const PhotoSet &photos() const;
    /// The HTTP server underneath: its per-path fault knobs and its raw request log.
    TestHttpServer &http();

    // Changes while running.
    void setRequiresLogin(bool required);
    void setTokens(const QStringList &tokens);
    /// \a limit requests per \a windowSeconds; the window starts at its first request.
    void setRateLimit(int limit, int windowSeconds);
    /// The next \a times timeline requests answer \a status with an nginx error page.
    void failTimelineRequests(int times, int status = 503);
    /// The next \a times timeline requests get no response but a TCP reset. QNetworkAccessManager
    /// resends a request once by itself when the connection closes before any response byte,
    /// so its users see an error only from two resets in a row.
    void resetTimelineRequests(int times);
    /// The next \a times timeline requests get no response, ever (until the client gives up).
    void stallTimelineRequests(int times);
    /// Every timeline response waits \a ms first.
    void setTimelineDelay(int ms);
    void addPageFault(const Scenario::PageFaultRule &rule);
    /// Removes the API faults and restores Mastodon's 300 requests per 5 minutes (media kinds stay:
    /// they are content).
    void clearFaults();

    // What happened and what should happen.
    /// Every request, oldest first, the /_standin/ introspection ones excepted.
    QList<TestHttpServer::Request> requests() const;
    /// Tag timeline requests, for one tag (any case) or all.
    QList<TestHttpServer::Request> timelineRequests(const QString &tag = QString()) const;
    /// How often the file at \a url was fetched (GET requests to its path).
    int fetchCount(const QUrl &url) const;
    /// Fetches per media path (original and preview files), for paths fetched at least once.
    QHash<QString, int> fetchCounts() const;
    /// Every hashtag that has a timeline, lower case.
    QStringList tagNames() const;
    /// The whole timeline of \a tag, newest first, exactly as pages serve the statuses.
    QJsonArray timeline(const QString &tag) const;
    QStringList statusIds(const QString &tag) const;
    /// The media of \a tag's timeline (newest status first, attachments in order), or of the
    /// whole scenario (empty tag: scenario order, every attachment once).
    QList<ExpectedMedia> expectedMedia(const QString &tag = QString()) const;
    /// expectedMedia() as JSON (what taglens-standin writes with --expected).
    QJsonArray expectedMediaJson() const;
    int rateLimitRemaining() const;
    /// Encodes every photo now, so serving them later costs nothing (for benchmarks).
    void prepareMedia() const;
    /// Keeps encoded photos in \a dir too, so the next run need not encode them again.
    void setPhotoCacheDir(const QString &dir);

    /// "http-status", "timeout", "connection-lost", "too-large", "not-an-image", "decode",
    /// "decompression-bomb"; empty for None.
    static QString failureName(Failure failure);
    /// The engine error code a failure of this kind should be reported with.
    static engine::ErrorCode errorCode(Failure failure);

private:
    struct Account
    {
        QString id;
        QString username;
        QString domain; // empty: a local account
        QString displayName;
        bool bot = false;
    };
    struct MediaRecord
    {
        QString id;
        MediaKind kind = MediaKind::Photo;
        int status = -1;
        int position = 0;
        int photoIndex = -1;
        int duplicateOf = -1; // media index
        QString stem;         // the file name without extension
        QString description;  // empty: null
        QString blurhash;
    };
    struct StatusRecord
    {
        qint64 id = 0;
        QDateTime createdAt;
        int account = 0;
        QString tag;      // the scenario tag that made it
        QStringList tags; // lower case, the scenario tag first
        QList<int> media;
        int variant = 0; // picks the text, language and so on
    };
    struct Query;
    struct PageFaultState
    {
        Scenario::PageFaultRule rule;
        int remaining = 1; // -1: always
    };

    void build();
    TestHttpServer::Response handle(const TestHttpServer::Request &request);
    TestHttpServer::Response handleTimeline(const TestHttpServer::Request &request, const QString &tag);
    TestHttpServer::Response handleInstance(int apiVersion);
    TestHttpServer::Response handleMedia(const TestHttpServer::Request &request, int media, bool preview);
    TestHttpServer::Response handleIntrospection(const QString &path) const;
    TestHttpServer::Response apiJson(int status, const QByteArray &json);
    std::optional<TestHttpServer::Response> rateLimited();

    QList<int> filteredTimeline(const QString &tag, const Query &query) const;
    int pageNumber(const QList<int> &timeline, const Query &query) const;
    QUrl linkUrl(const QString &tagAsSent, const Query &query, const QString &cursorName,
                 qint64 cursor) const;
    QJsonObject statusJson(int status) const;
    QJsonObject mediaJson(int media) const;
    QJsonObject accountJson(int account) const;
    QByteArray mediaBytes(int media) const;
    ExpectedMedia expected(int media) const;
    QString mediaPath(int media, bool preview) const;

    Scenario m_scenario;
    std::shared_ptr<PhotoSet> m_photos;
    TestHttpServer m_server;

    QList<Account> m_accounts;
    QList<StatusRecord> m_statuses;
    QList<MediaRecord> m_media;
    QHash<QString, QList<int>> m_timelines;             // case-folded tag → status indices, newest first
    QHash<QString, std::pair<int, bool>> m_mediaByPath; // path → (media, is preview)

    QHash<QString, int> m_fetches;
    mutable QHash<int, QJsonObject> m_statusJson; // URLs carry the port: cleared by listenOn()
    mutable QHash<int, QByteArray> m_pngBytes;

    int m_rateLimit = 300;
    int m_rateWindowSeconds = 300;
    int m_rateUsed = 0;
    QDateTime m_rateWindowStart;
    int m_apiErrors = 0;
    int m_apiErrorStatus = 503;
    int m_apiResets = 0;
    int m_apiStalls = 0;
    int m_apiDelayMs = 0;
    QList<PageFaultState> m_pageFaults;
    quint64 m_requestCounter = 0;
};

} // namespace taglens::tests
