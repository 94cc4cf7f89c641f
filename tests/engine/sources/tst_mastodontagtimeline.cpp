// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/httpclient.h"
#include "engine/sources/mastodontagtimeline.h"
#include "mastodonfixtures.h"
#include "sourcerecorder.h"
#include "support/testhttpserver.h"

#include <QHash>
#include <QTest>
#include <memory>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::HttpClient;
using taglens::engine::MastodonTagTimeline;
using taglens::engine::Post;
using taglens::engine::PostSource;
using taglens::tests::SourceRecorder;
using taglens::tests::TestHttpServer;
namespace fixtures = taglens::tests::mastodon;

namespace {

const QString CatsPath = QStringLiteral("/api/v1/timelines/tag/cats");

/// A page the stand-in serves: its statuses and its Link header.
struct Page
{
    QByteArray body;
    QByteArray link;
};

QByteArray ids(std::initializer_list<const char *> list)
{
    QByteArrayList statuses;
    for (const char *id : list)
        statuses.append(fixtures::status(QString::fromLatin1(id)));
    return fixtures::page(statuses);
}

} // namespace

class TestMastodonTagTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void twoPagesViaLink();
    void pullOnlyWhenAsked();
    void linkLoopTerminates_data();
    void linkLoopTerminates();
    void repeatedStatusesNotDoubleCounted();
    void pageOfOnlyRepeatsStops();
    void httpErrors_data();
    void httpErrors();
    void malformedPage_data();
    void malformedPage();
    void malformedStatusesSkipped();
    void contentMediaAndReblog();
    void severalTags();
    void instanceRequiresLogin_data();
    void instanceRequiresLogin();
    void tokenSkipsCheckAndIsSent();
    void pageTooLarge();
    void faultsAreRetried();
    void crossOriginNextStops();
    void invalidInput_data();
    void invalidInput();
    void tagEncodedAsTyped();
    void cancelIsQuiet();

private:
    /// Serves \a pages on \a path: the first without max_id, the others by their max_id.
    void servePages(const QString &path, const QHash<QString, Page> &pages);
    std::unique_ptr<MastodonTagTimeline> makeSource(const QString &tag);
    QByteArray nextLink(const QString &path, const QString &maxId, const QString &order = QString()) const;

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void TestMastodonTagTimeline::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_client = std::make_unique<HttpClient>();
    m_client->setBackoff(5ms, 40ms);
    m_client->setTransferTimeout(5s);
}

void TestMastodonTagTimeline::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestMastodonTagTimeline::servePages(const QString &path, const QHash<QString, Page> &pages)
{
    m_server->route(path, [pages](const TestHttpServer::Request &request) {
        const QString maxId = request.query.queryItemValue(QStringLiteral("max_id"));
        const auto it = pages.constFind(maxId);
        if (it == pages.cend())
            return TestHttpServer::Response::json("[]");
        auto response = TestHttpServer::Response::json(it->body);
        if (!it->link.isEmpty())
            response.headers.emplaceBack("Link", it->link);
        response.headers.emplaceBack("X-RateLimit-Limit", "300");
        response.headers.emplaceBack("X-RateLimit-Remaining", "299");
        return response;
    });
}

std::unique_ptr<MastodonTagTimeline> TestMastodonTagTimeline::makeSource(const QString &tag)
{
    auto source = std::make_unique<MastodonTagTimeline>(m_client.get(), m_server->url(QString()), tag);
    source->setCheckInstanceAccess(false);
    return source;
}

QByteArray TestMastodonTagTimeline::nextLink(const QString &path, const QString &maxId,
                                             const QString &order) const
{
    const QString query = order == u"reversed" ? QStringLiteral("?max_id=%1&limit=40").arg(maxId)
                                               : QStringLiteral("?limit=40&max_id=%1").arg(maxId);
    const QByteArray next = m_server->url(path + query).toEncoded();
    const QByteArray prev = m_server->url(path + QStringLiteral("?limit=40&min_id=999")).toEncoded();
    return '<' + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"";
}

