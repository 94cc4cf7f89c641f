// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace taglens::engine {

/// Reads the error objects of Meta's Graph API,
/// `{"error":{"message","type","code","error_subcode","fbtrace_id"}}`, and turns them into engine
/// Errors whose message says what to do:
/// - 190 (and 102): the login expired or was revoked → Unauthorized, "log in again with …";
/// - 4, 17, 32, 613 and the 80000–80014 business-use-case limits → RateLimited, "wait";
/// - 24, or a 2207xxx subcode about hashtags → RateLimited, the 30-hashtags-per-7-days budget;
/// - 10 and 200–299 → PermissionDenied, naming instagram_basic, Instagram Public Content
///   Access and App Review;
/// - 100 → InvalidArgument (NotFound with subcode 33): a refused parameter or an unknown tag;
/// - 1, 2, 341 → Network, a temporary problem at Meta;
/// - anything else keeps Meta's message, with its code, subcode and fbtrace_id.
/// Hostile bodies (not JSON, wrong types, huge messages, control characters) never crash; texts
/// taken from the body are cut to a few hundred characters and stripped of control characters.
class GraphApiError
{
    Q_DECLARE_TR_FUNCTIONS(GraphApiError)

public:
    enum class Kind
    {
        ExpiredLogin,
        RateLimit,
        HashtagLimit,
        Permission,
        InvalidParameter,
        Temporary,
        Other,
    };

    /// What one error object says. Missing or mistyped fields read as 0 or empty.
    struct Details
    {
        int code = 0;
        int subcode = 0;
        QString type;      ///< "OAuthException", …
        QString message;   ///< Meta's text, cleaned and cut
        QString fbtraceId; ///< Meta's support id, cleaned and cut
    };

    /// Longest text kept from a body (message, type, fbtrace_id).
    static constexpr qsizetype MaxTextLength = 500;
    /// Bodies larger than this are not parsed (an error object is a few hundred bytes).
    static constexpr qsizetype MaxBodyBytes = qsizetype{256} * 1024;

    GraphApiError() = delete;

    /// The error object in \a body, or nothing when there is none (not JSON, no "error" object,
    /// no usable code and no message).
    static std::optional<Details> parse(const QByteArray &body);
    /// Which kind of problem \a details describes.
    static Kind classify(const Details &details);
    /// The engine error for \a details (see the class description).
    static Error toError(const Details &details, int httpStatus);
    /// The engine error for a failed Graph API request: from the error object in \a body when there
    /// is one, else \a transportError (the HttpClient's error) as it is.
    static Error fromResponse(int httpStatus, const QByteArray &body, const Error &transportError);

    /// The sentence for an expired or revoked login (also used before a request is sent, when the
    /// stored expiry has passed).
    static QString expiredLoginMessage();
};

} // namespace taglens::engine
