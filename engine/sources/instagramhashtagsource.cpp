// SPDX-License-Identifier: GPL-3.0-or-later
#include "instagramhashtagsource.h"

#include "../net/graphapierror.h"
#include "../net/httpclient.h"
#include "instagrammediaparser.h"

#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>

Q_LOGGING_CATEGORY(lcInstagramSource, "taglens.engine.sources.instagram")

namespace taglens::engine {

namespace {

const QString MediaFields =
    QStringLiteral("id,media_type,media_url,permalink,caption,timestamp,children{media_type,media_url}");

QUrl graphUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = base.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace

QUrl InstagramHashtagSource::defaultGraphBase()
{
    return QUrl(QStringLiteral("https://graph.facebook.com/v21.0"));
}

InstagramHashtagSource::InstagramHashtagSource(HttpClient *client, const QString &instagramUserId,
                                               const QString &tag, const QString &accessToken,
                                               QObject *parent)
    : PostSource(parent), m_client(client), m_userId(instagramUserId.trimmed()), m_typedTag(tag),
      m_token(accessToken.trimmed()), m_graphBase(defaultGraphBase())
{
    const auto normalized = normalizeTag(tag);
    if (!normalized) {
        m_invalid = normalized.error();
    } else if (m_userId.isEmpty() || !std::all_of(m_userId.cbegin(), m_userId.cend(), [](QChar c) {
                   return c.unicode() >= u'0' && c.unicode() <= u'9';
               })) {
        m_invalid = Error::make(
            ErrorCode::InvalidArgument,
            tr("No Instagram account id is known; log in with "
               "`taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…)."));
    } else if (m_token.isEmpty()) {
        m_invalid = Error::make(
            ErrorCode::Unauthorized,
            tr("Instagram hashtag search needs a login; log in with "
               "`taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…)."));
    } else {
        m_tag = *normalized;
        m_valid = true;
    }
}

InstagramHashtagSource::~InstagramHashtagSource()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void InstagramHashtagSource::setGraphBase(const QUrl &base)
{
    m_graphBase = base;
}

void InstagramHashtagSource::setEdge(Edge edge)
{
    m_edge = edge;
}

void InstagramHashtagSource::setPageSize(int media)
{
    m_pageSize = qBound(1, media, 50);
}

void InstagramHashtagSource::setMaxPageBytes(qint64 bytes)
{
    m_maxPageBytes = qMax<qint64>(1, bytes);
}

QString InstagramHashtagSource::description() const
{
    return tr("#%1 on Instagram (%2)").arg(m_valid ? m_tag : m_typedTag, edgeName(m_edge));
}

Expected<QString> InstagramHashtagSource::normalizeTag(const QString &typed)
{
    QString tag = typed.trimmed();
    if (tag.startsWith(u'#'))
        tag.remove(0, 1);
    const bool allowed = std::all_of(tag.cbegin(), tag.cend(), [](QChar c) {
        return (c.isLetterOrNumber() && !c.isSurrogate()) || c == u'_';
    });
    if (tag.isEmpty() || tag.size() > 100 || !allowed)
        return Error::make(ErrorCode::InvalidArgument,
                           tr("“%1” is not an Instagram hashtag (letters, digits and _ only, no emoji).")
                               .arg(typed.left(120)));
    return tag.toLower();
}

QString InstagramHashtagSource::edgeName(Edge edge)
{
    return edge == Edge::Top ? QStringLiteral("top") : QStringLiteral("recent");
}

Expected<InstagramHashtagSource::Edge> InstagramHashtagSource::edgeFromName(const QString &name)
{
    if (name.isEmpty() || name == u"recent")
        return Edge::Recent;
    if (name == u"top")
        return Edge::Top;
    return Error::make(ErrorCode::InvalidArgument,
                       tr("The Instagram edge must be recent or top, not “%1”.").arg(name.left(40)));
}

QUrl InstagramHashtagSource::hashtagSearchUrl(const QUrl &graphBase, const QString &userId,
                                              const QString &tag)
{
    QUrl url = graphUrl(graphBase, QStringLiteral("/ig_hashtag_search"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("user_id"), userId);
    query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(tag)));
    url.setQuery(query);
    return url;
}

QUrl InstagramHashtagSource::mediaUrl(const QUrl &graphBase, const QString &hashtagId, Edge edge,
                                      const QString &userId, int limit, const QString &after)
{
    QUrl url = graphUrl(graphBase, QStringLiteral("/%1/%2_media").arg(hashtagId, edgeName(edge)));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("user_id"), userId);
    query.addQueryItem(QStringLiteral("fields"), QString::fromLatin1(QUrl::toPercentEncoding(MediaFields)));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), QString::fromLatin1(QUrl::toPercentEncoding(after)));
    url.setQuery(query);
    return url;
}