void TestMastodonTagTimeline::twoPagesViaLink()
{
    servePages(CatsPath, {
                             {QString(), {ids({"109", "108"}), nextLink(CatsPath, QStringLiteral("108"))}},
                             {QStringLiteral("108"), {ids({"107"}), QByteArray()}},
                         });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.pages.size(), 1);
    QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("109"), QStringLiteral("108")}));
    QCOMPARE(source->state(), PostSource::State::Idle);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.ids(),
             (QStringList{QStringLiteral("109"), QStringLiteral("108"), QStringLiteral("107")}));
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.failedCount, 0);
    QCOMPARE(source->state(), PostSource::State::Exhausted);
    QCOMPARE(source->pagesFetched(), 2);

    const auto requests = m_server->requests(CatsPath);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("40"));
    QVERIFY(!requests.at(0).query.hasQueryItem(QStringLiteral("max_id")));
    QCOMPARE(requests.at(1).query.queryItemValue(QStringLiteral("max_id")), QStringLiteral("108"));
    QCOMPARE(requests.at(0).header("Accept"), QByteArray("application/json"));
    QVERIFY(requests.at(0).header("User-Agent").startsWith("TagLens/"));
    QVERIFY(!requests.at(0).hasHeader("Authorization"));

    const Post &post = recorder.posts.first();
    QCOMPARE(post.source, QStringLiteral("mastodon"));
    QCOMPARE(post.instance, m_server->url(QString()).toString());
    QCOMPARE(post.media.size(), 1);

    source->fetchNext(); // after the end: nothing
    QCOMPARE(m_server->requests(CatsPath).size(), 2);
}

void TestMastodonTagTimeline::pullOnlyWhenAsked()
{
    servePages(CatsPath, {
                             {QString(), {ids({"3"}), nextLink(CatsPath, QStringLiteral("3"))}},
                             {QStringLiteral("3"), {ids({"2"}), nextLink(CatsPath, QStringLiteral("2"))}},
                             {QStringLiteral("2"), {ids({"1"}), QByteArray()}},
                         });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    source->fetchNext();
    source->fetchNext(); // while fetching: ignored
    QTRY_COMPARE(recorder.events, 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requests(CatsPath).size(), 1); // no read-ahead: the consumer has not asked
    QVERIFY(recorder.fetchOne());
    QCOMPARE(m_server->requests(CatsPath).size(), 2);
    QCOMPARE(recorder.events, 2);
}

void TestMastodonTagTimeline::linkLoopTerminates_data()
{
    QTest::addColumn<QString>("loop");
    QTest::newRow("back to the first page, parameters reordered") << QStringLiteral("first");
    QTest::newRow("to itself") << QStringLiteral("self");
}

void TestMastodonTagTimeline::linkLoopTerminates()
{
    QFETCH(QString, loop);
    const QString first = m_server->url(CatsPath + QStringLiteral("?limit=40")).toString();
    const QByteArray back =
        loop == u"first"
            ? '<' + m_server->url(CatsPath + QStringLiteral("?limit=40")).toEncoded() + ">; rel=\"next\""
            : nextLink(CatsPath, QStringLiteral("20"), QStringLiteral("reversed"));
    servePages(CatsPath,
               {
                   {QString(), {ids({"30", "29"}), nextLink(CatsPath, QStringLiteral("29"))}},
                   {QStringLiteral("29"), {ids({"20", "19"}), nextLink(CatsPath, QStringLiteral("20"))}},
                   {QStringLiteral("20"), {ids({"10"}), back}},
               });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll(20));
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.failedCount, 0);
    QCOMPARE(recorder.ids().size(), 5);
    QCOMPARE(m_server->requests(CatsPath).size(), 3);
}

void TestMastodonTagTimeline::repeatedStatusesNotDoubleCounted()
{
    servePages(CatsPath,
               {
                   {QString(), {ids({"9", "8", "7"}), nextLink(CatsPath, QStringLiteral("7"))}},
                   {QStringLiteral("7"), {ids({"8", "7", "6"}), nextLink(CatsPath, QStringLiteral("6"))}},
                   {QStringLiteral("6"), {ids({"5", "5"}), QByteArray()}},
               });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("9"), QStringLiteral("8"), QStringLiteral("7"),
                                          QStringLiteral("6"), QStringLiteral("5")}));
    QCOMPARE(source->duplicatesSkipped(), 3);
    QCOMPARE(recorder.exhaustedCount, 1);
}

