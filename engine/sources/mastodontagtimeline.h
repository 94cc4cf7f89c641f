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

/// The public posts under one hashtag on a Mastodon or Pixelfed instance, newest first:
/// `GET /api/v1/timelines/tag/:hashtag?limit=40`, then the `Link: <...>; rel="next"` pages.
///
/// - The tag is sent as typed (without '#', percent-encoded); the instance is an https URL
///   (http only for loopback, as HttpClient enforces).
/// - Paging stops when there is no next link, a page is empty, a page brings no status not seen
///   before, the next link was visited already (a loop), or it points to another origin (the
///   token must not go there; a warning says so). So the stream always ends.
/// - Statuses are de-duplicated by id across pages (reblogs by the id of the reblogged status).
/// - A status that cannot be read (not an object, no id) is skipped and reported through
///   warning(); a page that is not a JSON array fails the stream (see MastodonStatusParser).
/// - Errors: 401 → "This instance needs you to log in to read hashtag timelines." (or that the
///   token was refused, when one was given); 404 → "The tag #x does not exist on <instance>.";
///   a page over maxPageBytes() → TooLarge; everything else as HttpClient reports it.
/// - Before the first page, unless disabled, `/api/v2/instance` is asked whether hashtag feeds
///   need a login (Mastodon 4.5+ `configuration.timelines_access.hashtag_feeds`), to fail early
///   with the same message when no token is set. Older servers without that answer are fine.
///
/// The HttpClient is shared and must outlive the source.
class MastodonTagTimeline : public PostSource
{
    Q_OBJECT

public:
    /// \a instance such as "https://mastodon.social"; \a tag as typed, with or without '#'.
    MastodonTagTimeline(HttpClient *client, const QUrl &instance, const QString &tag,
                        QObject *parent = nullptr);
    ~MastodonTagTimeline() override;

    /// An OAuth access token, sent as a bearer token to the instance only.
    void setAccessToken(const QString &token);
    /// "mastodon" (default) or "pixelfed": the `source` of the posts.
    void setSourceName(const QString &name);
    QString sourceName() const { return m_sourceName; }
    /// Statuses per page (default 40, the API's maximum).
    void setPageSize(int statuses);
    /// Largest page body accepted (default 8 MiB).
    void setMaxPageBytes(qint64 bytes);
    qint64 maxPageBytes() const { return m_maxPageBytes; }
    /// Ask /api/v2/instance first whether hashtag feeds need a login (default on).
    void setCheckInstanceAccess(bool check);

    QUrl instance() const { return m_instance; }
    /// The tag as it is sent, without '#'.
    QString tag() const { return m_tag; }
    int pagesFetched() const { return m_pagesFetched; }
    int duplicatesSkipped() const { return m_duplicates; }
    int malformedSkipped() const { return m_malformed; }

    QString description() const override;

    /// "https://mastodon.social" from what a user types ("mastodon.social", "https://x/"):
    /// https added when no scheme is given, query and fragment refused, trailing '/' removed.
    static Expected<QUrl> normalizeInstance(const QString &typed);
    /// "Cats" from "#Cats " ; an error when empty or containing white space, '/', '?' or '#'.
    static Expected<QString> normalizeTag(const QString &typed);
    /// The first page's URL.
    static QUrl timelineUrl(const QUrl &instance, const QString &tag, int limit);

protected:
    void fetchPage() override;
    void abortFetch() override;

private:
    void checkAccess();
    void onAccessChecked(const Expected<HttpResponse> &result);
    void requestPage(const QUrl &url);
    void onPage(const Expected<HttpResponse> &result, int httpStatus);
    Error pageError(const Error &error, int httpStatus) const;
    static QString visitKey(const QUrl &url);
    bool sameOrigin(const QUrl &url) const;

    QPointer<HttpClient> m_client;
    QPointer<HttpJob> m_job;
    QUrl m_instance;
    QString m_tag;
    QString m_typedInstance;
    QString m_typedTag;
    Error m_invalid; // set when the instance or tag is unusable
    bool m_valid = false;
    QString m_token;
    QString m_sourceName = QStringLiteral("mastodon");
    int m_pageSize = 40;
    qint64 m_maxPageBytes = qint64(8) * 1024 * 1024;
    bool m_checkAccess = true;
    bool m_accessChecked = false;
    bool m_started = false;
    QUrl m_nextUrl;
    QSet<QString> m_visited;
    QSet<QString> m_seenIds;
    int m_pagesFetched = 0;
    int m_duplicates = 0;
    int m_malformed = 0;
};

} // namespace taglens::engine