void InstagramHashtagSource::fetchPage()
{
    if (!m_valid) {
        failLater(m_invalid);
        return;
    }
    if (!m_client) {
        failLater(Error::make(ErrorCode::Internal, tr("%1 has no HTTP client.").arg(description())));
        return;
    }
    if (!HttpClient::isAllowedUrl(m_graphBase)) {
        failLater(
            Error::make(ErrorCode::InvalidArgument,
                        tr("The Graph API address %1 is not https.").arg(m_graphBase.toDisplayString())));
        return;
    }
    if (m_hashtagId.isEmpty()) {
        start(hashtagSearchUrl(m_graphBase, m_userId, m_tag), true);
        return;
    }
    start(mediaUrl(m_graphBase, m_hashtagId, m_edge, m_userId, m_pageSize, m_after), false);
}

void InstagramHashtagSource::abortFetch()
{
    if (HttpJob *job = m_job.data()) {
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
    }
}

void InstagramHashtagSource::start(const QUrl &url, bool search)
{
    RequestOptions options;
    options.bearerToken = m_token;
    options.headers.emplaceBack("Accept", "application/json");
    options.maxBodyBytes = search ? qint64(1024) * 1024 : m_maxPageBytes;
    qCDebug(lcInstagramSource) << (search ? "searching" : "page") << description() << url;
    HttpJob *job = m_client->get(url, options);
    m_job = job;
    connect(job, &HttpJob::finished, this, [this, job, search](const Expected<HttpResponse> &result) {
        m_job = nullptr;
        if (search)
            onSearch(result, job->httpStatus(), job->errorBody());
        else
            onPage(result, job->httpStatus(), job->errorBody());
    });
}

void InstagramHashtagSource::onSearch(const Expected<HttpResponse> &result, int httpStatus,
                                      const QByteArray &errorBody)
{
    if (state() != State::Fetching)
        return;
    if (!result) {
        fail(GraphApiError::fromResponse(httpStatus, errorBody, result.error()));
        return;
    }
    if (const auto details = GraphApiError::parse(result->body)) { // an error object sent with 200
        fail(GraphApiError::toError(*details, result->status));
        return;
    }
    const auto id = InstagramMediaParser::parseHashtagSearch(result->body, m_tag);
    if (!id) {
        fail(id.error());
        return;
    }
    m_hashtagId = *id;
    qCInfo(lcInstagramSource) << "hashtag" << m_tag << "is" << m_hashtagId;
    Q_EMIT hashtagSearched(m_tag, m_hashtagId);
    if (state() != State::Fetching)
        return; // cancelled by a receiver
    start(mediaUrl(m_graphBase, m_hashtagId, m_edge, m_userId, m_pageSize, QString()), false);
}

void InstagramHashtagSource::onPage(const Expected<HttpResponse> &result, int httpStatus,
                                    const QByteArray &errorBody)
{
    if (state() != State::Fetching)
        return;
    if (!result) {
        Error error = GraphApiError::fromResponse(httpStatus, errorBody, result.error());
        if (error.code == ErrorCode::TooLarge)
            error.message = tr("A page of %1 is too large: %2").arg(description(), error.message);
        fail(error);
        return;
    }
    if (const auto details = GraphApiError::parse(result->body)) {
        fail(GraphApiError::toError(*details, result->status));
        return;
    }
    ++m_pagesFetched;
    const auto page = InstagramMediaParser::parsePage(result->body, description());
    if (!page) {
        fail(page.error());
        return;
    }

    QStringList warnings;
    if (page->cutOff > 0)
        warnings.append(
            tr("Page %1 of %2 had %3 more media than any page may have; they were ignored.")
                .arg(QString::number(m_pagesFetched), description(), QString::number(page->cutOff)));
    QList<Post> posts;
    int index = 0;
    for (const auto &value : std::as_const(page->media)) {
        ++index;
        auto post = InstagramMediaParser::parseMedia(value, &warnings);
        if (!post) {
            ++m_malformed;
            warnings.append(tr("Skipped media %1 on page %2 of %3: %4.")
                                .arg(QString::number(index), QString::number(m_pagesFetched), description(),
                                     post.error().message));
            continue;
        }
        if (m_seenIds.contains(post->remoteId))
            continue;
        m_seenIds.insert(post->remoteId);
        posts.append(std::move(post.value()));
    }

    bool last = false;
    // Nothing new (following the cursor could go on for ever), or Meta's end: no `next`.
    if (posts.isEmpty() || !page->next.isValid() || page->afterCursor.isEmpty()) {
        last = true;
    } else if (m_seenCursors.contains(page->afterCursor)) {
        qCInfo(lcInstagramSource) << "the cursor of" << description() << "repeats; stopping";
        last = true;
    } else {
        m_seenCursors.insert(page->afterCursor);
        m_after = page->afterCursor;
    }

    for (const QString &note : std::as_const(warnings)) {
        qCWarning(lcInstagramSource).noquote() << note;
        Q_EMIT warning(note);
        if (state() != State::Fetching)
            return; // cancelled by a receiver
    }
    deliver(posts, last);
}

} // namespace taglens::engine
