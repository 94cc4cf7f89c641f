// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "postsource.h"

#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

namespace taglens::engine {

class HttpClient;
class HttpJob;
struct HttpResponse;

/// The public Instagram media under one hashtag, through Meta's Graph API (Instagram API with
/// Facebook Login; the account must be a professional one, the app needs Instagram Public
/// Content Access):
/// 1. `GET {graph}/ig_hashtag_search?user_id=IG_USER&q=TAG` → the hashtag id (hashtagSearched()
///    reports it: this is the call that counts against the 30-hashtags-per-7-days budget);
/// 2. `GET {graph}/{hashtag-id}/recent_media` (default; the last 24 hours) or `/top_media` with
///    user_id, fields=id,media_type,media_url,permalink,caption,timestamp,children{media_type,
///    media_url} and limit=50, then the next pages by the `after` cursor.
///
/// - The access token goes in an `Authorization: Bearer` header (the Graph API accepts it), never
///   in a URL: URLs appear in messages and logs. `paging.next` (which carries the token in its
///   query) is not followed as is; the next page is built from its `after` cursor.
/// - Paging stops when a page has no `paging.next` or no cursor, is empty, brings no media not
///   seen before, or repeats a cursor: the stream always ends.
/// - Posts: source "instagram", remoteId the media id, url the permalink, text the caption,
///   createdAt the timestamp; no author (the API gives none). Albums expand to one MediaItem per
///   child; videos stay videos (the pipeline skips them); an image without media_url carries a
///   skipReason (see InstagramMediaParser).
/// - Errors are Graph API error objects turned into clear messages by GraphApiError (expired
///   login, rate limits, hashtag budget, permissions, unknown tag).
///
/// The HttpClient is shared and must outlive the source.
class InstagramHashtagSource : public PostSource
{
    Q_OBJECT

public:
    enum class Edge
    {
        Recent, ///< recent_media: public media of the last 24 hours
        Top,    ///< top_media: the most popular media
    };

    /// The Graph API's default base.
    static QUrl defaultGraphBase();

    /// \a tag as typed, with or without '#'.
    InstagramHashtagSource(HttpClient *client, const QString &instagramUserId, const QString &tag,
                           const QString &accessToken, QObject *parent = nullptr);
    ~InstagramHashtagSource() override;

    /// Where the Graph API is (default https://graph.facebook.com/v21.0); tests point it at
    /// 127.0.0.1. Only https, or http to loopback, as HttpClient enforces.
    void setGraphBase(const QUrl &base);
    QUrl graphBase() const { return m_graphBase; }
    void setEdge(Edge edge);
    Edge edge() const { return m_edge; }
    /// Media per page (default 50, the API's maximum).
    void setPageSize(int media);
    /// Largest page body accepted (default 8 MiB).
    void setMaxPageBytes(qint64 bytes);

    /// The tag as it is searched, without '#'.
    QString tag() const { return m_tag; }
    /// The hashtag id once the search answered.
    QString hashtagId() const { return m_hashtagId; }
    int pagesFetched() const { return m_pagesFetched; }
    int malformedSkipped() const { return m_malformed; }

    QString description() const override;

    /// "cats" from "#Cats "; an error unless the tag is letters, digits and '_' (what Instagram
    /// allows; no emoji), at most 100 characters.
    static Expected<QString> normalizeTag(const QString &typed);
    /// "recent" / "top" and back.
    static QString edgeName(Edge edge);
    static Expected<Edge> edgeFromName(const QString &name);
    /// The URLs of the two requests (exposed for tests).
    static QUrl hashtagSearchUrl(const QUrl &graphBase, const QString &userId, const QString &tag);
    static QUrl mediaUrl(const QUrl &graphBase, const QString &hashtagId, Edge edge, const QString &userId,
                         int limit, const QString &after);

Q_SIGNALS:
    /// `ig_hashtag_search` answered with \a hashtagId for \a tag: Meta counted the tag.
    void hashtagSearched(const QString &tag, const QString &hashtagId);

protected:
    void fetchPage() override;
    void abortFetch() override;

private:
    void start(const QUrl &url, bool search);
    void onSearch(const Expected<HttpResponse> &result, int httpStatus, const QByteArray &errorBody);
    void onPage(const Expected<HttpResponse> &result, int httpStatus, const QByteArray &errorBody);

    QPointer<HttpClient> m_client;
    QPointer<HttpJob> m_job;
    QString m_userId;
    QString m_typedTag;
    QString m_tag;
    QString m_token;
    Error m_invalid;
    bool m_valid = false;
    QUrl m_graphBase;
    Edge m_edge = Edge::Recent;
    int m_pageSize = 50;
    qint64 m_maxPageBytes = qint64(8) * 1024 * 1024;
    QString m_hashtagId;
    QString m_after;
    QSet<QString> m_seenCursors;
    QSet<QString> m_seenIds;
    int m_pagesFetched = 0;
    int m_malformed = 0;
};

} // namespace taglens::engine
