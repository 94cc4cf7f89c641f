// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/ratelimitheaders.h"

#include <QTest>

using taglens::engine::RateLimitHeaders;

class TestRateLimitHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpDate_data();
    void httpDate();
    void retryAfter_data();
    void retryAfter();
    void resetTime_data();
    void resetTime();
    void remaining_data();
    void remaining();
};

namespace {

QDateTime utc(const char *iso)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

void TestRateLimitHeaders::httpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << utc("1994-11-06T08:49:37");
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << utc("1994-11-06T08:49:37");
    QTest::newRow("RFC 850, this century")
        << QByteArray("Saturday, 04-May-24 12:00:00 GMT") << utc("2024-05-04T12:00:00");
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << utc("1994-11-06T08:49:37");
    QTest::newRow("not a date") << QByteArray("soon") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestRateLimitHeaders::httpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = RateLimitHeaders::parseHttpDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toUTC(), expected);
}

void TestRateLimitHeaders::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << QByteArray("120") << true << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("padded") << QByteArray(" 3 ") << true << qint64(3000);
    QTest::newRow("absurd, capped at a day") << QByteArray("99999999999") << true << qint64(86400000);
    QTest::newRow("date 90 s ahead") << QByteArray("Sat, 04 May 2024 12:01:30 GMT") << true << qint64(90000);
    QTest::newRow("date in the past") << QByteArray("Sat, 04 May 2024 11:00:00 GMT") << true << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << false << qint64(0);
    QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
    QTest::newRow("text") << QByteArray("later") << false << qint64(0);
}

void TestRateLimitHeaders::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(qint64, ms);
    const auto wait = RateLimitHeaders::retryAfter(value, utc("2024-05-04T12:00:00"));
    QCOMPARE(wait.has_value(), valid);
    if (valid)
        QCOMPARE(qint64(wait->count()), ms);
}

void TestRateLimitHeaders::resetTime_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("mastodon ISO 8601")
        << QByteArray("2024-05-04T12:05:00.000Z") << utc("2024-05-04T12:05:00");
    QTest::newRow("ISO with offset") << QByteArray("2024-05-04T14:05:00+02:00") << utc("2024-05-04T12:05:00");
    QTest::newRow("unix seconds") << QByteArray("1714824300") << utc("2024-05-04T12:05:00");
    QTest::newRow("seconds from now") << QByteArray("300") << utc("2024-05-04T12:05:00");
    QTest::newRow("garbage") << QByteArray("whenever") << QDateTime();
}

void TestRateLimitHeaders::resetTime()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = RateLimitHeaders::resetTime(value, utc("2024-05-04T12:00:00"));
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toUTC(), expected);
}

void TestRateLimitHeaders::remaining_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("number") << QByteArray("299") << true << qint64(299);
    QTest::newRow("zero") << QByteArray(" 0") << true << qint64(0);
    QTest::newRow("absent") << QByteArray() << false << qint64(0);
    QTest::newRow("text") << QByteArray("many") << false << qint64(0);
}

void TestRateLimitHeaders::remaining()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(qint64, expected);
    const auto parsed = RateLimitHeaders::remaining(value);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, expected);
}

QTEST_GUILESS_MAIN(TestRateLimitHeaders)
#include "tst_ratelimitheaders.moc"
