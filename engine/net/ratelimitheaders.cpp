// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimitheaders.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QString>

Q_LOGGING_CATEGORY(lcRateLimit, "taglens.engine.net.ratelimit")

namespace taglens::engine {

namespace {

// Anything past a day is nonsense for a retry, and would overflow nothing but patience.
constexpr qint64 MaxSeconds = qint64(24) * 3600;
// Numbers above this are Unix times, below it seconds from now (2001-09-09 in Unix time).
constexpr qint64 UnixTimeThreshold = 1000000000;

std::optional<qint64> parseDigits(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 18)
        return std::nullopt;
    for (const char c : trimmed) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return trimmed.toLongLong();
}

} // namespace

QDateTime RateLimitHeaders::parseHttpDate(const QByteArray &value)
{
    // The weekday is dropped before parsing: it is redundant, and Qt would refuse a two-digit
    // year whose weekday only fits in the other century.
    QString text = QString::fromLatin1(value.simplified());
    const qsizetype comma = text.indexOf(u',');
    const qsizetype space = text.indexOf(u' ');
    if (comma > 0 && comma < space)
        text = text.mid(comma + 1).trimmed(); // IMF-fixdate, RFC 850
    else if (space > 0)
        text = text.mid(space + 1); // asctime
    const QLocale c = QLocale::c();
    // IMF-fixdate, RFC 850 and asctime (simplified() folded asctime's double space before a
    // one-digit day, so "d" matches it).
    static const char *const formats[] = {
        "dd MMM yyyy HH:mm:ss 'GMT'",
        "dd-MMM-yy HH:mm:ss 'GMT'",
        "MMM d HH:mm:ss yyyy",
    };
    for (const char *format : formats) {
        QDateTime parsed = c.toDateTime(text, QString::fromLatin1(format));
        if (!parsed.isValid())
            continue;
        // RFC 9110 says to read a two-digit year as the nearest one; servers long past 1999
        // mean this century.
        if (QByteArrayView(format).contains("-yy ") && parsed.date().year() < 1970)
            parsed = parsed.addYears(100);
        parsed.setTimeSpec(Qt::UTC);
        return parsed;
    }
    return QDateTime();
}

std::optional<std::chrono::milliseconds> RateLimitHeaders::retryAfter(const QByteArray &value,
                                                                      const QDateTime &now)
{
    if (const auto seconds = parseDigits(value))
        return std::chrono::seconds(qMin(*seconds, MaxSeconds));
    const QDateTime when = parseHttpDate(value);
    if (!when.isValid() || !now.isValid())
        return std::nullopt;
    const qint64 ms = now.msecsTo(when);
    return std::chrono::milliseconds(qBound<qint64>(0, ms, MaxSeconds * 1000));
}

QDateTime RateLimitHeaders::resetTime(const QByteArray &value, const QDateTime &now)
{
    if (const auto number = parseDigits(value)) {
        if (*number >= UnixTimeThreshold)
            return QDateTime::fromSecsSinceEpoch(*number, Qt::UTC);
        return now.isValid() ? now.addSecs(qMin(*number, MaxSeconds)) : QDateTime();
    }
    const QString text = QString::fromLatin1(value.trimmed());
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = parseHttpDate(value);
    if (!parsed.isValid())
        qCDebug(lcRateLimit) << "unreadable X-RateLimit-Reset" << value;
    return parsed;
}

std::optional<qint64> RateLimitHeaders::remaining(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    bool ok = false;
    const qint64 number = trimmed.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

} // namespace taglens::engine
