// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <chrono>
#include <utility>

namespace taglens::engine {

/// Per-request settings for HttpClient::get(). Zero or negative values mean "the client's default".
struct RequestOptions
{
    /// Sent as "Authorization: Bearer <token>" to the requested origin only, never to another
    /// host a redirect leads to.
    QString bearerToken;
    /// Extra request headers, e.g. {"Accept", "application/json"}.
    QList<std::pair<QByteArray, QByteArray>> headers;
    /// Largest body accepted, in bytes (0: HttpClient::maxBodyBytes()).
    qint64 maxBodyBytes = 0;
    /// How long a transfer may go without any progress (0: HttpClient::transferTimeout()).
    std::chrono::milliseconds transferTimeout{0};
    /// Retries after the first attempt (-1: HttpClient::maxRetries()).
    int maxRetries = -1;
};

} // namespace taglens::engine
