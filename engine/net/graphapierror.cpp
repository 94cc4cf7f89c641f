// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphapierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <cmath>

Q_LOGGING_CATEGORY(lcGraphApiError, "taglens.engine.net.graphapierror")

namespace taglens::engine {

namespace {

// Meta's numbers arrive as JSON numbers; a string of digits is read too, anything else as 0.
int readCode(const QJsonValue &value)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().left(16).toDouble(&ok);
        if (!ok)
            return 0;
    } else {
        return 0;
    }
    if (!std::isfinite(number) || number < 0 || number > 2147483647.0 || number != std::floor(number))
        return 0;
    return int(number);
}

QString cleanText(const QJsonValue &value)
{
    if (!value.isString())
        return QString();
    QString text = value.toString().left(GraphApiError::MaxTextLength * 2);
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            clean += QLatin1Char(' ');
        else
            clean += c;
    }
    clean = clean.simplified();
    if (clean.size() > GraphApiError::MaxTextLength)
        clean = clean.left(GraphApiError::MaxTextLength) + QChar(0x2026);
    return clean;
}

bool isRateLimit(int code)
{
    return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
}

bool isHashtagSubcode(const GraphApiError::Details &details)
{
    return details.subcode >= 2207000 && details.subcode <= 2207999 &&
           details.message.contains(QLatin1String("hashtag"), Qt::CaseInsensitive);
}

// "code 190, subcode 463, fbtrace_id AbC" — for reports to Meta and bug reports.
QString reference(const GraphApiError::Details &details, int httpStatus)
{
    QStringList parts;
    parts << QStringLiteral("code %1").arg(details.code);
    if (details.subcode != 0)
        parts << QStringLiteral("subcode %1").arg(details.subcode);
    if (httpStatus > 0)
        parts << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!details.fbtraceId.isEmpty())
        parts << QStringLiteral("fbtrace_id %1").arg(details.fbtraceId);
    return parts.join(QStringLiteral(", "));
}

QString metaSays(const GraphApiError::Details &details)
{
    if (details.message.isEmpty())
        return QString();
    return QCoreApplication::translate("GraphApiError", " Meta says: “%1”.").arg(details.message);
}

} // namespace

std::optional<GraphApiError::Details> GraphApiError::parse(const QByteArray &body)
{
    if (body.isEmpty() || body.size() > MaxBodyBytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonValue errorValue = document.object().value(QLatin1String("error"));
    if (!errorValue.isObject())
        return std::nullopt;
    const QJsonObject error = errorValue.toObject();
    Details details;
    details.code = readCode(error.value(QLatin1String("code")));
    details.subcode = readCode(error.value(QLatin1String("error_subcode")));
    details.type = cleanText(error.value(QLatin1String("type")));
    details.message = cleanText(error.value(QLatin1String("message")));
    details.fbtraceId = cleanText(error.value(QLatin1String("fbtrace_id")));
    if (details.code == 0 && details.message.isEmpty())
        return std::nullopt;
    return details;
}

GraphApiError::Kind GraphApiError::classify(const Details &details)
{
    const int code = details.code;
    if (code == 190 || code == 102)
        return Kind::ExpiredLogin;
    if (code == 24 || isHashtagSubcode(details))
        return Kind::HashtagLimit;
    if (isRateLimit(code))
        return Kind::RateLimit;
    if (code == 10 || (code >= 200 && code <= 299))
        return Kind::Permission;
    if (code == 100)
        return Kind::InvalidParameter;
    if (code == 1 || code == 2 || code == 341)
        return Kind::Temporary;
    return Kind::Other;
}

QString GraphApiError::expiredLoginMessage()
{
    return tr("Your Instagram login has expired or was revoked; log in again with "
              "`taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…).");
}

Error GraphApiError::toError(const Details &details, int httpStatus)
{
    const QString ref = reference(details, httpStatus);
    switch (classify(details)) {
    case Kind::ExpiredLogin:
        return Error::make(ErrorCode::Unauthorized, expiredLoginMessage());
    case Kind::RateLimit:
        return Error::make(ErrorCode::RateLimited,
                           tr("Meta's Graph API rate limit was reached (%1). Wait before trying again "
                              "(usually up to an hour), then run the same command again.")
                               .arg(ref));
    case Kind::HashtagLimit:
        return Error::make(
            ErrorCode::RateLimited,
            tr("This Instagram account has used up Meta's budget of 30 different hashtags per "
               "rolling 7 days (%1). A new hashtag can be searched once the oldest one searched "
               "is 7 days old; tags searched in the last 7 days still work.")
                .arg(ref));
    case Kind::Permission:
        return Error::make(
            ErrorCode::PermissionDenied,
            tr("Meta refused the request for lack of permission (%1).%2 Hashtag search needs "
               "the instagram_basic permission and the Instagram Public Content Access feature, "
               "which Meta grants through App Review.")
                .arg(ref, metaSays(details)));
    case Kind::InvalidParameter:
        if (details.subcode == 33)
            return Error::make(ErrorCode::NotFound,
                               tr("The Graph API says the object does not exist or cannot be read with this "
                                  "login (%1).%2")
                                   .arg(ref, metaSays(details)));
        return Error::make(ErrorCode::InvalidArgument,
                           tr("The Graph API refused a parameter (%1).%2 An unknown, sensitive or blocked "
                              "hashtag gives this error too.")
                               .arg(ref, metaSays(details)));
    case Kind::Temporary:
        return Error::make(ErrorCode::Network,
                           tr("Meta's Graph API has a temporary problem (%1).%2 Try again later.")
                               .arg(ref, metaSays(details)));
    case Kind::Other:
        break;
    }
    return Error::make(ErrorCode::Network,
                       tr("The Graph API refused the request: %1 (%2)")
                           .arg(details.message.isEmpty() ? tr("no message") : details.message, ref));
}

Error GraphApiError::fromResponse(int httpStatus, const QByteArray &body, const Error &transportError)
{
    if (const auto details = parse(body)) {
        qCDebug(lcGraphApiError) << "Graph API error" << details->code << details->subcode << details->type
                                 << details->fbtraceId;
        return toError(*details, httpStatus);
    }
    return transportError;
}

} // namespace taglens::engine
