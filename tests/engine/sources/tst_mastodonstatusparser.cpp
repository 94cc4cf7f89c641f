// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sources/mastodonstatusparser.h"
#include "mastodonfixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::MastodonStatusParser;
using taglens::engine::MediaItem;
using taglens::engine::Post;
namespace fixtures = taglens::tests::mastodon;

namespace {

QJsonValue json(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]");
    return document.array().at(0);
}

const QString Instance = QStringLiteral("https://example.social");

} // namespace

class TestMastodonStatusParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullStatus();
    void reblogIsTheOriginal();
    void urlFallsBackToUri();
    void media_data();
    void media();
    void malformedStatusSkipped_data();
    void malformedStatusSkipped();
    void oddFieldsReadAsAbsent();
    void tooManyAttachmentsCapped();
    void page_data();
    void page();
};

void TestMastodonStatusParser::fullStatus()
{
    const auto post = MastodonStatusParser::parseStatus(
        json(fixtures::status(QStringLiteral("110123"), QStringLiteral("Cats"), {},
                              QStringLiteral("alice@example.social"))),
        QStringLiteral("pixelfed"), Instance);
    QVERIFY(post.hasValue());
    QCOMPARE(post->source, QStringLiteral("pixelfed"));
    QCOMPARE(post->instance, Instance);
    QCOMPARE(post->remoteId, QStringLiteral("110123"));
    QCOMPARE(post->url, QUrl(QStringLiteral("https://example.social/@alice/110123")));
    QCOMPARE(post->createdAt, QDateTime(QDate(2024, 5, 4), QTime(12, 34, 56, 789), Qt::UTC));
    QCOMPARE(post->author, QStringLiteral("alice@example.social"));
    QCOMPARE(post->text, QStringLiteral("Sunny afternoon & a nap #Cats\nsecond line\n\nMore"));
    QCOMPARE(post->tags, (QStringList{QStringLiteral("cats"), QStringLiteral("sunny")}));
    QCOMPARE(post->media.size(), 1);
    const MediaItem &item = post->media.first();
    QCOMPARE(item.remoteId, QStringLiteral("9110123"));
    QCOMPARE(item.type, QStringLiteral("image"));
    QVERIFY(item.isClassifiable());
    QCOMPARE(item.url,
             QUrl(QStringLiteral(
                 "https://files.example.social/media_attachments/files/9110123/original/cat.jpeg")));
    QCOMPARE(
        item.previewUrl,
        QUrl(QStringLiteral("https://files.example.social/media_attachments/files/9110123/small/cat.jpeg")));
    QVERIFY(item.remoteUrl.isEmpty());
    QCOMPARE(item.altText, QStringLiteral("A ginger cat asleep in the sun"));
    QCOMPARE(item.width, 1200);
    QCOMPARE(item.height, 800);
    QVERIFY(item.localPath.isEmpty());
}

void TestMastodonStatusParser::reblogIsTheOriginal()
{
    QJsonObject wrapper = json(fixtures::status(QStringLiteral("500"))).toObject();
    wrapper[QStringLiteral("content")] = QString();
    wrapper[QStringLiteral("media_attachments")] = QJsonArray();
    wrapper[QStringLiteral("reblog")] = json(fixtures::status(QStringLiteral("42"), QStringLiteral("dogs"),
                                                              {}, QStringLiteral("bob@elsewhere.org")));
    const auto post = MastodonStatusParser::parseStatus(wrapper, QStringLiteral("mastodon"), Instance);
    QVERIFY(post.hasValue());
    QCOMPARE(post->remoteId, QStringLiteral("42"));
    QCOMPARE(post->author, QStringLiteral("bob@elsewhere.org"));
    QCOMPARE(post->tags.first(), QStringLiteral("dogs"));
    QCOMPARE(post->media.size(), 1);
    QVERIFY(!post->text.isEmpty());
}

