// SPDX-License-Identifier: GPL-3.0-or-later
// InstagramHashtagSource against the Graph API stand-in on 127.0.0.1: the search, cursor paging,
// albums, videos, missing media URLs, the token kept out of URLs, Graph errors, cancellation.
#include "engine/net/httpclient.h"
#include "engine/sources/instagramhashtagsource.h"
#include "engine/sources/postsourcefactory.h"
#include "sourcerecorder.h"
#include "support/graphapistandin.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::HttpClient;
using taglens::engine::InstagramHashtagSource;
using taglens::engine::MediaItem;
using taglens::engine::Post;
using taglens::engine::PostSource;
using taglens::tests::GraphApiStandIn;
using taglens::tests::SourceRecorder;
using taglens::tests::TestHttpServer;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)
Q_DECLARE_METATYPE(GraphApiStandIn::Endpoint)

namespace {

const QString CatsId = QStringLiteral("17843857450040591");

} // namespace

class TestInstagramHashtagSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GraphApiStandIn> m_graph;
    std::unique_ptr<HttpClient> m_client;

    std::unique_ptr<InstagramHashtagSource> source(const QString &tag = QStringLiteral("cats"),
                                                   const QString &token = QString())
    {
        auto s = std::make_unique<InstagramHashtagSource>(m_client.get(), m_graph->igUserId, tag,
                                                          token.isEmpty() ? m_graph->longToken : token);
        s->setGraphBase(m_graph->graphBase());
        return s;
    }

