// SPDX-License-Identifier: GPL-3.0-or-later
#include "urllistsource.h"

#include "../net/httpclient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <utility>

Q_LOGGING_CATEGORY(lcUrlListSource, "taglens.engine.sources.urllist")

namespace taglens::engine {

namespace {

constexpr int MaxWarnings = 10; // refusals reported one by one; the rest are counted

QString shown(const QUrl &url)
{
    // Addresses go into messages without a password, and shortened: a hostile one can be huge.
    QString text = url.toDisplayString(QUrl::RemovePassword);
    if (text.size() > 120)
        text = text.left(117) + QStringLiteral("…");
    return text;
}

} // namespace

UrlListSource::UrlListSource(const QList<QUrl> &urls, QObject *parent)
    : PostSource(parent), m_createdAt(QDateTime::currentDateTimeUtc())
{
    QSet<QUrl> seen;
    int refused = 0;
    for (qsizetype i = 0; i < urls.size(); ++i) {
        if (m_urls.size() >= MaxUrls) {
            m_warnings << tr("Only %n address(es) are read at once; the other %1 were ignored.", nullptr, MaxUrls)
                              .arg(urls.size() - i);
            break;
        }
        auto url = acceptedUrl(urls.at(i));
        if (!url) {
            if (++refused <= MaxWarnings)
                m_warnings << url.error().message;
            continue;
        }
        if (seen.contains(*url))
            continue; // the same address twice: one post
        seen.insert(*url);
        m_urls << *url;
    }
    if (refused > MaxWarnings)
        m_warnings << tr("%n more address(es) were refused.", nullptr, refused - MaxWarnings);
}

UrlListSource::~UrlListSource() = default;

void UrlListSource::setPageSize(int posts)
{
    m_pageSize = qMax(1, posts);
}

QString UrlListSource::description() const
{
    if (m_urls.size() == 1)
        return shown(m_urls.first());
    return tr("%n image address(es)", nullptr, int(m_urls.size()));
}

Expected<QUrl> UrlListSource::acceptedUrl(const QUrl &url)
{
    const auto refuse = [&url](const QString &why) {
        return Error::make(ErrorCode::InvalidArgument, tr("Refused %1: %2").arg(shown(url), why));
    };
    if (!url.isValid() || url.isRelative())
        return refuse(tr("it is not a complete address."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return refuse(tr("only http and https addresses can be fetched."));
    if (url.host().isEmpty())
        return refuse(tr("it names no host."));
    if (!url.userInfo().isEmpty())
        return refuse(tr("it carries a user name or password, which would be stored in the project."));
    if (url.toEncoded().size() > MaxUrlLength)
        return refuse(tr("it is longer than %n character(s).", nullptr, MaxUrlLength));
    const QUrl cleaned = url.adjusted(QUrl::RemoveFragment);
    if (!HttpClient::isAllowedUrl(cleaned))
        return refuse(tr("plain http is only used for this computer; use https."));
    return cleaned;
}

QList<QUrl> UrlListSource::urlsInText(const QString &text)
{
    static const QRegularExpression whiteSpace(QStringLiteral("\\s+"));
    QList<QUrl> urls;
    const QStringList lines = text.split(QRegularExpression(QStringLiteral("[\\r\\n]+")), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u'#'))
            continue; // a text/uri-list comment
        const QStringList words = trimmed.split(whiteSpace, Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!word.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
                !word.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
                continue;
            const QUrl url(word, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty())
                continue;
            urls << url;
            if (urls.size() >= MaxUrls)
                return urls;
        }
    }
    return urls;
}

void UrlListSource::fetchPage()
{
    QMetaObject::invokeMethod(
        this, [this, generation = m_generation] { deliverPage(generation); }, Qt::QueuedConnection);
}

void UrlListSource::abortFetch()
{
    ++m_generation;
}

void UrlListSource::deliverPage(quint64 generation)
{
    if (generation != m_generation)
        return;
    const QStringList warnings = std::exchange(m_warnings, {});
    for (const QString &message : warnings) {
        qCInfo(lcUrlListSource).noquote() << message;
        Q_EMIT warning(message);
        if (generation != m_generation)
            return; // a receiver cancelled
    }
    if (m_urls.isEmpty()) {
        fail(Error::make(ErrorCode::InvalidArgument, tr("No image address that can be fetched was given.")));
        return;
    }
    QList<Post> page;
    while (m_next < m_urls.size() && page.size() < m_pageSize) {
        const QUrl &url = m_urls.at(m_next++);
        Post post;
        post.source = QStringLiteral("url");
        post.instance = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
        post.remoteId = url.toString(QUrl::FullyEncoded);
        post.url = url;
        post.createdAt = m_createdAt;
        MediaItem media;
        media.remoteId = post.remoteId;
        media.type = QStringLiteral("image");
        media.url = url;
        media.remoteUrl = url;
        post.media << media;
        page << post;
    }
    deliver(page, m_next >= m_urls.size());
}

} // namespace taglens::engine