void TestMastodonTagTimeline::pageOfOnlyRepeatsStops()
{
    // Every page has a new next link, but the statuses never change: the stream must still end.
    m_server->route(CatsPath, [this](const TestHttpServer::Request &request) {
        const int n = request.query.queryItemValue(QStringLiteral("max_id")).toInt() + 1;
        auto response = TestHttpServer::Response::json(ids({"3", "2", "1"}));
        response.headers.emplaceBack("Link", nextLink(CatsPath, QString::number(n)));
        return response;
    });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll(20));
    QCOMPARE(recorder.ids().size(), 3);
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(m_server->requests(CatsPath).size(), 2);
    QCOMPARE(source->duplicatesSkipped(), 3);
}

void TestMastodonTagTimeline::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    // message: what the error must mention (the tag, the server, the status), not how it says it.
    QTest::newRow("401") << 401 << QString() << int(ErrorCode::Unauthorized) << QString();
    QTest::newRow("401 with a token")
        << 401 << QStringLiteral("expired") << int(ErrorCode::Unauthorized) << QStringLiteral("INSTANCE");
    QTest::newRow("404") << 404 << QString() << int(ErrorCode::NotFound) << QStringLiteral("#cats");
    QTest::newRow("500") << 500 << QString() << int(ErrorCode::Network) << QStringLiteral("500");
}

void TestMastodonTagTimeline::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QString, token);
    QFETCH(int, code);
    QFETCH(QString, message);
    message.replace(QStringLiteral("INSTANCE"), QUrl(m_server->url(QString())).host());
    m_server->route(CatsPath, [status](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::json(R"({"error":"Nope"})", status);
        if (status == 401)
            response.headers.emplaceBack("WWW-Authenticate",
                                         R"(Bearer realm="Doorkeeper", error="invalid_token")");
        return response;
    });
    m_client->setMaxRetries(2);
    auto source = makeSource(QStringLiteral("cats"));
    source->setAccessToken(token);
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.failedCount, 1);
    QCOMPARE(int(recorder.error->code), code);
    QVERIFY(!recorder.error->message.isEmpty());
    QVERIFY2(recorder.error->message.contains(message), qPrintable(recorder.error->message));
    QCOMPARE(source->state(), PostSource::State::Failed);
    QCOMPARE(m_server->requests(CatsPath).size(), status >= 500 ? 3 : 1);
}

void TestMastodonTagTimeline::malformedPage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    // message: what the error passes on from the server, besides naming the tag.
    QTest::newRow("cut in the middle") << ids({"5", "4"}).left(700) << QString();
    QTest::newRow("object instead of array")
        << QByteArray(R"({"error":"Something went wrong"})") << QStringLiteral("Something went wrong");
    QTest::newRow("html with status 200") << QByteArray("<html><h1>We're sorry</h1></html>") << QString();
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{[", 5) << QString();
}

void TestMastodonTagTimeline::malformedPage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    servePages(CatsPath, {
                             {QString(), {ids({"9", "8"}), nextLink(CatsPath, QStringLiteral("8"))}},
                             {QStringLiteral("8"), {body, nextLink(CatsPath, QStringLiteral("4"))}},
                         });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.ids().size(), 2); // the good page stays delivered
    QCOMPARE(recorder.failedCount, 1);
    QCOMPARE(recorder.exhaustedCount, 0);
    QVERIFY2(recorder.error->message.contains(message), qPrintable(recorder.error->message));
    QVERIFY2(recorder.error->message.contains(QStringLiteral("#cats")), qPrintable(recorder.error->message));
}

void TestMastodonTagTimeline::malformedStatusesSkipped()
{
    const QByteArray body = "[42, {\"content\": \"<p>no id</p>\", \"media_attachments\": []}, " +
                            fixtures::status(QStringLiteral("7")) + ", null]";
    servePages(CatsPath, {{QString(), {body, QByteArray()}}});
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipped status 1 on page 1")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipped status 2 on page 1")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipped status 4 on page 1")));
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.ids(), QStringList{QStringLiteral("7")});
    QCOMPARE(source->malformedSkipped(), 3);
    QCOMPARE(recorder.warnings.size(), 3);
    // Each warning names the status it skipped.
    QVERIFY(recorder.warnings.first().contains(QStringLiteral("1")));
    QVERIFY(recorder.warnings.at(1).contains(QStringLiteral("2")));
    QCOMPARE(recorder.exhaustedCount, 1);
}