private Q_SLOTS:
    void init()
    {
        m_graph = std::make_unique<GraphApiStandIn>();
        m_client = std::make_unique<HttpClient>();
        m_client->setBackoff(5ms, 20ms);
        m_client->setMaxRetries(1);
    }
    void cleanup()
    {
        m_client.reset();
        m_graph.reset();
    }

    void pagesByCursor()
    {
        m_graph->addHashtag(
            QStringLiteral("cats"), CatsId,
            GraphApiStandIn::images(QStringLiteral("1790000000000"), 120, QStringLiteral("cats")));
        auto cats = source(QStringLiteral("#Cats"));
        QSignalSpy searched(cats.get(), &InstagramHashtagSource::hashtagSearched);
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.failedCount, 0);
        QCOMPARE(recorder.exhaustedCount, 1);
        QCOMPARE(recorder.posts.size(), 120);
        QCOMPARE(recorder.pages.size(), 3);
        QCOMPARE(recorder.pages.at(0).size(), 50);
        QCOMPARE(recorder.pages.at(2).size(), 20);
        QCOMPARE(recorder.ids().first(), QStringLiteral("17900000000001"));
        QCOMPARE(recorder.ids().last(), QStringLiteral("1790000000000120"));
        QCOMPARE(searched.size(), 1);
        QCOMPARE(searched.first().at(0).toString(), QStringLiteral("cats"));
        QCOMPARE(searched.first().at(1).toString(), CatsId);
        QCOMPARE(m_graph->searchedTags(), QStringList{QStringLiteral("cats")});
        QCOMPARE(m_graph->mediaRequests(), 3);

        const Post &post = recorder.posts.first();
        QCOMPARE(post.source, QStringLiteral("instagram"));
        QCOMPARE(post.remoteId, QStringLiteral("17900000000001"));
        QCOMPARE(post.url, QUrl(QStringLiteral("https://www.instagram.com/p/17900000000001/")));
        QVERIFY(post.text.contains(QStringLiteral("#cats")));
        QVERIFY(post.createdAt.isValid());
        QVERIFY(post.author.isEmpty());
        QCOMPARE(post.media.size(), 1);
        QCOMPARE(post.media.first().url, m_graph->mediaFileUrl(QStringLiteral("17900000000001")));

        // What went over the wire: the token only in the Authorization header, never in a URL
        // (not even the one paging.next offered); the documented parameters.
        const auto requests = m_graph->server().requests();
        QCOMPARE(requests.size(), 4);
        for (const auto &request : requests) {
            QVERIFY2(!request.target.contains(m_graph->longToken.toUtf8()), request.target.constData());
            QCOMPARE(request.header("Authorization"), "Bearer " + m_graph->longToken.toUtf8());
        }
        QCOMPARE(requests.first().path, QStringLiteral("/v21.0/ig_hashtag_search"));
        QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("q")), QStringLiteral("cats"));
        QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("user_id")), m_graph->igUserId);
        const auto &firstPage = requests.at(1);
        QCOMPARE(firstPage.path, QStringLiteral("/v21.0/%1/recent_media").arg(CatsId));
        QCOMPARE(firstPage.query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded),
                 QStringLiteral(
                     "id,media_type,media_url,permalink,caption,timestamp,children{media_type,media_url}"));
        QCOMPARE(firstPage.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
        QVERIFY(!firstPage.query.hasQueryItem(QStringLiteral("after")));
        QVERIFY(requests.at(2).query.hasQueryItem(QStringLiteral("after")));
    }

    void pullOnlyWhenAsked()
    {
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 60, QStringLiteral("cats")));
        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchOne());
        QTest::qWait(100);
        QCOMPARE(m_graph->mediaRequests(), 1);
        QCOMPARE(cats->state(), PostSource::State::Idle);
        QVERIFY(recorder.fetchOne());
        QCOMPARE(cats->state(), PostSource::State::Exhausted);
        QCOMPARE(recorder.posts.size(), 60);
    }

    void topEdge()
    {
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 3, {}),
                            GraphApiStandIn::images(QStringLiteral("2"), 2, {}));
        auto cats = source();
        cats->setEdge(InstagramHashtagSource::Edge::Top);
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("21"), QStringLiteral("22")}));
        QCOMPARE(m_graph->server().requests().last().path, QStringLiteral("/v21.0/%1/top_media").arg(CatsId));
        QVERIFY(cats->description().contains(QStringLiteral("top")));
    }

    void albumsVideosAndMissingUrls()
    {
        GraphApiStandIn::Media album;
        album.id = QStringLiteral("100");
        album.type = QStringLiteral("CAROUSEL_ALBUM");
        GraphApiStandIn::Media child;
        child.id = QStringLiteral("101");
        album.children.append(child);
        child.id = QStringLiteral("102");
        child.type = QStringLiteral("VIDEO");
        album.children.append(child);
        child.id = QStringLiteral("103");
        child.type = QStringLiteral("IMAGE");
        child.hasMediaUrl = false;
        album.children.append(child);
        GraphApiStandIn::Media video;
        video.id = QStringLiteral("200");
        video.type = QStringLiteral("VIDEO");
        GraphApiStandIn::Media reel;
        reel.id = QStringLiteral("300");
        reel.hasMediaUrl = false;
        m_graph->addHashtag(QStringLiteral("cats"), CatsId, {album, video, reel});

        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.ids(),
                 (QStringList{QStringLiteral("100"), QStringLiteral("200"), QStringLiteral("300")}));
        const QList<MediaItem> &items = recorder.posts.at(0).media;
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).type, QStringLiteral("image"));
        QCOMPARE(items.at(0).url, m_graph->mediaFileUrl(QStringLiteral("101")));
        QVERIFY(items.at(0).skipReason.isEmpty());
        QCOMPARE(items.at(1).type, QStringLiteral("video"));
        QVERIFY(!items.at(1).isClassifiable());
        QCOMPARE(items.at(2).type, QStringLiteral("image"));
        QVERIFY(!items.at(2).url.isValid());
        const QString reason = QStringLiteral(
            "Instagram gives no media URL for this post (copyrighted audio or downloads turned off)");
        QCOMPARE(items.at(2).skipReason, reason);
        QCOMPARE(recorder.posts.at(1).media.first().type, QStringLiteral("video"));
        QCOMPARE(recorder.posts.at(2).media.first().skipReason, reason);
    }

    void graphErrors_data()
    {
        QTest::addColumn<GraphApiStandIn::Endpoint>("endpoint");
        QTest::addColumn<int>("graphCode");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("mustContain");
        using E = GraphApiStandIn::Endpoint;
        const QString login = QStringLiteral("log in again with `taglens-cli auth login --source instagram`");
        QTest::newRow("expired token on search")
            << E::HashtagSearch << 190 << ErrorCode::Unauthorized << login;
        QTest::newRow("expired token on a page") << E::Media << 190 << ErrorCode::Unauthorized << login;
        for (const int code : {4, 17, 32, 613})
            QTest::addRow("rate limit %d", code)
                << E::Media << code << ErrorCode::RateLimited << QStringLiteral("Wait");
        QTest::newRow("hashtag budget")
            << E::HashtagSearch << 24 << ErrorCode::RateLimited << QStringLiteral("30 different hashtags");
        QTest::newRow("no public content access") << E::HashtagSearch << 10 << ErrorCode::PermissionDenied
                                                  << QStringLiteral("Instagram Public Content Access");
        QTest::newRow("invalid parameter")
            << E::Media << 100 << ErrorCode::InvalidArgument << QStringLiteral("refused a parameter");
    }
    void graphErrors()
    {
        QFETCH(GraphApiStandIn::Endpoint, endpoint);
        QFETCH(int, graphCode);
        QFETCH(ErrorCode, code);
        QFETCH(QString, mustContain);
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 5, {}));
        m_graph->failNext(endpoint, graphCode, TestHttpServer::Always);
        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.failedCount, 1);
        QCOMPARE(recorder.exhaustedCount, 0);
        QVERIFY(recorder.posts.isEmpty());
        QCOMPARE(int(recorder.error->code), int(code));
        QVERIFY2(recorder.error->message.contains(mustContain), qPrintable(recorder.error->message));
        QVERIFY(!recorder.error->message.contains(m_graph->longToken));
        // 4xx are not retried: one request per endpoint.
        QCOMPARE(m_graph->server().requests().size(), endpoint == GraphApiStandIn::Endpoint::Media ? 2 : 1);
    }

    void wrongTokenIsAnExpiredLogin()
    {
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 5, {}));
        auto cats = source(QStringLiteral("cats"), QStringLiteral("EAAwrong"));
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, ErrorCode::Unauthorized);
        QVERIFY(recorder.error->message.startsWith(
            QStringLiteral("Your Instagram login has expired or was revoked")));
    }

    void unknownTag()
    {
        auto dogs = source(QStringLiteral("dogs"));
        SourceRecorder recorder(*dogs);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, ErrorCode::InvalidArgument);
        QVERIFY(dogs->hashtagId().isEmpty());
    }

    void errorObjectWithStatus200()
    {
        m_graph->server().route(QStringLiteral("/v21.0/ig_hashtag_search"),
                                [](const TestHttpServer::Request &) {
                                    return TestHttpServer::Response::json(GraphApiStandIn::errorBody(
                                        190, 0, QStringLiteral("x"), QStringLiteral("OAuthException")));
                                });
        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, ErrorCode::Unauthorized);
    }

    void brokenPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("posts");
        QTest::addColumn<bool>("fails");
        QTest::addColumn<int>("warnings");
        QTest::newRow("not json") << QByteArray("<html>oops</html>") << 0 << true << 0;
        QTest::newRow("truncated") << QByteArray("{\"data\":[{\"id\":\"1\",\"media_type\":\"IMA") << 0 << true
                                   << 0;
        QTest::newRow("no data") << QByteArray("{\"paging\":{\"cursors\":{\"after\":\"x\"}}}") << 0 << true
                                 << 0;
        QTest::newRow("malformed entries skipped")
            << QByteArray("{\"data\":[{\"id\":\"1\",\"media_type\":\"IMAGE\"},5,{\"media_type\":\"IMAGE\"},{"
                          "\"id\":\"../x\"}]}")
            << 1 << false << 3;
        QTest::newRow("empty page") << QByteArray("{\"data\":[]}") << 0 << false << 0;
        QTest::newRow("cursor loop ends")
            << QByteArray("{\"data\":[{\"id\":\"1\"}],\"paging\":{\"cursors\":{\"after\":\"same\"},\"next\":"
                          "\"http://127.0.0.1:1/x?after=same\"}}")
            << 1 << false << 0;
        QTest::newRow("deep nesting")
            << QByteArray("{\"data\":") + QByteArray(3000, '[') + QByteArray(3000, ']') + "}" << 0 << true
            << 0;
    }
    void brokenPages()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, posts);
        QFETCH(bool, fails);
        QFETCH(int, warnings);
        m_graph->addHashtag(QStringLiteral("cats"), CatsId, {});
        m_graph->server().route(
            QStringLiteral("/v21.0/%1/recent_media").arg(CatsId),
            [body](const TestHttpServer::Request &) { return TestHttpServer::Response::json(body); });
        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll(10));
        QCOMPARE(recorder.posts.size(), posts);
        QCOMPARE(recorder.failedCount, fails ? 1 : 0);
        QCOMPARE(recorder.exhaustedCount, fails ? 0 : 1);
        QCOMPARE(recorder.warnings.size(), warnings);
        if (fails)
            QCOMPARE(recorder.error->code, ErrorCode::Network);
        // A repeated cursor is requested at most twice (the page, then the loop is seen).
        QVERIFY(m_graph->server().requests(QStringLiteral("/v21.0/%1/recent_media").arg(CatsId)).size() <= 2);
    }

    void oversizedPage()
    {
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 50, {}));
        auto cats = source();
        cats->setMaxPageBytes(1000);
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, ErrorCode::TooLarge);
        QVERIFY(recorder.error->message.contains(QStringLiteral("#cats")));
    }

    void cancelMidPage()
    {
        m_graph->addHashtag(QStringLiteral("cats"), CatsId,
                            GraphApiStandIn::images(QStringLiteral("1"), 60, {}));
        const QString path = QStringLiteral("/v21.0/%1/recent_media").arg(CatsId);
        auto cats = source();
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchOne());
        m_graph->server().stallAfterBytes(path, 5); // the second page starts, then stalls
        cats->fetchNext();
        QTRY_COMPARE(m_graph->server().requests(path).size(), 2);
        QTest::qWait(50);
        const int events = recorder.events;
        cats->cancel();
        QCOMPARE(cats->state(), PostSource::State::Cancelled);
        QTest::qWait(200);
        QCOMPARE(recorder.events, events);
        QCOMPARE(recorder.posts.size(), 50);
        QCOMPARE(m_client->unfinishedCount(), 0);
    }

    void invalidSetupFailsLater_data()
    {
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("token");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("no account") << QString() << QStringLiteral("cats") << QStringLiteral("t")
                                    << ErrorCode::InvalidArgument;
        QTest::newRow("account not digits") << QStringLiteral("12/../me") << QStringLiteral("cats")
                                            << QStringLiteral("t") << ErrorCode::InvalidArgument;
        QTest::newRow("no token") << QStringLiteral("1") << QStringLiteral("cats") << QString()
                                  << ErrorCode::Unauthorized;
        QTest::newRow("bad tag") << QStringLiteral("1") << QStringLiteral("two words") << QStringLiteral("t")
                                 << ErrorCode::InvalidArgument;
    }
    void invalidSetupFailsLater()
    {
        QFETCH(QString, userId);
        QFETCH(QString, tag);
        QFETCH(QString, token);
        QFETCH(ErrorCode, code);
        InstagramHashtagSource bad(m_client.get(), userId, tag, token);
        bad.setGraphBase(m_graph->graphBase());
        SourceRecorder recorder(bad);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, code);
        QVERIFY(m_graph->server().requests().isEmpty());
    }

    void plainHttpElsewhereRefused()
    {
        auto cats = source();
        cats->setGraphBase(QUrl(QStringLiteral("http://graph.example/v21.0")));
        SourceRecorder recorder(*cats);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.error->code, ErrorCode::InvalidArgument);
    }

    void normalizeTag_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("plain") << QStringLiteral("cats") << QStringLiteral("cats");
        QTest::newRow("hash and case") << QStringLiteral(" #Cats ") << QStringLiteral("cats");
        QTest::newRow("underscore digits") << QStringLiteral("cat_2025") << QStringLiteral("cat_2025");
        QTest::newRow("unicode letters") << QStringLiteral("Café") << QStringLiteral("café");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only hash") << QStringLiteral("#") << QString();
        QTest::newRow("space") << QStringLiteral("two words") << QString();
        QTest::newRow("emoji") << QStringLiteral("cat🐱") << QString();
        QTest::newRow("ampersand") << QStringLiteral("a&access_token=x") << QString();
        QTest::newRow("slash") << QStringLiteral("../me") << QString();
        QTest::newRow("too long") << QString(101, u'a') << QString();
    }
    void normalizeTag()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const auto tag = InstagramHashtagSource::normalizeTag(typed);
        QCOMPARE(tag ? *tag : QString(), expected);
    }

    void factoryMakesIt()
    {
        auto spec = taglens::engine::SourceSpec::instagram(
            {m_graph->igUserId, m_graph->longToken, m_graph->graphBase(), QStringLiteral("top")});
        QCOMPARE(spec.kind(), taglens::engine::SourceKind::Instagram);
        QCOMPARE(spec.accessToken(), m_graph->longToken);
        QCOMPARE(spec.recordedInstance(), QStringLiteral("https://www.instagram.com"));
        auto made = taglens::engine::makePostSource(spec, QStringLiteral("cats"), m_client.get());
        QVERIFY(made);
        auto *instagram = qobject_cast<InstagramHashtagSource *>(made->get());
        QVERIFY(instagram);
        QCOMPARE(instagram->edge(), InstagramHashtagSource::Edge::Top);
        QCOMPARE(instagram->graphBase(), m_graph->graphBase());
        spec.as<taglens::engine::InstagramSpec>()->edge = QStringLiteral("sideways");
        QVERIFY(!taglens::engine::makePostSource(spec, QStringLiteral("cats"), m_client.get()));
    }
};

QTEST_GUILESS_MAIN(TestInstagramHashtagSource)
#include "tst_instagramhashtagsource.moc"
