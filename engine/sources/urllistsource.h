// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "postsource.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// Image addresses (dropped on the window, pasted as text) as posts, so that the pipeline
/// downloads them with every safeguard HttpClient has (size limit, timeouts, redirects, the
/// https-only rule).
///
/// - One Post per address: source "url", instance = the address's origin (scheme://host[:port]),
///   remoteId = url = the address (without its fragment), createdAt = when the source was made.
///   Its single MediaItem is an "image" whose url and remoteUrl are the address: whether it
///   really is one is found out by decoding what arrives, as for every other source.
/// - Refused with a warning(), never turned into a post: what acceptedUrl() refuses, and the
///   same address given twice. Addresses beyond MaxUrls are ignored with one warning.
/// - Nothing usable was given: failed(InvalidArgument), after the warnings.
/// - Posts come in pages of pageSize(), always asynchronously.
class UrlListSource : public PostSource
{
    Q_OBJECT

public:
    /// Addresses one source reads at most; a drop of more is cut here.
    static constexpr int MaxUrls = 10000;
    /// Longest address accepted, in characters (browsers and servers stop around here too).
    static constexpr int MaxUrlLength = 8192;

    explicit UrlListSource(const QList<QUrl> &urls, QObject *parent = nullptr);
    ~UrlListSource() override;

    /// Posts per page (default 100).
    void setPageSize(int posts);
    int pageSize() const { return m_pageSize; }

    /// The addresses that will become posts, in the order given.
    QList<QUrl> urls() const { return m_urls; }

    QString description() const override;

    /// \a url without its fragment when it may be fetched: http or https with a host, no user
    /// name or password (they would be stored in the project), at most MaxUrlLength characters,
    /// and allowed by HttpClient::isAllowedUrl() (plain http only to this computer). Otherwise
    /// InvalidArgument with a message that names the address.
    static Expected<QUrl> acceptedUrl(const QUrl &url);

    /// The http(s) addresses in \a text, in order: text/uri-list (one per line, '#' comments) or
    /// plain text with addresses separated by white space. Other words and schemes are left
    /// out; at most MaxUrls are returned. Whether they are acceptable is acceptedUrl()'s call.
    static QList<QUrl> urlsInText(const QString &text);

protected:
    void fetchPage() override;
    void abortFetch() override;

private:
    void deliverPage(quint64 generation);

    QList<QUrl> m_urls;
    QStringList m_warnings; // reported with the first page
    QDateTime m_createdAt;
    qsizetype m_next = 0;
    int m_pageSize = 100;
    quint64 m_generation = 0;
};

} // namespace taglens::engine
