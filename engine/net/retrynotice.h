// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace taglens::engine {

/// HttpClient will try a request again after a wait: which attempt comes next, of how many at
/// most, after how long, and why. Front ends word it (ProgressText::retrying).
struct RetryNotice
{
    /// Why the last attempt did not succeed.
    enum class Reason
    {
        ConnectionRefused, ///< nothing listens at the address (or a firewall says no)
        ConnectionLost,    ///< the connection closed or was reset before the answer was complete
        TimedOut,          ///< no data arrived for the transfer timeout
        ServerError,       ///< a 5xx answer; httpStatus says which
        RateLimited,       ///< 429: the host asked to wait
        NetworkError,      ///< another transient network problem
    };

    QString host;       ///< "name:port"
    int attempt = 0;    ///< the attempt that comes next; the first request was attempt 1
    int attempts = 0;   ///< the most attempts there will be (the first one and its retries)
    qint64 delayMs = 0; ///< the wait before it
    Reason reason = Reason::NetworkError;
    int httpStatus = 0; ///< the answer's status, 0 when none arrived
    QString problem;    ///< what went wrong, for logs and details

    bool operator==(const RetryNotice &) const = default;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::RetryNotice)
