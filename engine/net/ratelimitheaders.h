// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <chrono>
#include <optional>

namespace taglens::engine {

/// Reads the headers with which servers ask clients to wait: `Retry-After` (RFC 9110) and
/// Mastodon's `X-RateLimit-Remaining` / `X-RateLimit-Reset`.
///
/// Times a server states are compared with the server's own clock (its `Date` header) when it
/// sends one, so a client whose clock is off still waits as long as the server meant.
class RateLimitHeaders
{
public:
    RateLimitHeaders() = delete;

    /// An HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete RFC 850 form
    /// ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994"). Invalid when
    /// it is none of these.
    static QDateTime parseHttpDate(const QByteArray &value);

    /// How long `Retry-After: <value>` asks to wait, measured from \a now (the server's time when
    /// known): delay-seconds or an HTTP-date; a date in the past is zero. Empty for anything else.
    static std::optional<std::chrono::milliseconds> retryAfter(const QByteArray &value, const QDateTime &now);

    /// When `X-RateLimit-Reset: <value>` says the limit resets: Mastodon sends an ISO 8601 time
    /// ("2024-05-04T12:00:00.000Z"); a plain number is taken as Unix seconds when it is large and
    /// as seconds from \a now otherwise, as some other servers send. Invalid when unreadable.
    static QDateTime resetTime(const QByteArray &value, const QDateTime &now);

    /// `X-RateLimit-Remaining` as a number; empty when absent or not a number.
    static std::optional<qint64> remaining(const QByteArray &value);
};

} // namespace taglens::engine
