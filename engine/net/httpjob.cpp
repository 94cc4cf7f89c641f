// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpjob.h"

#include "httpclient.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QStringList>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcHttpJob, "taglens.engine.net.job")

namespace taglens::engine {

HttpJob::HttpJob(HttpClient *client, quint64 id, const QUrl &url, const RequestOptions &options)
    : QObject(client), m_client(client), m_id(id), m_url(url), m_options(options), m_currentUrl(url)
{
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
}

HttpJob::~HttpJob()
{
    // Deleted early by its owner, or with the client: quietly, no signal.
    if (m_client && m_state != State::Finished) {
        qCDebug(lcHttpJob) << "job" << m_id << "deleted before it finished";
        m_client->forget(this); // aborts the reply and frees its slot
    }
    if (QNetworkReply *reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpJob::cancel()
{
    if (m_state == State::Finished || !m_client)
        return;
    m_client->cancelJob(this);
}

QString HttpJob::displayUrl() const
{
    return displayUrl(m_url);
}

QString HttpJob::displayUrl(const QUrl &url)
{
    // Messages and logs name the URL; credentials some APIs take in the query (the Graph API's
    // access_token, client_secret, code) must not go with it.
    static const QStringList secretNames{QStringLiteral("access_token"), QStringLiteral("client_secret"),
                                         QStringLiteral("code"), QStringLiteral("fb_exchange_token"),
                                         QStringLiteral("input_token")};
    QUrl shown = url;
    if (shown.hasQuery()) {
        QUrlQuery query(shown);
        bool changed = false;
        for (const QString &name : secretNames) {
            if (query.hasQueryItem(name)) {
                const int count = int(query.allQueryItemValues(name).size());
                query.removeAllQueryItems(name);
                for (int i = 0; i < count; ++i)
                    query.addQueryItem(name, QStringLiteral("REDACTED"));
                changed = true;
            }
        }
        if (changed)
            shown.setQuery(query);
    }
    return shown.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace taglens::engine