void TestMastodonTagTimeline::contentMediaAndReblog()
{
    const QByteArray video = R"({"id":"m2","type":"video","url":"https://files.example.social/v.mp4",
        "preview_url":"https://files.example.social/v.png","remote_url":"https://far.example/v.mp4",
        "meta":{"original":{"width":1920,"height":1080,"duration":3.5}},"description":null})";
    const QByteArray gifv =
        R"({"id":"m3","type":"gifv","url":"https://files.example.social/g.mp4","meta":null})";
    const QByteArray withMedia = fixtures::status(QStringLiteral("20"), QStringLiteral("cats"),
                                                  {fixtures::image(QStringLiteral("m1")), video, gifv});
    QByteArray reblog =
        fixtures::status(QStringLiteral("21"), QStringLiteral("cats"), {}, QStringLiteral("carol"));
    const QByteArray original = fixtures::status(QStringLiteral("15"), QStringLiteral("cats"), {},
                                                 QStringLiteral("dave@far.example"));
    reblog.replace(QByteArray("\"reblog\": null"), QByteArray("\"reblog\": " + original));
    servePages(CatsPath, {{QString(), {fixtures::page({withMedia, reblog}), QByteArray()}}});
    auto source = makeSource(QStringLiteral("cats"));
    source->setSourceName(QStringLiteral("pixelfed"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.posts.size(), 2);

    const Post &post = recorder.posts.at(0);
    QCOMPARE(post.source, QStringLiteral("pixelfed"));
    QCOMPARE(post.text, QStringLiteral("Sunny afternoon & a nap #cats\nsecond line\n\nMore"));
    QCOMPARE(post.tags, (QStringList{QStringLiteral("cats"), QStringLiteral("sunny")}));
    QCOMPARE(post.createdAt, QDateTime(QDate(2024, 5, 4), QTime(12, 34, 56, 789), Qt::UTC));
    QCOMPARE(post.url, QUrl(QStringLiteral("https://example.social/@alice/20")));
    QCOMPARE(post.media.size(), 3);
    QCOMPARE(post.media.at(0).type, QStringLiteral("image"));
    QCOMPARE(post.media.at(0).altText, QStringLiteral("A ginger cat asleep in the sun"));
    QCOMPARE(post.media.at(0).width, 1200);
    QCOMPARE(post.media.at(1).type, QStringLiteral("video"));
    QCOMPARE(post.media.at(1).remoteUrl, QUrl(QStringLiteral("https://far.example/v.mp4")));
    QCOMPARE(post.media.at(1).previewUrl, QUrl(QStringLiteral("https://files.example.social/v.png")));
    QCOMPARE(post.media.at(1).height, 1080);
    QVERIFY(post.media.at(1).altText.isEmpty());
    QCOMPARE(post.media.at(2).type, QStringLiteral("gifv"));
    QCOMPARE(post.media.at(2).remoteId, QStringLiteral("m3"));

    const Post &reblogged = recorder.posts.at(1);
    QCOMPARE(reblogged.remoteId, QStringLiteral("15"));
    QCOMPARE(reblogged.author, QStringLiteral("dave@far.example"));
}

void TestMastodonTagTimeline::severalTags()
{
    const QString dogsPath = QStringLiteral("/api/v1/timelines/tag/DogsOfMastodon");
    servePages(CatsPath, {
                             {QString(), {ids({"9", "8"}), nextLink(CatsPath, QStringLiteral("8"))}},
                             {QStringLiteral("8"), {ids({"7"}), QByteArray()}},
                         });
    QByteArrayList dogStatuses;
    for (const char *id : {"19", "18", "17"})
        dogStatuses.append(fixtures::status(QString::fromLatin1(id), QStringLiteral("DogsOfMastodon"), {},
                                            QStringLiteral("rex")));
    servePages(dogsPath, {{QString(), {fixtures::page(dogStatuses), QByteArray()}}});

    auto cats = makeSource(QStringLiteral("#cats"));
    auto dogs = makeSource(QStringLiteral("DogsOfMastodon"));
    SourceRecorder catRecorder(*cats);
    SourceRecorder dogRecorder(*dogs);
    // Both at once on one client, as a harvest of several tags does.
    cats->fetchNext();
    dogs->fetchNext();
    QTRY_VERIFY(catRecorder.events == 1 && dogRecorder.events >= 1);
    QVERIFY(catRecorder.fetchAll());
    QVERIFY(dogRecorder.fetchAll());
    QCOMPARE(catRecorder.ids(), (QStringList{QStringLiteral("9"), QStringLiteral("8"), QStringLiteral("7")}));
    QCOMPARE(dogRecorder.ids(),
             (QStringList{QStringLiteral("19"), QStringLiteral("18"), QStringLiteral("17")}));
    QCOMPARE(dogRecorder.posts.first().tags.first(), QStringLiteral("dogsofmastodon"));
    QCOMPARE(dogRecorder.posts.first().author, QStringLiteral("rex"));
    QCOMPARE(m_server->requests(dogsPath).size(), 1);
    QCOMPARE(m_server->requests(CatsPath).size(), 2);
    QVERIFY(cats->description().contains(QStringLiteral("#cats")));
    QVERIFY(cats->description().contains(m_server->url(QString()).toString()));
}