void TestMastodonStatusParser::urlFallsBackToUri()
{
    QJsonObject status = json(fixtures::status(QStringLiteral("7"))).toObject();
    status[QStringLiteral("url")] = QJsonValue::Null;
    const auto post = MastodonStatusParser::parseStatus(status, QStringLiteral("mastodon"), Instance);
    QVERIFY(post.hasValue());
    QCOMPARE(post->url, QUrl(QStringLiteral("https://example.social/users/alice/statuses/7")));
}

void TestMastodonStatusParser::media_data()
{
    QTest::addColumn<QByteArray>("attachment");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("remoteUrl");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");

    QTest::newRow("video")
        << QByteArray(
               R"({"id":"1","type":"video","url":"https://f.example/v.mp4","preview_url":"https://f.example/v.png",)"
               R"("remote_url":null,"meta":{"original":{"width":640,"height":480,"frame_rate":"30/1","duration":6.2}},"description":null})")
        << QStringLiteral("video") << QStringLiteral("https://f.example/v.mp4") << QString() << 640 << 480;
    QTest::newRow("gifv") << QByteArray(
                                 R"({"id":"2","type":"gifv","url":"https://f.example/g.mp4","meta":{}})")
                          << QStringLiteral("gifv") << QStringLiteral("https://f.example/g.mp4") << QString()
                          << 0 << 0;
    QTest::newRow("audio") << QByteArray(R"({"id":"3","type":"audio","url":"https://f.example/a.mp3"})")
                           << QStringLiteral("audio") << QStringLiteral("https://f.example/a.mp3")
                           << QString() << 0 << 0;
    QTest::newRow("federated, not cached")
        << QByteArray(
               R"({"id":"4","type":"unknown","url":null,"preview_url":null,"remote_url":"https://far.example/x.jpg"})")
        << QStringLiteral("unknown") << QString() << QStringLiteral("https://far.example/x.jpg") << 0 << 0;
    QTest::newRow("type missing") << QByteArray(R"({"id":"5","url":"https://f.example/x.jpg"})")
                                  << QStringLiteral("unknown") << QStringLiteral("https://f.example/x.jpg")
                                  << QString() << 0 << 0;
    QTest::newRow("not an object") << QByteArray(R"("https://f.example/x.jpg")") << QStringLiteral("unknown")
                                   << QString() << QString() << 0 << 0;
    QTest::newRow("file url dropped") << QByteArray(R"({"id":"6","type":"image","url":"file:///etc/passwd"})")
                                      << QStringLiteral("image") << QString() << QString() << 0 << 0;
    QTest::newRow("absurd size")
        << QByteArray(
               R"({"id":"7","type":"image","url":"https://f.example/i.png","meta":{"original":{"width":1e12,"height":-5}}})")
        << QStringLiteral("image") << QStringLiteral("https://f.example/i.png") << QString() << 0 << 0;
    QTest::newRow("size as strings")
        << QByteArray(
               R"({"id":"8","type":"IMAGE","url":"https://f.example/i.png","meta":{"original":{"width":"10","height":"10"}}})")
        << QStringLiteral("image") << QStringLiteral("https://f.example/i.png") << QString() << 0 << 0;
}

void TestMastodonStatusParser::media()
{
    QFETCH(QByteArray, attachment);
    QFETCH(QString, type);
    QFETCH(QString, url);
    QFETCH(QString, remoteUrl);
    QFETCH(int, width);
    QFETCH(int, height);
    const MediaItem item = MastodonStatusParser::parseMedia(json(attachment));
    QCOMPARE(item.type, type);
    QCOMPARE(item.url.toString(), url);
    QCOMPARE(item.remoteUrl.toString(), remoteUrl);
    QCOMPARE(item.width, width);
    QCOMPARE(item.height, height);
}

void TestMastodonStatusParser::malformedStatusSkipped_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("string") << QByteArray(R"("status")");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("no id") << QByteArray(R"({"content":"<p>hi</p>","media_attachments":[]})");
    QTest::newRow("empty id") << QByteArray(R"({"id":"","content":"x"})");
    QTest::newRow("id is an object") << QByteArray(R"({"id":{"a":1}})");
    QTest::newRow("fractional id") << QByteArray(R"({"id":1.5})");
}

void TestMastodonStatusParser::malformedStatusSkipped()
{
    QFETCH(QByteArray, status);
    const auto post = MastodonStatusParser::parseStatus(json(status), QStringLiteral("mastodon"), Instance);
    QVERIFY(!post.hasValue());
    QVERIFY(!post.error().message.isEmpty());
}

void TestMastodonStatusParser::oddFieldsReadAsAbsent()
{
    const QByteArray odd =
        R"json({"id": 1234, "created_at": "yesterday", "url": "javascript:alert(1)", "uri": 5,
                               "account": "alice", "content": null, "tags": [{"name": "#Mixed"}, {"name": 3}, "x"],
                               "media_attachments": {"not": "an array"}})json";
    const auto post = MastodonStatusParser::parseStatus(json(odd), QStringLiteral("mastodon"), Instance);
    QVERIFY(post.hasValue());
    QCOMPARE(post->remoteId, QStringLiteral("1234"));
    QVERIFY(!post->createdAt.isValid());
    QVERIFY(post->url.isEmpty());
    QVERIFY(post->author.isEmpty());
    QVERIFY(post->text.isEmpty());
    QCOMPARE(post->tags, QStringList{QStringLiteral("mixed")});
    QVERIFY(post->media.isEmpty());
}

void TestMastodonStatusParser::tooManyAttachmentsCapped()
{
    QList<QByteArray> media;
    for (int i = 0; i < MastodonStatusParser::MaxMediaPerStatus + 5; ++i)
        media.append(fixtures::image(QString::number(i)));
    QStringList warnings;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("only the first")));
    const auto post = MastodonStatusParser::parseStatus(
        json(fixtures::status(QStringLiteral("1"), QStringLiteral("cats"), media)),
        QStringLiteral("mastodon"), Instance, &warnings);
    QVERIFY(post.hasValue());
    QCOMPARE(post->media.size(), MastodonStatusParser::MaxMediaPerStatus);
    QCOMPARE(warnings.size(), 1);
}

void TestMastodonStatusParser::page_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("statuses");
    QTest::addColumn<QString>("error");
    QTest::newRow("two") << fixtures::page({fixtures::status(QStringLiteral("2")),
                                            fixtures::status(QStringLiteral("1"))})
                         << 2 << QString();
    QTest::newRow("empty array") << QByteArray("[]") << 0 << QString();
    QTest::newRow("cut in the middle") << fixtures::page({fixtures::status(QStringLiteral("2"))}).left(300)
                                       << -1 << QStringLiteral("not valid JSON");
    QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>") << -1
                                     << QStringLiteral("not valid JSON");
    QTest::newRow("empty body") << QByteArray() << -1 << QStringLiteral("not valid JSON");
    QTest::newRow("error object") << QByteArray(R"({"error":"This method requires an authenticated user"})")
                                  << -1
                                  << QStringLiteral("It says: “This method requires an authenticated user”");
    QTest::newRow("number") << QByteArray("42") << -1 << QStringLiteral("not");
}

void TestMastodonStatusParser::page()
{
    QFETCH(QByteArray, body);
    QFETCH(int, statuses);
    QFETCH(QString, error);
    const auto parsed =
        MastodonStatusParser::parsePage(body, QStringLiteral("#cats on https://example.social"));
    QCOMPARE(parsed.hasValue(), statuses >= 0);
    if (statuses >= 0) {
        QCOMPARE(parsed->size(), statuses);
    } else {
        QCOMPARE(parsed.error().code, ErrorCode::Network);
        QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("#cats on https://example.social")),
                 qPrintable(parsed.error().message));
    }
}

QTEST_GUILESS_MAIN(TestMastodonStatusParser)
#include "tst_mastodonstatusparser.moc"
