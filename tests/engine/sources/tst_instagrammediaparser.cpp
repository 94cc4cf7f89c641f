// SPDX-License-Identifier: GPL-3.0-or-later
// InstagramMediaParser: the Graph API's hashtag search and media pages, with malformed,
// truncated, hostile and oversized input.
#include "engine/sources/instagrammediaparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using taglens::engine::ErrorCode;
using taglens::engine::InstagramMediaParser;
using taglens::engine::MediaItem;
using taglens::engine::Post;

namespace {

QJsonValue json(const char *text)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text));
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QJsonValue(QString::fromUtf8(text)); // a scalar stands for itself
}

// "image:url|video:-|…": the type of each item and whether it has a URL or a skip reason.
QString describe(const QList<MediaItem> &items)
{
    QStringList parts;
    for (const MediaItem &item : items) {
        QString part = item.type + u':';
        part += item.url.isValid() ? QStringLiteral("url") : QStringLiteral("-");
        if (!item.skipReason.isEmpty())
            part += QStringLiteral("!skip");
        parts << part;
    }
    return parts.join(u'|');
}

QByteArray pageOf(int count)
{
    QJsonArray data;
    for (int i = 0; i < count; ++i)
        data.append(QJsonObject{{QStringLiteral("id"), QString::number(17900000000000000LL + i)},
                                {QStringLiteral("media_type"), QStringLiteral("IMAGE")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestInstagramMediaParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashtagSearch_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("id"); // empty: an error is expected
        QTest::addColumn<int>("errorCode");
        QTest::newRow("documented") << QByteArray("{\"data\":[{\"id\":\"17843857450040591\"}]}")
                                    << QStringLiteral("17843857450040591") << 0;
        QTest::newRow("numeric id") << QByteArray("{\"data\":[{\"id\":17843857450040}]}")
                                    << QStringLiteral("17843857450040") << 0;
        QTest::newRow("first of several")
            << QByteArray("{\"data\":[{\"id\":\"1\"},{\"id\":\"2\"}]}") << QStringLiteral("1") << 0;
        QTest::newRow("empty data") << QByteArray("{\"data\":[]}") << QString() << int(ErrorCode::NotFound);
        QTest::newRow("no data") << QByteArray("{\"paging\":{}}") << QString() << int(ErrorCode::Network);
        QTest::newRow("data object") << QByteArray("{\"data\":{\"id\":\"1\"}}") << QString()
                                     << int(ErrorCode::Network);
        QTest::newRow("not json") << QByteArray("<html>") << QString() << int(ErrorCode::Network);
        QTest::newRow("truncated") << QByteArray("{\"data\":[{\"id\":\"1784") << QString()
                                   << int(ErrorCode::Network);
        QTest::newRow("array root") << QByteArray("[{\"id\":\"1\"}]") << QString() << int(ErrorCode::Network);
        QTest::newRow("path traversal id")
            << QByteArray("{\"data\":[{\"id\":\"../../me\"}]}") << QString() << int(ErrorCode::Network);
        QTest::newRow("id with query")
            << QByteArray("{\"data\":[{\"id\":\"1?x=2\"}]}") << QString() << int(ErrorCode::Network);
        QTest::newRow("huge id") << QByteArray("{\"data\":[{\"id\":\"") + QByteArray(10000, '7') + "\"}]}"
                                 << QString() << int(ErrorCode::Network);
        QTest::newRow("id not a string")
            << QByteArray("{\"data\":[{\"id\":[1]}]}") << QString() << int(ErrorCode::Network);
        QTest::newRow("negative id") << QByteArray("{\"data\":[{\"id\":-5}]}") << QString()
                                     << int(ErrorCode::Network);
    }
    void hashtagSearch()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, id);
        QFETCH(int, errorCode);
        const auto result = InstagramMediaParser::parseHashtagSearch(body, QStringLiteral("cats"));
        if (id.isEmpty()) {
            QVERIFY(!result);
            QCOMPARE(int(result.error().code), errorCode);
            QVERIFY(result.error().message.contains(QStringLiteral("#cats")));
        } else {
            QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
            QCOMPARE(*result, id);
        }
    }

    void page_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("hasNext");
        QTest::newRow("cursor and next")
            << QByteArray(
                   "{\"data\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"paging\":{\"cursors\":{\"after\":\"QVFIUk\"},"
                   "\"next\":\"https://graph.facebook.com/v21.0/1/"
                   "recent_media?access_token=T&after=QVFIUk\"}}")
            << true << 2 << QStringLiteral("QVFIUk") << true;
        QTest::newRow("next only") << QByteArray(
                                          "{\"data\":[{\"id\":\"1\"}],\"paging\":{\"next\":"
                                          "\"https://graph.facebook.com/v21.0/1/recent_media?after=Zm9v\"}}")
                                   << true << 1 << QStringLiteral("Zm9v") << true;
        QTest::newRow("last page") << QByteArray("{\"data\":[{\"id\":\"1\"}]}") << true << 1 << QString()
                                   << false;
        QTest::newRow("cursor without next")
            << QByteArray("{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"QQ\"}}}") << true << 0
            << QStringLiteral("QQ") << false;
        QTest::newRow("javascript next dropped")
            << QByteArray("{\"data\":[],\"paging\":{\"next\":\"javascript:alert(1)\"}}") << true << 0
            << QString() << false;
        QTest::newRow("paging wrong types")
            << QByteArray("{\"data\":[],\"paging\":{\"cursors\":{\"after\":5},\"next\":7}}") << true << 0
            << QString() << false;
        QTest::newRow("paging is a string")
            << QByteArray("{\"data\":[],\"paging\":\"x\"}") << true << 0 << QString() << false;
        QTest::newRow("entries of any type")
            << QByteArray("{\"data\":[1,\"x\",null,{}]}") << true << 4 << QString() << false;
        QTest::newRow("no data") << QByteArray("{\"paging\":{}}") << false << 0 << QString() << false;
        QTest::newRow("data null") << QByteArray("{\"data\":null}") << false << 0 << QString() << false;
        QTest::newRow("array root") << QByteArray("[{\"id\":\"1\"}]") << false << 0 << QString() << false;
        QTest::newRow("truncated") << QByteArray("{\"data\":[{\"id\":\"1\"},{\"id\":") << false << 0
                                   << QString() << false;
        QTest::newRow("empty") << QByteArray() << false << 0 << QString() << false;
        QTest::newRow("html") << QByteArray("<html><body>Sorry</body></html>") << false << 0 << QString()
                              << false;
        QTest::newRow("deep nesting")
            << QByteArray("{\"data\":") + QByteArray(5000, '[') + QByteArray(5000, ']') + QByteArray("}")
            << false << 0 << QString() << false;
        QTest::newRow("huge cursor ignored")
            << QByteArray("{\"data\":[],\"paging\":{\"cursors\":{\"after\":\"") + QByteArray(10000, 'A') +
                   QByteArray("\"}}}")
            << true << 0 << QString() << false;
    }
    void page()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, count);
        QFETCH(QString, after);
        QFETCH(bool, hasNext);
        const auto page = InstagramMediaParser::parsePage(body, QStringLiteral("#cats on Instagram"));
        QCOMPARE(bool(page), ok);
        if (!ok) {
            QCOMPARE(int(page.error().code), int(ErrorCode::Network));
            QVERIFY(page.error().message.contains(QStringLiteral("#cats on Instagram")));
            return;
        }
        QCOMPARE(int(page->media.size()), count);
        QCOMPARE(page->afterCursor, after);
        QCOMPARE(page->next.isValid(), hasNext);
    }

    void oversizedPageIsCut()
    {
        const auto page = InstagramMediaParser::parsePage(pageOf(InstagramMediaParser::MaxMediaPerPage + 123),
                                                          QStringLiteral("x"));
        QVERIFY(page);
        QCOMPARE(int(page->media.size()), InstagramMediaParser::MaxMediaPerPage);
        QCOMPARE(page->cutOff, 123);
    }

    void media_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("items");
        QTest::addColumn<int>("warnings");

        QTest::newRow("image")
            << QByteArray(
                   "{\"id\":\"1\",\"media_type\":\"IMAGE\",\"media_url\":\"https://cdn.example/1.jpg\"}")
            << true << QStringLiteral("image:url") << 0;
        QTest::newRow("video")
            << QByteArray(
                   "{\"id\":\"1\",\"media_type\":\"VIDEO\",\"media_url\":\"https://cdn.example/1.mp4\"}")
            << true << QStringLiteral("video:url") << 0;
        QTest::newRow("video without url") << QByteArray("{\"id\":\"1\",\"media_type\":\"VIDEO\"}") << true
                                           << QStringLiteral("video:-") << 0;
        QTest::newRow("image without url") << QByteArray("{\"id\":\"1\",\"media_type\":\"IMAGE\"}") << true
                                           << QStringLiteral("image:-!skip") << 0;
        QTest::newRow("image with null url")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"IMAGE\",\"media_url\":null}") << true
            << QStringLiteral("image:-!skip") << 0;
        QTest::newRow("image with file url")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"IMAGE\",\"media_url\":\"file:///etc/passwd\"}")
            << true << QStringLiteral("image:-!skip") << 0;
        QTest::newRow("image with relative url")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"IMAGE\",\"media_url\":\"/x.jpg\"}") << true
            << QStringLiteral("image:-!skip") << 0;
        QTest::newRow("carousel")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"CAROUSEL_ALBUM\",\"media_url\":\"https://"
                          "cdn.example/a.jpg\","
                          "\"children\":{\"data\":[{\"media_type\":\"IMAGE\",\"media_url\":\"https://"
                          "cdn.example/a.jpg\",\"id\":\"11\"},"
                          "{\"media_type\":\"VIDEO\",\"media_url\":\"https://cdn.example/b.mp4\"},"
                          "{\"media_type\":\"IMAGE\"}]}}")
            << true << QStringLiteral("image:url|video:url|image:-!skip") << 0;
        QTest::newRow("carousel without children")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"CAROUSEL_ALBUM\"}") << true
            << QStringLiteral("unknown:-") << 1;
        QTest::newRow("carousel children wrong type")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"CAROUSEL_ALBUM\",\"children\":{\"data\":\"x\"}}")
            << true << QStringLiteral("unknown:-") << 1;
        QTest::newRow("carousel child not an object")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"CAROUSEL_ALBUM\",\"children\":{\"data\":[7,"
                          "{\"media_type\":\"IMAGE\",\"media_url\":\"https://cdn.example/a.jpg\"}]}}")
            << true << QStringLiteral("unknown:-|image:url") << 0;
        QTest::newRow("nested carousel not followed")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"CAROUSEL_ALBUM\",\"children\":{\"data\":[{\"media_"
                          "type\":\"CAROUSEL_ALBUM\","
                          "\"children\":{\"data\":[{\"media_type\":\"IMAGE\",\"media_url\":\"https://"
                          "cdn.example/a.jpg\"}]}}]}}")
            << true << QStringLiteral("unknown:-") << 0;
        QTest::newRow("unknown type")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"REELS\",\"media_url\":\"https://x.example/1\"}")
            << true << QStringLiteral("unknown:url") << 0;
        QTest::newRow("type missing") << QByteArray("{\"id\":\"1\",\"media_url\":\"https://x.example/1\"}")
                                      << true << QStringLiteral("unknown:url") << 0;
        QTest::newRow("type wrong case")
            << QByteArray("{\"id\":\"1\",\"media_type\":\"image\",\"media_url\":\"https://x.example/1\"}")
            << true << QStringLiteral("unknown:url") << 0;
        QTest::newRow("numeric id") << QByteArray("{\"id\":17900000000001,\"media_type\":\"IMAGE\"}") << true
                                    << QStringLiteral("image:-!skip") << 0;
        QTest::newRow("not an object") << QByteArray("[1,2]") << false << QString() << 0;
        QTest::newRow("no id") << QByteArray("{\"media_type\":\"IMAGE\"}") << false << QString() << 0;
        QTest::newRow("empty id") << QByteArray("{\"id\":\"\"}") << false << QString() << 0;
        QTest::newRow("id object") << QByteArray("{\"id\":{\"x\":1}}") << false << QString() << 0;
        QTest::newRow("id with slash") << QByteArray("{\"id\":\"1/2\"}") << false << QString() << 0;
        QTest::newRow("id non-ascii digits") << QByteArray("{\"id\":\"١٢٣\"}") << false << QString() << 0;
    }
    void media()
    {
        QFETCH(QByteArray, object);
        QFETCH(bool, ok);
        QFETCH(QString, items);
        QFETCH(int, warnings);
        QStringList notes;
        const auto post = InstagramMediaParser::parseMedia(json(object.constData()), &notes);
        QCOMPARE(bool(post), ok);
        if (!ok) {
            QCOMPARE(int(post.error().code), int(ErrorCode::InvalidArgument));
            return;
        }
        QCOMPARE(describe(post->media), items);
        QCOMPARE(int(notes.size()), warnings);
        QCOMPARE(post->source, QStringLiteral("instagram"));
        QCOMPARE(post->instance, QStringLiteral("https://www.instagram.com"));
        QVERIFY(post->author.isEmpty());
        for (const MediaItem &item : post->media) {
            QVERIFY(!item.remoteId.isEmpty());
            if (!item.skipReason.isEmpty())
                QCOMPARE(item.skipReason,
                         QStringLiteral("Instagram gives no media URL for this post (copyrighted "
                                        "audio or downloads turned off)"));
        }
    }

    void fullPost()
    {
        const auto post = InstagramMediaParser::parseMedia(
            json("{\"id\":\"17895695668004550\",\"media_type\":\"IMAGE\",\"media_url\":\"https://"
                 "scontent.cdninstagram.com/v/1.jpg\","
                 "\"permalink\":\"https://www.instagram.com/p/CxYz123/\",\"caption\":\"Sunny day #Cats #cats "
                 "#café_2025 ##x #\","
                 "\"timestamp\":\"2025-03-01T11:59:00+0000\"}"));
        QVERIFY(post);
        QCOMPARE(post->remoteId, QStringLiteral("17895695668004550"));
        QCOMPARE(post->url, QUrl(QStringLiteral("https://www.instagram.com/p/CxYz123/")));
        QCOMPARE(post->text, QStringLiteral("Sunny day #Cats #cats #café_2025 ##x #"));
        QCOMPARE(post->tags,
                 (QStringList{QStringLiteral("cats"), QStringLiteral("café_2025"), QStringLiteral("x")}));
        QCOMPARE(post->createdAt, QDateTime(QDate(2025, 3, 1), QTime(11, 59), Qt::UTC));
        QCOMPARE(post->media.size(), 1);
        QCOMPARE(post->media.first().remoteId, QStringLiteral("17895695668004550"));
    }

    void wrongTypesReadAsAbsent()
    {
        const auto post =
            InstagramMediaParser::parseMedia(json("{\"id\":\"1\",\"media_type\":\"IMAGE\",\"caption\":42,"
                                                  "\"permalink\":[\"x\"],\"timestamp\":{\"a\":1}}"));
        QVERIFY(post);
        QVERIFY(post->text.isEmpty());
        QVERIFY(!post->url.isValid());
        QVERIFY(!post->createdAt.isValid());
        QVERIFY(post->tags.isEmpty());
    }

    void hugeCarouselAndCaptionAreCut()
    {
        QJsonArray children;
        for (int i = 0; i < 5000; ++i)
            children.append(QJsonObject{
                {QStringLiteral("media_type"), QStringLiteral("IMAGE")},
                {QStringLiteral("media_url"), QStringLiteral("https://cdn.example/%1.jpg").arg(i)}});
        QString caption;
        for (int i = 0; i < 10000; ++i)
            caption += QStringLiteral("#tag%1 ").arg(i);
        const QJsonObject object{
            {QStringLiteral("id"), QStringLiteral("1")},
            {QStringLiteral("media_type"), QStringLiteral("CAROUSEL_ALBUM")},
            {QStringLiteral("caption"), caption},
            {QStringLiteral("children"), QJsonObject{{QStringLiteral("data"), children}}}};
        QStringList notes;
        const auto post = InstagramMediaParser::parseMedia(object, &notes);
        QVERIFY(post);
        QCOMPARE(int(post->media.size()), InstagramMediaParser::MaxChildren);
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.first().contains(QStringLiteral("5000")));
        QCOMPARE(post->text.size(), InstagramMediaParser::MaxCaptionLength);
        QCOMPARE(int(post->tags.size()), InstagramMediaParser::MaxTagsPerPost);
        QCOMPARE(post->media.at(1).remoteId, QStringLiteral("1_2")); // children without ids get one
    }

    void timestamp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
        QTest::newRow("graph format") << QStringLiteral("2025-03-01T12:00:00+0000") << noon;
        QTest::newRow("offset") << QStringLiteral("2025-03-01T13:00:00+0100") << noon;
        QTest::newRow("negative offset") << QStringLiteral("2025-03-01T07:00:00-0500") << noon;
        QTest::newRow("colon offset") << QStringLiteral("2025-03-01T12:00:00+00:00") << noon;
        QTest::newRow("zulu") << QStringLiteral("2025-03-01T12:00:00Z") << noon;
        QTest::newRow("milliseconds") << QStringLiteral("2025-03-01T12:00:00.000Z") << noon;
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("month 13") << QStringLiteral("2025-13-01T12:00:00+0000") << QDateTime();
        QTest::newRow("very long") << QString(1000, u'9') << QDateTime();
    }
    void timestamp()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = InstagramMediaParser::parseTimestamp(QJsonValue(text));
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed, expected);
    }

    void hashtags_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QStringList>("tags");
        QTest::newRow("none") << QStringLiteral("no tags here") << QStringList();
        QTest::newRow("mixed case once")
            << QStringLiteral("#Cat #cat #CAT") << QStringList{QStringLiteral("cat")};
        QTest::newRow("unicode") << QStringLiteral("#Ünïcödé #猫")
                                 << QStringList{QStringLiteral("ünïcödé"), QStringLiteral("猫")};
        QTest::newRow("punctuation ends")
            << QStringLiteral("#dogs, #birds! #a-b")
            << QStringList{QStringLiteral("dogs"), QStringLiteral("birds"), QStringLiteral("a")};
        QTest::newRow("emoji not a tag") << QStringLiteral("#🐱 #ok") << QStringList{QStringLiteral("ok")};
    }
    void hashtags()
    {
        QFETCH(QString, caption);
        QFETCH(QStringList, tags);
        QCOMPARE(InstagramMediaParser::hashtagsIn(caption), tags);
    }
};

QTEST_GUILESS_MAIN(TestInstagramMediaParser)
#include "tst_instagrammediaparser.moc"