void TestMastodonTagTimeline::instanceRequiresLogin_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<int>("failure"); // the error code, -1: no failure
    QTest::addColumn<bool>("warned");
    QTest::newRow("authenticated") << QStringLiteral("authenticated") << QStringLiteral("authenticated")
                                   << int(ErrorCode::Unauthorized) << false;
    QTest::newRow("disabled") << QStringLiteral("disabled") << QStringLiteral("disabled")
                              << int(ErrorCode::Network) << false;
    QTest::newRow("remote needs login")
        << QStringLiteral("public") << QStringLiteral("authenticated") << -1 << true;
    QTest::newRow("public") << QStringLiteral("public") << QStringLiteral("public") << -1 << false;
}

void TestMastodonTagTimeline::instanceRequiresLogin()
{
    QFETCH(QString, local);
    QFETCH(QString, remote);
    QFETCH(int, failure);
    QFETCH(bool, warned);
    const QByteArray instance =
        QString::fromUtf8(R"({"domain":"example.social","title":"Example","version":"4.5.0",
        "configuration":{"urls":{"streaming":"wss://example.social"},"statuses":{"max_characters":500},
        "timelines_access":{"live_feeds":{"local":"public","remote":"public"},
                            "hashtag_feeds":{"local":"%1","remote":"%2"},
                            "trending_link_feeds":{"local":"public","remote":"public"}}}})")
            .arg(local, remote)
            .toUtf8();
    m_server->route(QStringLiteral("/api/v2/instance"), [instance](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(instance);
    });
    servePages(CatsPath, {{QString(), {ids({"1"}), QByteArray()}}});
    auto source = makeSource(QStringLiteral("cats"));
    source->setCheckInstanceAccess(true);
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(m_server->requests(QStringLiteral("/api/v2/instance")).size(), 1);
    if (failure >= 0) {
        QCOMPARE(recorder.failedCount, 1);
        QCOMPARE(int(recorder.error->code), failure);
        QVERIFY(!recorder.error->message.isEmpty());
        QCOMPARE(m_server->requests(CatsPath).size(), 0); // told before the timeline was asked
    } else {
        QCOMPARE(recorder.exhaustedCount, 1);
        QCOMPARE(recorder.ids(), QStringList{QStringLiteral("1")});
        QCOMPARE(recorder.warnings.size(), warned ? 1 : 0);
        if (warned)
            QVERIFY(recorder.warnings.first().contains(QStringLiteral("example.social")) ||
                    recorder.warnings.first().contains(m_server->url(QString()).host()));
    }
}

void TestMastodonTagTimeline::tokenSkipsCheckAndIsSent()
{
    servePages(CatsPath, {{QString(), {ids({"1"}), QByteArray()}}});
    auto source = makeSource(QStringLiteral("cats"));
    source->setCheckInstanceAccess(true);
    source->setAccessToken(QStringLiteral("ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(m_server->requests(QStringLiteral("/api/v2/instance")).size(), 0);
    QCOMPARE(m_server->requests(CatsPath).first().header("Authorization"),
             QByteArray("Bearer ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"));
}

void TestMastodonTagTimeline::pageTooLarge()
{
    servePages(CatsPath, {{QString(), {ids({"5", "4", "3", "2", "1"}), QByteArray()}}});
    auto source = makeSource(QStringLiteral("cats"));
    source->setMaxPageBytes(4096);
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.failedCount, 1);
    QCOMPARE(recorder.error->code, ErrorCode::TooLarge);
    QVERIFY(!recorder.error->message.isEmpty());
    QCOMPARE(recorder.posts.size(), 0);
}

void TestMastodonTagTimeline::faultsAreRetried()
{
    int firstPageCalls = 0;
    int secondPageCalls = 0;
    const QByteArray firstLink = nextLink(CatsPath, QStringLiteral("8"));
    m_server->route(CatsPath, [&](const TestHttpServer::Request &request) {
        if (!request.query.hasQueryItem(QStringLiteral("max_id"))) {
            if (++firstPageCalls <= 2) // a burst of 503s
                return TestHttpServer::Response::withStatus(503, "Service Unavailable");
            auto response = TestHttpServer::Response::json(ids({"9", "8"}));
            response.headers.emplaceBack("Link", firstLink);
            return response;
        }
        auto response = TestHttpServer::Response::json(ids({"7"}));
        if (++secondPageCalls == 1)
            response.resetAfterBytes = 100; // connection reset mid-page
        return response;
    });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.ids().size(), 3);
    QCOMPARE(firstPageCalls, 3);
    QCOMPARE(secondPageCalls, 2);
}

