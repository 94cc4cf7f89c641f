// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodontagtimeline.h"

#include "../net/httpclient.h"
#include "../net/linkheader.h"
#include "mastodonstatusparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>

Q_LOGGING_CATEGORY(lcTagTimeline, "taglens.engine.sources.mastodon")

namespace taglens::engine {

namespace {

constexpr qint64 MaxInstanceInfoBytes = qint64(1024) * 1024;

int defaultPort(const QUrl &url)
{
    return url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80;
}

bool originsMatch(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

} // namespace

MastodonTagTimeline::MastodonTagTimeline(HttpClient *client, const QUrl &instance, const QString &tag,
                                         QObject *parent)
    : PostSource(parent), m_client(client), m_typedInstance(instance.toString()), m_typedTag(tag)
{
    const auto normalizedInstance = normalizeInstance(instance.toString());
    const auto normalizedTag = normalizeTag(tag);
    if (!normalizedInstance) {
        m_invalid = normalizedInstance.error();
    } else if (!normalizedTag) {
        m_invalid = normalizedTag.error();
    } else {
        m_instance = normalizedInstance.value();
        m_tag = normalizedTag.value();
        m_valid = true;
    }
}

MastodonTagTimeline::~MastodonTagTimeline()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void MastodonTagTimeline::setAccessToken(const QString &token)
{
    m_token = token.trimmed();
}

void MastodonTagTimeline::setSourceName(const QString &name)
{
    m_sourceName = name;
}

void MastodonTagTimeline::setPageSize(int statuses)
{
    m_pageSize = qBound(1, statuses, 40);
}

void MastodonTagTimeline::setMaxPageBytes(qint64 bytes)
{
    m_maxPageBytes = qMax<qint64>(1, bytes);
}

void MastodonTagTimeline::setCheckInstanceAccess(bool check)
{
    m_checkAccess = check;
}

QString MastodonTagTimeline::description() const
{
    if (!m_valid)
        return tr("#%1 on %2").arg(m_typedTag, m_typedInstance);
    return tr("#%1 on %2").arg(m_tag, m_instance.toDisplayString());
}

Expected<QUrl> MastodonTagTimeline::normalizeInstance(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return Error::make(ErrorCode::InvalidArgument,
                           tr("No instance was given (e.g. https://mastodon.social)."));
    if (!text.contains(u"://"))
        text.prepend(u"https://");
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty()) {
        return Error::make(ErrorCode::InvalidArgument,
                           tr("“%1” is not an instance address (e.g. https://mastodon.social).").arg(typed));
    }
    if (!HttpClient::isAllowedUrl(url)) {
        return Error::make(
            ErrorCode::InvalidArgument,
            tr("“%1” is not an https address; instances are only read over https.").arg(typed));
    }
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    return url;
}

Expected<QString> MastodonTagTimeline::normalizeTag(const QString &typed)
{
    QString tag = typed.trimmed();
    if (tag.startsWith(u'#'))
        tag.remove(0, 1);
    const bool forbidden = std::any_of(tag.cbegin(), tag.cend(), [](QChar c) {
        return c.isSpace() || c == u'/' || c == u'?' || c == u'#' || c == u'%' ||
               c.category() == QChar::Other_Control;
    });
    if (tag.isEmpty() || forbidden)
        return Error::make(ErrorCode::InvalidArgument, tr("“%1” is not a hashtag.").arg(typed));
    return tag;
}

QUrl MastodonTagTimeline::timelineUrl(const QUrl &instance, const QString &tag, int limit)
{
    QUrl url = instance;
    const QByteArray path =
        instance.path(QUrl::FullyEncoded).toUtf8() + "/api/v1/timelines/tag/" + QUrl::toPercentEncoding(tag);
    url.setPath(QString::fromLatin1(path), QUrl::TolerantMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    return url;
}

QString MastodonTagTimeline::visitKey(const QUrl &url)
{
    // Parameter order and case of scheme and host must not hide a loop.
    QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
    std::sort(items.begin(), items.end());
    QString key = url.scheme().toLower() + u"://" + url.host().toLower() + u':' +
                  QString::number(url.port(defaultPort(url))) + url.path(QUrl::FullyEncoded) + u'?';
    for (const auto &[name, value] : std::as_const(items))
        key += name + u'=' + value + u'&';
    return key;
}

bool MastodonTagTimeline::sameOrigin(const QUrl &url) const
{
    return originsMatch(url, m_instance);
}

void MastodonTagTimeline::fetchPage()
{
    if (!m_valid) {
        failLater(m_invalid);
        return;
    }
    if (!m_client) {
        failLater(Error::make(ErrorCode::Internal, tr("%1 has no HTTP client.").arg(description())));
        return;
    }
    if (!m_started) {
        m_started = true;
        if (m_checkAccess && m_token.isEmpty() && !m_accessChecked) {
            checkAccess();
            return;
        }
        const QUrl first = timelineUrl(m_instance, m_tag, m_pageSize);
        m_visited.insert(visitKey(first));
        requestPage(first);
        return;
    }
    requestPage(m_nextUrl);
}

void MastodonTagTimeline::abortFetch()
{
    if (HttpJob *job = m_job.data()) {
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
    }
}

void MastodonTagTimeline::checkAccess()
{
    QUrl url = m_instance;
    url.setPath(m_instance.path() + QStringLiteral("/api/v2/instance"));
    RequestOptions options;
    options.headers.emplaceBack("Accept", "application/json");
    options.maxBodyBytes = MaxInstanceInfoBytes;
    options.maxRetries = 1;
    HttpJob *job = m_client->get(url, options);
    m_job = job;
    connect(job, &HttpJob::finished, this, [this](const Expected<HttpResponse> &result) {
        m_job = nullptr;
        onAccessChecked(result);
    });
}

void MastodonTagTimeline::onAccessChecked(const Expected<HttpResponse> &result)
{
    m_accessChecked = true;
    if (state() != State::Fetching)
        return;
    if (result) {
        const QJsonObject feeds = QJsonDocument::fromJson(result->body)
                                      .object()
                                      .value(u"configuration")
                                      .toObject()
                                      .value(u"timelines_access")
                                      .toObject()
                                      .value(u"hashtag_feeds")
                                      .toObject();
        const QString local = feeds.value(u"local").toString();
        const QString remote = feeds.value(u"remote").toString();
        const auto open = [](const QString &access) { return access.isEmpty() || access == u"public"; };
        qCDebug(lcTagTimeline) << m_instance << "hashtag feeds: local" << local << "remote" << remote;
        if (!local.isEmpty() && !remote.isEmpty() && !open(local) && !open(remote)) {
            if (local == u"disabled" && remote == u"disabled") {
                fail(Error::make(
                    ErrorCode::Network,
                    tr("%1 has turned hashtag timelines off.").arg(m_instance.toDisplayString())));
            } else {
                fail(Error::make(ErrorCode::Unauthorized,
                                 tr("This instance needs you to log in to read hashtag timelines.")));
            }
            return;
        }
        if (!open(local) || !open(remote)) {
            Q_EMIT warning(tr("%1 shows only its %2 posts under hashtags to visitors who are not logged in.")
                               .arg(m_instance.toDisplayString(), open(local) ? tr("local") : tr("remote")));
            if (state() != State::Fetching)
                return; // cancelled by a receiver
        }
    } else {
        // Older servers (and Pixelfed) have no such answer; the timeline itself will tell.
        qCDebug(lcTagTimeline) << "no access information from" << m_instance << ":" << result.error().message;
    }
    const QUrl first = timelineUrl(m_instance, m_tag, m_pageSize);
    m_visited.insert(visitKey(first));
    requestPage(first);
}

void MastodonTagTimeline::requestPage(const QUrl &url)
{
    RequestOptions options;
    options.bearerToken = m_token;
    options.headers.emplaceBack("Accept", "application/json");
    options.maxBodyBytes = m_maxPageBytes;
    qCDebug(lcTagTimeline) << "page" << m_pagesFetched + 1 << "of" << description() << url;
    HttpJob *job = m_client->get(url, options);
    m_job = job;
    connect(job, &HttpJob::finished, this, [this, job](const Expected<HttpResponse> &result) {
        m_job = nullptr;
        onPage(result, job->httpStatus());
    });
}

Error MastodonTagTimeline::pageError(const Error &error, int httpStatus) const
{
    if (httpStatus == 401) {
        if (m_token.isEmpty())
            return Error::make(ErrorCode::Unauthorized,
                               tr("This instance needs you to log in to read hashtag timelines."));
        return Error::make(ErrorCode::Unauthorized,
                           tr("%1 did not accept the access token (HTTP 401); log in again.")
                               .arg(m_instance.toDisplayString()));
    }
    if (httpStatus == 404)
        return Error::make(ErrorCode::NotFound,
                           tr("The tag #%1 does not exist on %2.").arg(m_tag, m_instance.toDisplayString()));
    if (error.code == ErrorCode::TooLarge)
        return Error::make(ErrorCode::TooLarge,
                           tr("A page of %1 is too large: %2").arg(description(), error.message));
    return error;
}

void MastodonTagTimeline::onPage(const Expected<HttpResponse> &result, int httpStatus)
{
    if (state() != State::Fetching)
        return;
    if (!result) {
        fail(pageError(result.error(), httpStatus));
        return;
    }
    ++m_pagesFetched;
    const auto statuses = MastodonStatusParser::parsePage(result->body, description());
    if (!statuses) {
        fail(statuses.error());
        return;
    }
    if (statuses->isEmpty()) {
        deliver({}, true);
        return;
    }

    QStringList warnings;
    QList<Post> posts;
    const QString instance = m_instance.toString();
    int duplicates = 0;
    int index = 0;
    for (const auto &value : *statuses) {
        ++index;
        auto post = MastodonStatusParser::parseStatus(value, m_sourceName, instance, &warnings);
        if (!post) {
            ++m_malformed;
            const QString note = tr("Skipped status %1 on page %2 of %3: %4.")
                                     .arg(QString::number(index), QString::number(m_pagesFetched),
                                          description(), post.error().message);
            qCWarning(lcTagTimeline).noquote() << note;
            warnings.append(note);
            continue;
        }
        if (m_seenIds.contains(post->remoteId)) {
            ++duplicates;
            continue;
        }
        m_seenIds.insert(post->remoteId);
        posts.append(std::move(post.value()));
    }
    m_duplicates += duplicates;
    if (duplicates > 0)
        qCInfo(lcTagTimeline) << "page" << m_pagesFetched << "of" << description() << "repeated" << duplicates
                              << "statuses";

    bool last = false;
    const QUrl next = LinkHeader::find(result->header("Link"), u"next", result->finalUrl);
    if (posts.isEmpty()) {
        // No progress: whatever the next link says, following it could go on for ever.
        qCInfo(lcTagTimeline) << "page" << m_pagesFetched << "of" << description()
                              << "brought nothing new; stopping";
        last = true;
    } else if (!next.isValid() || next.isEmpty()) {
        last = true;
    } else if (!sameOrigin(next)) {
        const QString note =
            tr("Stopped reading %1: the next page is on another server (%2).")
                .arg(description(), next.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        qCWarning(lcTagTimeline).noquote() << note;
        warnings.append(note);
        last = true;
    } else if (m_visited.contains(visitKey(next))) {
        qCInfo(lcTagTimeline) << "the next page of" << description() << "was visited already; stopping"
                              << next;
        last = true;
    } else {
        m_visited.insert(visitKey(next));
        m_nextUrl = next;
    }

    for (const QString &note : std::as_const(warnings)) {
        Q_EMIT warning(note);
        if (state() != State::Fetching)
            return; // cancelled by a receiver
    }
    deliver(posts, last);
}

} // namespace taglens::engine