void TestMastodonTagTimeline::crossOriginNextStops()
{
    servePages(
        CatsPath,
        {{QString(),
          {ids({"9"}), R"(<https://elsewhere.example/api/v1/timelines/tag/cats?max_id=9>; rel="next")"}}});
    auto source = makeSource(QStringLiteral("cats"));
    source->setAccessToken(QStringLiteral("secret"));
    SourceRecorder recorder(*source);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("another server")));
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.ids(), QStringList{QStringLiteral("9")});
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.warnings.size(), 1);
    QVERIFY(recorder.warnings.first().contains(QStringLiteral("elsewhere.example")));
}

void TestMastodonTagTimeline::invalidInput_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("tag");
    QTest::newRow("empty tag") << QStringLiteral("SERVER") << QString();
    QTest::newRow("only #") << QStringLiteral("SERVER") << QStringLiteral("#");
    QTest::newRow("two words") << QStringLiteral("SERVER") << QStringLiteral("two words");
    QTest::newRow("slash") << QStringLiteral("SERVER") << QStringLiteral("a/../b");
    QTest::newRow("query") << QStringLiteral("SERVER") << QStringLiteral("a?b=c");
    QTest::newRow("plain http instance")
        << QStringLiteral("http://mastodon.example") << QStringLiteral("cats");
    QTest::newRow("instance with query")
        << QStringLiteral("https://mastodon.example/?x=1") << QStringLiteral("cats");
    QTest::newRow("no instance") << QString() << QStringLiteral("cats");
}

void TestMastodonTagTimeline::invalidInput()
{
    QFETCH(QString, instance);
    QFETCH(QString, tag);
    const QUrl url = instance == u"SERVER" ? m_server->url(QString()) : QUrl(instance);
    MastodonTagTimeline source(m_client.get(), url, tag);
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.failedCount, 1);
    QCOMPARE(recorder.error->code, ErrorCode::InvalidArgument);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestMastodonTagTimeline::tagEncodedAsTyped()
{
    QCOMPARE(MastodonTagTimeline::normalizeInstance(QStringLiteral(" Mastodon.Social/ ")).value(),
             QUrl(QStringLiteral("https://mastodon.social")));
    const QString path = QStringLiteral("/api/v1/timelines/tag/CaféNoir");
    servePages(path, {{QString(), {ids({"1"}), QByteArray()}}});
    auto source = makeSource(QStringLiteral("#CaféNoir"));
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.exhaustedCount, 1);
    const auto requests = m_server->requests(path);
    QCOMPARE(requests.size(), 1);
    QVERIFY2(requests.first().target.startsWith("/api/v1/timelines/tag/Caf%C3%A9Noir?"),
             requests.first().target.constData());
}

void TestMastodonTagTimeline::cancelIsQuiet()
{
    m_server->route(CatsPath, [](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::json(ids({"1"}));
        response.delayMs = 300;
        return response;
    });
    auto source = makeSource(QStringLiteral("cats"));
    SourceRecorder recorder(*source);
    source->fetchNext();
    QTRY_COMPARE(m_server->requests(CatsPath).size(), 1);
    source->cancel();
    QCOMPARE(source->state(), PostSource::State::Cancelled);
    QCOMPARE(m_client->unfinishedCount(), 0);
    QTest::qWait(500); // past the server's delay: nothing may arrive
    QCOMPARE(recorder.events, 0);
    source->fetchNext();
    QCOMPARE(m_server->requests(CatsPath).size(), 1);
}

QTEST_GUILESS_MAIN(TestMastodonTagTimeline)
#include "tst_mastodontagtimeline.moc"
