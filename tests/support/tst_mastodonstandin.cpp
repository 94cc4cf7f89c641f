// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/imaging/imagedecoder.h"
#include "support/mastodonstandin.h"
#include "support/mastodonstandinmedia.h"
#include "support/mastodonstandinscenario.h"
#include "support/photoset.h"
#include "support/testpaths.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QtEndian>
#include <memory>

using taglens::engine::ErrorCode;
using taglens::engine::MediaStatus;
using taglens::tests::MastodonStandIn;
using taglens::tests::MastodonStandInMedia;
using taglens::tests::MastodonStandInScenario;
using taglens::tests::PhotoSet;
using Kind = MastodonStandInScenario::MediaKind;
using PageFault = MastodonStandInScenario::PageFault;

Q_DECLARE_METATYPE(MastodonStandInScenario::MediaKind)

namespace {

constexpr int WaitMs = 60000; // generous: a loaded 2-core machine must not make this flaky

/// One HTTP exchange as a client saw it.
struct Reply
{
    int status = 0;
    QByteArray body;
    qint64 streamedBytes = 0; // when the body was drained while arriving instead of kept
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

struct FetchOptions
{
    QByteArray bearer;
    int transferTimeoutMs = 0;
    bool drain = false; // count the body instead of keeping it (26 MiB responses)
};

Reply fetch(QNetworkAccessManager &manager, const QUrl &url, const FetchOptions &options = {})
{
    QNetworkRequest request(url);
    if (!options.bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + options.bearer);
    if (options.transferTimeoutMs > 0)
        request.setTransferTimeout(options.transferTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    Reply result;
    if (options.drain) {
        QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(),
                         [&result, raw = reply.get()] { result.streamedBytes += raw->readAll().size(); });
    }
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    result.finished = finished.wait(WaitMs);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // a reply aborted by its transfer timeout is closed
        result.body = reply->readAll();
    result.streamedBytes += result.body.size();
    result.error = reply->error();
    result.headers = reply->rawHeaderPairs();
    return result;
}

MastodonStandInScenario oneTag(const QString &name, int statuses, int mediaPerStatus = 1, int textOnly = 0)
{
    MastodonStandInScenario scenario;
    MastodonStandInScenario::Tag tag;
    tag.name = name;
    tag.statuses = statuses;
    tag.mediaPerStatus = mediaPerStatus;
    tag.textOnly = textOnly;
    scenario.tags.append(tag);
    return scenario;
}

/// One tag with one status per media kind (a photo first, so duplicates have a source).
MastodonStandInScenario everyKind()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("mixed"), 0);
    for (const Kind kind : MastodonStandInScenario::allKinds()) {
        ++scenario.tags.first().statuses;
        if (kind != Kind::Photo)
            scenario.tags.first().media.append({kind, 1});
    }
    return scenario;
}

/// The URL in `<...>; rel="REL"` of a Link header, or an empty URL.
QUrl linkTarget(const QByteArray &link, const QByteArray &rel)
{
    const QList<QByteArray> parts = link.split(',');
    for (const QByteArray &part : parts) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.endsWith(QByteArray("rel=\"" + rel + '"'))) {
            const qsizetype open = trimmed.indexOf('<');
            const qsizetype close = trimmed.indexOf('>');
            if (open >= 0 && close > open)
                return QUrl::fromEncoded(trimmed.mid(open + 1, close - open - 1));
        }
    }
    return {};
}

QStringList idsOf(const QJsonArray &statuses)
{
    QStringList ids;
    for (const QJsonValue &status : statuses)
        ids.append(status[QLatin1String("id")].toString());
    return ids;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

MastodonStandIn::ExpectedMedia itemOfKind(const MastodonStandIn &standIn, Kind kind)
{
    const auto items = standIn.expectedMedia();
    for (const auto &item : items) {
        if (item.kind == kind)
            return item;
    }
    return {};
}

} // namespace

class TestMastodonStandIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void scenarioFiles();
    void scenarioErrors_data();
    void scenarioErrors();
    void tagList();

    void paginationWalksEveryStatusOnce_data();
    void paginationWalksEveryStatusOnce();
    void linkHeaderFormat();
    void emptyPageHasNoLink();
    void minIdAndSinceId();
    void filters();
    void apiHeaders();
    void statusJsonShape();
    void unknownTagAnd404s();
    void loginRequired();
    void instanceInformation();

    void rateLimitAnswers429();
    void serverErrorBurst();
    void connectionReset();
    void stallPastTimeout();
    void slowResponses();
    void malformedJsonPage();
    void objectInsteadOfArray();
    void linkLoopsBack();
    void pageRepeatsPreviousStatuses();
    void faultsFromScenario();

    void mediaKinds_data();
    void mediaKinds();
    void previewsAndMeta();
    void hostileBytes();
    void expectedMediaAccounting();
    void expectationsMatchTheDecoder();
    void duplicatesShareBytes();
    void pixelfedFlavour();

    void photoSetIsDeterministicAndDistinct();
    void photoSetSizes();

    void standaloneProgram();

private:
    bool m_havePhotos = false;
};

void TestMastodonStandIn::initTestCase()
{
    const PhotoSet photos;
    m_havePhotos = photos.isValid();
    if (!m_havePhotos)
        qWarning("%s: photo tests are skipped", qPrintable(photos.errorString()));
}

void TestMastodonStandIn::scenarioFiles()
{
    const QString dir = QStringLiteral(TAGLENS_STANDIN_SCENARIOS);
    QFile mixedFile(dir + QStringLiteral("/mixed.json"));
    QVERIFY(mixedFile.open(QIODevice::ReadOnly));
    const auto mixed = MastodonStandInScenario::fromJson(mixedFile.readAll());
    QVERIFY2(mixed.hasValue(), mixed.hasValue() ? "" : qPrintable(mixed.error().message));
    QSet<int> kinds{int(Kind::Photo)};
    for (const auto &tag : mixed->tags) {
        for (const auto &[kind, count] : tag.media)
            kinds.insert(int(kind));
    }
    QCOMPARE(kinds.size(), MastodonStandInScenario::allKinds().size()); // every kind appears

    QFile benchFile(dir + QStringLiteral("/bench.json"));
    QVERIFY(benchFile.open(QIODevice::ReadOnly));
    const auto bench = MastodonStandInScenario::fromJson(benchFile.readAll());
    QVERIFY(bench.hasValue());
    QCOMPARE(bench->tags.size(), 2);
    const MastodonStandIn standIn(*bench);
    const auto items = standIn.expectedMedia().size();
    QCOMPARE(items, 320);
    for (const QString &tag : {QStringLiteral("cats"), QStringLiteral("dogs")})
        QCOMPARE(standIn.statusIds(tag).size(), 160);

    // toJson() writes what fromJson() reads.
    const auto again = MastodonStandInScenario::fromJson(QJsonDocument(mixed->toJson()).toJson());
    QVERIFY2(again.hasValue(), again.hasValue() ? "" : qPrintable(again.error().message));
    QCOMPARE(QJsonDocument(again->toJson()), QJsonDocument(mixed->toJson()));
}

void TestMastodonStandIn::scenarioErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{\"tags\": [") << QStringLiteral("scenario");
    QTest::newRow("no tags") << QByteArray("{}") << QStringLiteral("tags");
    QTest::newRow("typo at top") << QByteArray(R"({"tag": [{"name": "a"}]})") << QStringLiteral("\"tag\"");
    QTest::newRow("typo in tag") << QByteArray(R"({"tags": [{"name": "a", "status": 3}]})")
                                 << QStringLiteral("\"status\"");
    QTest::newRow("unknown kind") << QByteArray(R"({"tags": [{"name": "a", "media": {"vidoe": 1}}]})")
                                  << QStringLiteral("vidoe");
    QTest::newRow("too many specials")
        << QByteArray(R"({"tags": [{"name": "a", "statuses": 2, "media": {"video": 3}}]})")
        << QStringLiteral("do not fit");
    QTest::newRow("five media") << QByteArray(R"({"tags": [{"name": "a", "mediaPerStatus": 5}]})")
                                << QStringLiteral("mediaPerStatus");
    QTest::newRow("bad tag name") << QByteArray(R"({"tags": [{"name": "a b"}]})") << QStringLiteral("name");
    QTest::newRow("twice") << QByteArray(R"({"tags": [{"name": "a"}, {"name": "A"}]})")
                           << QStringLiteral("twice");
    QTest::newRow("unknown fault")
        << QByteArray(R"({"tags": [{"name": "a"}], "faults": {"pages": [{"tag": "a", "fault": "boom"}]}})")
        << QStringLiteral("fault");
    QTest::newRow("loop on page 1")
        << QByteArray(
               R"({"tags": [{"name": "a"}], "faults": {"pages": [{"tag": "a", "page": 1, "fault": "link-loop"}]}})")
        << QStringLiteral("page");
}

void TestMastodonStandIn::scenarioErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const auto scenario = MastodonStandInScenario::fromJson(json);
    QVERIFY(!scenario.hasValue());
    QCOMPARE(scenario.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(scenario.error().message.contains(mentions), qPrintable(scenario.error().message));
}

void TestMastodonStandIn::tagList()
{
    const auto scenario = MastodonStandInScenario::fromTagList(QStringLiteral("cats:150, dogs:3,birds"));
    QVERIFY(scenario.hasValue());
    QCOMPARE(scenario->tags.size(), 3);
    QCOMPARE(scenario->tags.at(0).statuses, 150);
    QCOMPARE(scenario->tags.at(1).name, QStringLiteral("dogs"));
    QCOMPARE(scenario->tags.at(2).statuses, 20);
    QVERIFY(!MastodonStandInScenario::fromTagList(QStringLiteral("cats:many")).hasValue());
    QVERIFY(!MastodonStandInScenario::fromTagList(QString()).hasValue());
}

void TestMastodonStandIn::paginationWalksEveryStatusOnce_data()
{
    QTest::addColumn<int>("statuses");
    QTest::addColumn<int>("textOnly");
    QTest::addColumn<int>("limit"); // 0: none sent
    QTest::addColumn<bool>("onlyMedia");
    QTest::addColumn<int>("pageSize"); // what the server uses
    QTest::newRow("95 by 40") << 95 << 0 << 40 << false << 40;
    QTest::newRow("80 by 40 (full last page)") << 80 << 0 << 40 << false << 40;
    QTest::newRow("default limit 20") << 45 << 0 << 0 << false << 20;
    QTest::newRow("limit 100 means 40") << 50 << 0 << 100 << false << 40;
    QTest::newRow("limit 7 with text-only") << 30 << 6 << 7 << false << 7;
    QTest::newRow("only_media skips text-only") << 30 << 6 << 7 << true << 7;
    QTest::newRow("one status") << 1 << 0 << 40 << false << 40;
}

void TestMastodonStandIn::paginationWalksEveryStatusOnce()
{
    QFETCH(int, statuses);
    QFETCH(int, textOnly);
    QFETCH(int, limit);
    QFETCH(bool, onlyMedia);
    QFETCH(int, pageSize);

    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), statuses, 1, textOnly));
    QNetworkAccessManager manager;
    QUrl url = standIn.timelineUrl(QStringLiteral("cats"), limit);
    if (onlyMedia) {
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("only_media"), QStringLiteral("true"));
        url.setQuery(query);
    }

    QStringList expected;
    const QJsonArray all = standIn.timeline(QStringLiteral("cats"));
    for (const QJsonValue &status : all) {
        if (!onlyMedia || !status[QLatin1String("media_attachments")].toArray().isEmpty())
            expected.append(status[QLatin1String("id")].toString());
    }
    QCOMPARE(all.size(), statuses + textOnly);

    QStringList walked;
    int pages = 0;
    while (url.isValid() && !url.isEmpty()) {
        QVERIFY2(++pages <= 100, "the walk does not end");
        const Reply reply = fetch(manager, url);
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, 200);
        const QJsonArray page = reply.json().array();
        QVERIFY(page.size() <= pageSize);
        walked += idsOf(page);
        const QUrl next = linkTarget(reply.header("Link"), "next");
        // Mastodon offers rel="next" exactly when the page is full.
        QCOMPARE(next.isEmpty(), page.size() < pageSize);
        if (!next.isEmpty() && onlyMedia)
            QCOMPARE(QUrlQuery(next).queryItemValue(QStringLiteral("only_media")), QStringLiteral("true"));
        url = next;
    }
    QCOMPARE(walked, expected); // every status once, newest first
    for (qsizetype i = 1; i < walked.size(); ++i)
        QVERIFY(walked.at(i).toLongLong() < walked.at(i - 1).toLongLong());
    QCOMPARE(pages, int(expected.size()) / pageSize + 1);
}

void TestMastodonStandIn::linkHeaderFormat()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("Cats"), 90));
    QNetworkAccessManager manager;
    const QStringList ids = standIn.statusIds(QStringLiteral("cats"));
    const QString base = QStringLiteral("http://127.0.0.1:%1/api/v1/timelines/tag/").arg(standIn.port());

    Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats"), 40));
    QCOMPARE(
        QString::fromLatin1(reply.header("Link")),
        QStringLiteral("<%1cats?limit=40&max_id=%2>; rel=\"next\", <%1cats?limit=40&min_id=%3>; rel=\"prev\"")
            .arg(base, ids.at(39), ids.at(0)));

    // Without limit, Mastodon's links have none either; other parameters come along, sorted.
    QUrl url = standIn.timelineUrl(QStringLiteral("Cats"));
    url.setQuery(QStringLiteral("only_media=true&max_id=%1").arg(ids.at(9)));
    reply = fetch(manager, url);
    QCOMPARE(reply.status, 200);
    QCOMPARE(QString::fromLatin1(reply.header("Link")),
             QStringLiteral("<%1Cats?max_id=%2&only_media=true>; rel=\"next\", "
                            "<%1Cats?min_id=%3&only_media=true>; rel=\"prev\"")
                 .arg(base, ids.at(29), ids.at(10)));

    // Tags are case-insensitive and may be any script.
    MastodonStandIn unicode(oneTag(QStringLiteral("café"), 3));
    reply = fetch(manager, unicode.timelineUrl(QStringLiteral("CAFÉ"), 2));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().array().size(), 2);
    QVERIFY(reply.header("Link").contains("/api/v1/timelines/tag/CAF%C3%89?limit=2&max_id="));
}

void TestMastodonStandIn::emptyPageHasNoLink()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 4);
    scenario.tags.append(MastodonStandInScenario::Tag{QStringLiteral("quiet"), 0, 1, 0, {}, {}});
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;
    const Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("quiet")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("[]"));
    QVERIFY(!reply.hasHeader("Link"));

    const QStringList ids = standIn.statusIds(QStringLiteral("cats"));
    QUrl past = standIn.timelineUrl(QStringLiteral("cats"));
    past.setQuery(QStringLiteral("max_id=") + ids.last());
    const Reply end = fetch(manager, past);
    QCOMPARE(end.body, QByteArray("[]"));
    QVERIFY(!end.hasHeader("Link"));
}

void TestMastodonStandIn::minIdAndSinceId()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 30));
    QNetworkAccessManager manager;
    const QStringList ids = standIn.statusIds(QStringLiteral("cats"));
    const auto page = [&](const QString &query) {
        QUrl url = standIn.timelineUrl(QStringLiteral("cats"));
        url.setQuery(query);
        return idsOf(fetch(manager, url).json().array());
    };
    // min_id: the statuses right above it, newest first; since_id: the newest above it.
    QCOMPARE(page(QStringLiteral("limit=3&min_id=") + ids.at(10)),
             (QStringList{ids.at(7), ids.at(8), ids.at(9)}));
    QCOMPARE(page(QStringLiteral("limit=3&since_id=") + ids.at(10)),
             (QStringList{ids.at(0), ids.at(1), ids.at(2)}));
    QCOMPARE(page(QStringLiteral("limit=5&since_id=%1&max_id=%2").arg(ids.at(10), ids.at(7))),
             (QStringList{ids.at(8), ids.at(9)}));
    QCOMPARE(page(QStringLiteral("limit=2&max_id=") + ids.at(28)), (QStringList{ids.at(29)}));
    QCOMPARE(page(QStringLiteral("min_id=") + ids.at(0)), QStringList());
    // Ruby's to_i: "abc" is 0, so limit=abc gives an empty page; a negative limit counts as positive.
    QCOMPARE(page(QStringLiteral("limit=abc")), QStringList());
    QCOMPARE(page(QStringLiteral("limit=-2")).size(), 2);
}

void TestMastodonStandIn::filters()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 21);
    scenario.tags.first().alsoTagged = {QStringLiteral("animals")};
    scenario.tags.append(
        MastodonStandInScenario::Tag{QStringLiteral("dogs"), 9, 1, 0, {QStringLiteral("animals")}, {}});
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;
    const auto get = [&](const QString &tag, const QString &query) {
        QUrl url = standIn.timelineUrl(tag);
        url.setQuery(QStringLiteral("limit=40&") + query);
        return fetch(manager, url).json().array();
    };
    QCOMPARE(standIn.statusIds(QStringLiteral("animals")).size(), 30);
    QCOMPARE(get(QStringLiteral("animals"), QString()).size(), 30);
    QCOMPARE(get(QStringLiteral("cats"), QStringLiteral("any[]=dogs")).size(), 30);
    QCOMPARE(get(QStringLiteral("animals"), QStringLiteral("none[]=dogs")).size(), 21);
    QCOMPARE(get(QStringLiteral("animals"), QStringLiteral("all[]=dogs")).size(), 9);
    const QJsonArray remote = get(QStringLiteral("cats"), QStringLiteral("remote=true"));
    const QJsonArray local = get(QStringLiteral("cats"), QStringLiteral("local=1"));
    QCOMPARE(remote.size() + local.size(), 21);
    QVERIFY(!remote.isEmpty() && !local.isEmpty());
    for (const QJsonValue &status : remote)
        QVERIFY(status[QLatin1String("account")][QLatin1String("acct")].toString().contains(u'@'));
    for (const QJsonValue &status : local)
        QVERIFY(!status[QLatin1String("account")][QLatin1String("acct")].toString().contains(u'@'));
    QCOMPARE(get(QStringLiteral("cats"), QStringLiteral("remote=false")).size(), 21);
}

void TestMastodonStandIn::apiHeaders()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    QNetworkAccessManager manager;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Reply first = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
    const Reply second = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
    QCOMPARE(first.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("300"));
    QCOMPARE(first.header("X-RateLimit-Remaining"), QByteArray("299"));
    QCOMPARE(second.header("X-RateLimit-Remaining"), QByteArray("298"));
    QCOMPARE(standIn.rateLimitRemaining(), 298);
    const QByteArray resetText = first.header("X-RateLimit-Reset");
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)"))
                 .match(QString::fromLatin1(resetText))
                 .hasMatch(),
             resetText.constData());
    const QDateTime reset = QDateTime::fromString(QString::fromLatin1(resetText), Qt::ISODateWithMs);
    QVERIFY(reset.isValid());
    QVERIFY(reset > before.addSecs(290) && reset <= QDateTime::currentDateTimeUtc().addSecs(301));
    QVERIFY(!first.header("X-Request-Id").isEmpty());
    QVERIFY(first.header("X-Request-Id") != second.header("X-Request-Id"));
    QCOMPARE(first.json().array().size(), 5);

    // The log shows what the client sent.
    const auto requests = standIn.timelineRequests(QStringLiteral("CATS"));
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.first().method, QByteArray("GET"));
    QCOMPARE(standIn.requests().size(), 2);
}

void TestMastodonStandIn::statusJsonShape()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 30, 2);
    scenario.tags.first().alsoTagged = {QStringLiteral("photography")};
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;
    const Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats"), 40));
    const QJsonArray statuses = reply.json().array();
    QCOMPARE(statuses.size(), 30);
    QCOMPARE(statuses, standIn.timeline(QStringLiteral("cats")));

    const QRegularExpression isoMs(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    const QRegularExpression digits(QStringLiteral(R"(^\d{15,19}$)"));
    const QString base = standIn.baseUrl().toString();
    bool sawEntity = false;
    bool sawApostrophe = false;
    bool sawRemote = false;
    bool sawMention = false;
    for (const QJsonValue &value : statuses) {
        const QJsonObject status = value.toObject();
        for (const char *key :
             {"id", "created_at", "uri", "url", "content", "account", "tags", "media_attachments", "reblog",
              "sensitive", "spoiler_text", "visibility", "language", "mentions", "emojis", "card", "poll",
              "in_reply_to_id", "edited_at"}) {
            QVERIFY2(status.contains(QLatin1String(key)), key);
        }
        QVERIFY(digits.match(status[QLatin1String("id")].toString()).hasMatch());
        QVERIFY(isoMs.match(status[QLatin1String("created_at")].toString()).hasMatch());
        QCOMPARE(status[QLatin1String("visibility")].toString(), QStringLiteral("public"));
        QVERIFY(status[QLatin1String("reblog")].isNull());
        QVERIFY(status[QLatin1String("sensitive")].isBool());
        const QString content = status[QLatin1String("content")].toString();
        QVERIFY(content.startsWith(QLatin1String("<p>")));
        QVERIFY(content.contains(
            QStringLiteral(
                "<a href=\"%1/tags/cats\" class=\"mention hashtag\" rel=\"tag\">#<span>cats</span></a>")
                .arg(base)));
        sawEntity = sawEntity || content.contains(QLatin1String("&amp;"));
        sawApostrophe = sawApostrophe || content.contains(QLatin1String("&#39;"));
        sawMention = sawMention || !status[QLatin1String("mentions")].toArray().isEmpty();
        const QJsonArray tags = status[QLatin1String("tags")].toArray();
        QCOMPARE(tags.size(), 2);
        QCOMPARE(tags.at(0)[QLatin1String("name")].toString(), QStringLiteral("cats"));
        QCOMPARE(tags.at(1)[QLatin1String("name")].toString(), QStringLiteral("photography"));
        QCOMPARE(tags.at(0)[QLatin1String("url")].toString(), base + QStringLiteral("/tags/cats"));

        const QJsonObject account = status[QLatin1String("account")].toObject();
        for (const char *key : {"id", "username", "acct", "display_name", "url"})
            QVERIFY2(account.contains(QLatin1String(key)), key);
        const bool remote = account[QLatin1String("acct")].toString().contains(u'@');
        sawRemote = sawRemote || remote;
        if (!remote) {
            QCOMPARE(status[QLatin1String("url")].toString(),
                     QStringLiteral("%1/@%2/%3")
                         .arg(base, account[QLatin1String("username")].toString(),
                              status[QLatin1String("id")].toString()));
        }

        const QJsonArray media = status[QLatin1String("media_attachments")].toArray();
        QCOMPARE(media.size(), 2);
        for (const QJsonValue &attachment : media) {
            QCOMPARE(attachment[QLatin1String("type")].toString(), QStringLiteral("image"));
            QVERIFY(digits.match(attachment[QLatin1String("id")].toString()).hasMatch());
            const QString url = attachment[QLatin1String("url")].toString();
            QVERIFY2(url.startsWith(base + (remote ? QStringLiteral("/system/cache/media_attachments/files/")
                                                   : QStringLiteral("/system/media_attachments/files/"))),
                     qPrintable(url));
            QVERIFY(url.contains(QLatin1String("/original/")) && url.endsWith(QLatin1String(".jpeg")));
            QVERIFY(attachment[QLatin1String("preview_url")].toString().contains(QLatin1String("/small/")));
            QCOMPARE(attachment[QLatin1String("remote_url")].isNull(), !remote);
            QVERIFY(attachment[QLatin1String("blurhash")].isString());
            QVERIFY(attachment.toObject().contains(QLatin1String("description")));
            const QJsonObject original =
                attachment[QLatin1String("meta")][QLatin1String("original")].toObject();
            const int width = original[QLatin1String("width")].toInt();
            const int height = original[QLatin1String("height")].toInt();
            QVERIFY(width > 0 && height > 0);
            QCOMPARE(original[QLatin1String("size")].toString(),
                     QStringLiteral("%1x%2").arg(width).arg(height));
            QVERIFY(qAbs(original[QLatin1String("aspect")].toDouble() - double(width) / height) < 1e-9);
            QVERIFY(
                attachment[QLatin1String("meta")][QLatin1String("small")][QLatin1String("width")].toInt() >
                0);
        }
    }
    QVERIFY(sawEntity && sawApostrophe && sawRemote && sawMention);
}

void TestMastodonStandIn::unknownTagAnd404s()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 3));
    QNetworkAccessManager manager;
    Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("nosuchtag")));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.error, QNetworkReply::ContentNotFoundError);
    QCOMPARE(reply.body, QByteArray(R"({"error":"Record not found"})"));
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("300"));

    QUrl other = standIn.baseUrl();
    other.setPath(QStringLiteral("/api/v1/statuses/1"));
    QCOMPARE(fetch(manager, other).status, 404);
    other.setPath(QStringLiteral("/system/media_attachments/files/000/000/001/original/nothing.jpeg"));
    reply = fetch(manager, other);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("Content-Type").startsWith("text/html"));
}

void TestMastodonStandIn::loginRequired()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 3);
    scenario.requiresLogin = true;
    scenario.tokens = {QStringLiteral("s3cret-token")};
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;

    Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.body, QByteArray(R"({"error":"This API requires an authenticated user"})"));
    QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("300"));

    reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")), {QByteArray("s3cret-token")});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().array().size(), 3);
    QCOMPARE(standIn.timelineRequests().last().header("authorization"), QByteArray("Bearer s3cret-token"));

    reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")), {QByteArray("wrong")});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.body, QByteArray(R"({"error":"The access token is invalid"})"));
    QVERIFY(reply.header("WWW-Authenticate").contains("invalid_token"));

    // A revoked token is refused on a public instance too; no token is fine there.
    standIn.setRequiresLogin(false);
    standIn.setTokens({});
    QCOMPARE(fetch(manager, standIn.timelineUrl(QStringLiteral("cats")), {QByteArray("s3cret-token")}).status,
             401);
    QCOMPARE(fetch(manager, standIn.timelineUrl(QStringLiteral("cats"))).status, 200);
}

void TestMastodonStandIn::instanceInformation()
{
    QNetworkAccessManager manager;
    const auto feeds = [&](const MastodonStandInScenario &scenario) {
        MastodonStandIn standIn(scenario);
        QUrl url = standIn.baseUrl();
        url.setPath(QStringLiteral("/api/v2/instance"));
        const Reply reply = fetch(manager, url);
        [&] { QCOMPARE(reply.status, 200); }();
        const QJsonObject root = reply.json().object();
        [&] { QCOMPARE(root[QLatin1String("domain")].toString(), standIn.baseUrl().authority()); }();
        return root[QLatin1String("configuration")][QLatin1String("timelines_access")]
                   [QLatin1String("hashtag_feeds")]
                       .toObject();
    };
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 1);
    QJsonObject hashtagFeeds = feeds(scenario);
    QCOMPARE(hashtagFeeds[QLatin1String("local")].toString(), QStringLiteral("public"));
    QCOMPARE(hashtagFeeds[QLatin1String("remote")].toString(), QStringLiteral("public"));

    scenario.requiresLogin = true;
    hashtagFeeds = feeds(scenario);
    QCOMPARE(hashtagFeeds[QLatin1String("local")].toString(), QStringLiteral("authenticated"));
    QCOMPARE(hashtagFeeds[QLatin1String("remote")].toString(), QStringLiteral("authenticated"));

    scenario.hashtagFeedsLocal = QStringLiteral("public");
    scenario.hashtagFeedsRemote = QStringLiteral("disabled");
    hashtagFeeds = feeds(scenario);
    QCOMPARE(hashtagFeeds[QLatin1String("local")].toString(), QStringLiteral("public"));
    QCOMPARE(hashtagFeeds[QLatin1String("remote")].toString(), QStringLiteral("disabled"));

    scenario.version = QStringLiteral("4.2.10"); // before 4.5 there is no timelines_access
    QVERIFY(feeds(scenario).isEmpty());

    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 1));
    QUrl v1 = standIn.baseUrl();
    v1.setPath(QStringLiteral("/api/v1/instance"));
    const Reply reply = fetch(manager, v1);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().object()[QLatin1String("version")].toString(), QStringLiteral("4.5.0"));
    QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray("299"));
}

void TestMastodonStandIn::rateLimitAnswers429()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    standIn.setRateLimit(3, 4);
    QNetworkAccessManager manager;
    const QUrl url = standIn.timelineUrl(QStringLiteral("cats"));
    for (const char *remaining : {"2", "1", "0"}) {
        const Reply reply = fetch(manager, url);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("3"));
        QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray(remaining));
    }
    const Reply limited = fetch(manager, url);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.body, QByteArray(R"({"error":"Too many requests"})"));
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 4, limited.header("Retry-After").constData());

    QTest::qWait(retryAfter * 1000 + 100);
    const Reply again = fetch(manager, url);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.header("X-RateLimit-Remaining"), QByteArray("2"));
}

void TestMastodonStandIn::serverErrorBurst()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    standIn.failTimelineRequests(3, 502);
    QNetworkAccessManager manager;
    const QUrl url = standIn.timelineUrl(QStringLiteral("cats"));
    for (int i = 0; i < 3; ++i) {
        const Reply reply = fetch(manager, url);
        QCOMPARE(reply.status, 502);
        QVERIFY(reply.header("Content-Type").startsWith("text/html"));
        QVERIFY(reply.body.contains("502 Bad Gateway"));
    }
    const Reply ok = fetch(manager, url);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().array().size(), 5);
    QCOMPARE(standIn.timelineRequests().size(), 4);
}

void TestMastodonStandIn::connectionReset()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    QNetworkAccessManager manager;
    const QUrl url = standIn.timelineUrl(QStringLiteral("cats"));
    // Warm a keep-alive connection first: the reset must also hit a reused connection.
    QCOMPARE(fetch(manager, url).status, 200);
    // Qt itself resends a request once when the connection closes before any response byte,
    // so a client sees the reset only when two come in a row.
    standIn.resetTimelineRequests(1);
    QCOMPARE(fetch(manager, url).status, 200);
    QCOMPARE(standIn.timelineRequests().size(), 1 + 2);
    standIn.resetTimelineRequests(3);
    const Reply reset = fetch(manager, url);
    QVERIFY(reset.finished);
    QCOMPARE(standIn.timelineRequests().size(), 3 + 2);
    QVERIFY2(reset.error == QNetworkReply::RemoteHostClosedError ||
                 reset.error == QNetworkReply::UnknownNetworkError,
             qPrintable(QStringLiteral("error %1").arg(int(reset.error))));
    QCOMPARE(reset.status, 0);
    QVERIFY(reset.body.isEmpty());
    standIn.resetTimelineRequests(0);
    QCOMPARE(fetch(manager, url).status, 200);
}

void TestMastodonStandIn::stallPastTimeout()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    standIn.stallTimelineRequests(1);
    QNetworkAccessManager manager;
    const QUrl url = standIn.timelineUrl(QStringLiteral("cats"));
    QElapsedTimer timer;
    timer.start();
    FetchOptions options;
    options.transferTimeoutMs = 400;
    const Reply stalled = fetch(manager, url, options);
    QVERIFY(stalled.finished);
    QVERIFY(timer.elapsed() >= 350);
    QVERIFY2(stalled.error == QNetworkReply::OperationCanceledError ||
                 stalled.error == QNetworkReply::TimeoutError,
             qPrintable(QStringLiteral("error %1").arg(int(stalled.error))));
    QCOMPARE(stalled.status, 0);
    const Reply ok = fetch(manager, url, options);
    QCOMPARE(ok.status, 200);
}

void TestMastodonStandIn::slowResponses()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    standIn.setTimelineDelay(300);
    QNetworkAccessManager manager;
    QElapsedTimer timer;
    timer.start();
    const Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
    QVERIFY(timer.elapsed() >= 290);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().array().size(), 5);
}

void TestMastodonStandIn::malformedJsonPage()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 25));
    standIn.addPageFault({QStringLiteral("cats"), 2, PageFault::MalformedJson, 1});
    QNetworkAccessManager manager;
    const Reply first = fetch(manager, standIn.pageUrl(QStringLiteral("cats"), 1, 10));
    QCOMPARE(first.json().array().size(), 10);
    const QUrl second = linkTarget(first.header("Link"), "next");
    QCOMPARE(second, standIn.pageUrl(QStringLiteral("cats"), 2, 10));

    const Reply broken = fetch(manager, second);
    QCOMPARE(broken.status, 200);
    QCOMPARE(broken.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QJsonParseError error;
    QJsonDocument::fromJson(broken.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(broken.body.startsWith("[{"));

    const Reply retried = fetch(manager, second); // served broken once only
    QCOMPARE(retried.json().array().size(), 10);
}

void TestMastodonStandIn::objectInsteadOfArray()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 5));
    standIn.addPageFault({QStringLiteral("cats"), 1, PageFault::ObjectInsteadOfArray, 2});
    QNetworkAccessManager manager;
    for (int i = 0; i < 2; ++i) {
        const Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().isObject());
    }
    QVERIFY(fetch(manager, standIn.timelineUrl(QStringLiteral("cats"))).json().isArray());
}

void TestMastodonStandIn::linkLoopsBack()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 50));
    standIn.addPageFault({QStringLiteral("cats"), 3, PageFault::LinkLoop, -1});
    QNetworkAccessManager manager;
    QUrl url = standIn.pageUrl(QStringLiteral("cats"), 1, 10);
    QList<QUrl> visited;
    QStringList seen;
    while (!url.isEmpty() && !visited.contains(url)) {
        QVERIFY(visited.size() < 20);
        visited.append(url);
        const Reply reply = fetch(manager, url);
        seen += idsOf(reply.json().array());
        url = linkTarget(reply.header("Link"), "next");
    }
    // Page 3 points back to page 2, every time: a client that follows blindly never ends.
    QCOMPARE(visited.size(), 3);
    QCOMPARE(url, standIn.pageUrl(QStringLiteral("cats"), 2, 10));
    QCOMPARE(seen, standIn.statusIds(QStringLiteral("cats")).mid(0, 30));
    const Reply again = fetch(manager, standIn.pageUrl(QStringLiteral("cats"), 3, 10));
    QCOMPARE(linkTarget(again.header("Link"), "next"), standIn.pageUrl(QStringLiteral("cats"), 2, 10));

    // A loop on page 2 goes back to the first page, which has no cursor.
    MastodonStandIn early(oneTag(QStringLiteral("cats"), 50));
    early.addPageFault({QStringLiteral("cats"), 2, PageFault::LinkLoop, -1});
    const Reply second = fetch(manager, early.pageUrl(QStringLiteral("cats"), 2, 10));
    QCOMPARE(linkTarget(second.header("Link"), "next"), early.pageUrl(QStringLiteral("cats"), 1, 10));
}

void TestMastodonStandIn::pageRepeatsPreviousStatuses()
{
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 35));
    standIn.addPageFault({QStringLiteral("cats"), 2, PageFault::RepeatPrevious, -1});
    QNetworkAccessManager manager;
    const QStringList ids = standIn.statusIds(QStringLiteral("cats"));
    QUrl url = standIn.pageUrl(QStringLiteral("cats"), 1, 10);
    QList<QStringList> pages;
    while (!url.isEmpty()) {
        QVERIFY(pages.size() < 20);
        const Reply reply = fetch(manager, url);
        pages.append(idsOf(reply.json().array()));
        url = linkTarget(reply.header("Link"), "next");
    }
    QCOMPARE(pages.at(0), ids.mid(0, 10));
    QCOMPARE(pages.at(1), ids.mid(5, 10)); // the last half of page 1, then 5 new ones
    QStringList all;
    for (const QStringList &page : std::as_const(pages))
        all += page;
    QCOMPARE(all.size(), ids.size() + 5);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), ids.size()); // nothing missing
    QCOMPARE(all.mid(20), ids.mid(15));
}

void TestMastodonStandIn::faultsFromScenario()
{
    const QByteArray json = R"({
        "tags": [{"name": "cats", "statuses": 25}],
        "faults": {"rateLimit": {"limit": 50, "windowSeconds": 60},
                   "apiErrors": {"status": 503, "times": 1}, "apiResets": 2,
                   "pages": [{"tag": "cats", "page": 2, "fault": "repeat-previous"}]}})";
    const auto scenario = MastodonStandInScenario::fromJson(json);
    QVERIFY(scenario.hasValue());
    QCOMPARE(scenario->pageFaults.first().times, -1);
    MastodonStandIn standIn(*scenario);
    QNetworkAccessManager manager;
    const QUrl url = standIn.pageUrl(QStringLiteral("cats"), 1, 10);
    const Reply reset = fetch(manager, url);
    QVERIFY(reset.error != QNetworkReply::NoError && reset.status == 0);
    QCOMPARE(fetch(manager, url).status, 503);
    const Reply ok = fetch(manager, url);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.header("X-RateLimit-Limit"), QByteArray("50"));
    QCOMPARE(ok.header("X-RateLimit-Remaining"), QByteArray("49")); // faults before the app do not count
    const Reply second = fetch(manager, linkTarget(ok.header("Link"), "next"));
    QCOMPARE(idsOf(second.json().array()).first(), standIn.statusIds(QStringLiteral("cats")).at(5));
}

void TestMastodonStandIn::mediaKinds_data()
{
    QTest::addColumn<Kind>("kind");
    for (const Kind kind : MastodonStandInScenario::allKinds())
        QTest::newRow(qPrintable(MastodonStandInScenario::kindName(kind))) << kind;
}

void TestMastodonStandIn::mediaKinds()
{
    QFETCH(Kind, kind);
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    MastodonStandIn standIn(everyKind());
    QNetworkAccessManager manager;
    const MastodonStandIn::ExpectedMedia item = itemOfKind(standIn, kind);
    QCOMPARE(item.kind, kind);
    QCOMPARE(item.type, MastodonStandInScenario::attachmentType(kind));

    // The JSON the client reads says the same as the expectation.
    QJsonObject attachment;
    for (const QJsonValue &status : standIn.timeline(QStringLiteral("mixed"))) {
        for (const QJsonValue &media : status[QLatin1String("media_attachments")].toArray()) {
            if (media[QLatin1String("id")].toString() == item.mediaId)
                attachment = media.toObject();
        }
    }
    QVERIFY(!attachment.isEmpty());
    QCOMPARE(attachment[QLatin1String("type")].toString(), item.type);

    if (kind == Kind::NoUrl) {
        QVERIFY(attachment[QLatin1String("url")].isNull());
        QVERIFY(attachment[QLatin1String("preview_url")].isNull());
        QVERIFY(attachment[QLatin1String("remote_url")].isNull());
        QCOMPARE(item.status, MediaStatus::Skipped);
        return;
    }
    QCOMPARE(QUrl(attachment[QLatin1String("url")].toString()), item.url);

    FetchOptions options;
    options.transferTimeoutMs = kind == Kind::Stalled ? 500 : 0;
    options.drain = kind == Kind::Oversized || kind == Kind::OversizedUnannounced;
    const Reply reply = fetch(manager, item.url, options);
    QVERIFY(reply.finished);
    QCOMPARE(standIn.fetchCount(item.url), 1);
    const QByteArray type = reply.header("Content-Type");

    switch (kind) {
    case Kind::Photo:
    case Kind::Duplicate: {
        QCOMPARE(reply.status, 200);
        QCOMPARE(type, QByteArray("image/jpeg"));
        QVERIFY(reply.body.startsWith("\xFF\xD8\xFF") && reply.body.endsWith("\xFF\xD9"));
        QCOMPARE(reply.header("Content-Length").toLongLong(), reply.body.size());
        QCOMPARE(sha256Hex(reply.body), item.sha256);
        const QImage image = QImage::fromData(reply.body);
        QCOMPARE(
            image.width(),
            attachment[QLatin1String("meta")][QLatin1String("original")][QLatin1String("width")].toInt());
        QCOMPARE(
            image.height(),
            attachment[QLatin1String("meta")][QLatin1String("original")][QLatin1String("height")].toInt());
        QCOMPARE(item.status, MediaStatus::Ok);
        break;
    }
    case Kind::PngAsJpg:
        QCOMPARE(reply.status, 200);
        QCOMPARE(type, QByteArray("image/jpeg"));
        QVERIFY(item.url.path().endsWith(QLatin1String(".jpg")));
        QVERIFY(reply.body.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(sha256Hex(reply.body), item.sha256);
        QCOMPARE(item.status, MediaStatus::Ok);
        break;
    case Kind::Flaky: {
        QCOMPARE(reply.status, 503);
        const Reply second = fetch(manager, item.url);
        QCOMPARE(second.status, 200);
        QCOMPARE(sha256Hex(second.body), item.sha256);
        QCOMPARE(standIn.fetchCount(item.url), 2);
        QCOMPARE(item.status, MediaStatus::Ok);
        break;
    }
    case Kind::Video:
    case Kind::Gifv:
        QCOMPARE(reply.status, 200);
        QCOMPARE(type, QByteArray("video/mp4"));
        QCOMPARE(reply.body.mid(4, 4), QByteArray("ftyp"));
        QVERIFY(item.url.path().endsWith(QLatin1String(".mp4")));
        QVERIFY(!item.previewUrl.isEmpty()); // a still frame, as Mastodon makes one
        QCOMPARE(item.status, MediaStatus::Skipped);
        break;
    case Kind::Audio:
        QCOMPARE(type, QByteArray("audio/mpeg"));
        QVERIFY(reply.body.startsWith("ID3"));
        QVERIFY(attachment[QLatin1String("preview_url")].isNull());
        QCOMPARE(item.status, MediaStatus::Skipped);
        break;
    case Kind::Unknown:
        QCOMPARE(type, QByteArray("application/octet-stream"));
        QVERIFY(item.url.path().startsWith(QLatin1String("/media_proxy/")));
        QVERIFY(attachment[QLatin1String("meta")].isNull());
        QVERIFY(QImage::fromData(reply.body).isNull());
        QCOMPARE(item.status, MediaStatus::Skipped);
        break;
    case Kind::NoUrl:
        break;
    case Kind::TruncatedJpeg:
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.error, QNetworkReply::NoError); // complete as far as HTTP goes
        QVERIFY(reply.body.startsWith("\xFF\xD8\xFF") && !reply.body.endsWith("\xFF\xD9"));
        QCOMPARE(item.failure, MastodonStandIn::Failure::Decode);
        break;
    case Kind::HtmlAsJpeg:
        QCOMPARE(reply.status, 200);
        QCOMPARE(type, QByteArray("image/jpeg"));
        QVERIFY(reply.body.startsWith("<html>"));
        QCOMPARE(item.failure, MastodonStandIn::Failure::NotAnImage);
        break;
    case Kind::DecompressionBomb: {
        QCOMPARE(type, QByteArray("image/png"));
        QVERIFY(reply.body.size() < 1024);
        QBuffer buffer(const_cast<QByteArray *>(&reply.body));
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), QSize(30000, 30000)); // the header only; nothing is decoded
        QCOMPARE(item.failure, MastodonStandIn::Failure::DecompressionBomb);
        QCOMPARE(MastodonStandIn::errorCode(item.failure), ErrorCode::TooLarge);
        break;
    }
    case Kind::Oversized:
    case Kind::OversizedUnannounced:
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.error, QNetworkReply::NoError);
        QCOMPARE(reply.streamedBytes, 26LL * 1024 * 1024);
        QCOMPARE(reply.hasHeader("Content-Length"), kind == Kind::Oversized);
        if (kind == Kind::Oversized)
            QCOMPARE(reply.header("Content-Length"), QByteArray::number(26LL * 1024 * 1024));
        QCOMPARE(item.failure, MastodonStandIn::Failure::TooLarge);
        break;
    case Kind::NotFound:
        QCOMPARE(reply.status, 404);
        QCOMPARE(item.httpStatus, 404);
        QCOMPARE(item.failure, MastodonStandIn::Failure::HttpStatus);
        break;
    case Kind::ServerError:
        QCOMPARE(reply.status, 500);
        QCOMPARE(fetch(manager, item.url).status, 500); // every time
        QCOMPARE(item.httpStatus, 500);
        break;
    case Kind::Stalled:
        QVERIFY2(reply.error == QNetworkReply::OperationCanceledError ||
                     reply.error == QNetworkReply::TimeoutError,
                 qPrintable(QString::number(int(reply.error))));
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(item.failure, MastodonStandIn::Failure::Timeout);
        QCOMPARE(MastodonStandIn::errorCode(item.failure), ErrorCode::Network);
        break;
    case Kind::ResetMidBody: {
        QVERIFY(reply.error != QNetworkReply::NoError);
        const qint64 full = reply.header("Content-Length").toLongLong();
        QVERIFY(full > 0);
        QVERIFY(reply.body.size() < full);
        QCOMPARE(item.failure, MastodonStandIn::Failure::ConnectionLost);
        break;
    }
    }
    if (item.status == MediaStatus::Failed)
        QVERIFY(item.sha256.isEmpty());
}

void TestMastodonStandIn::previewsAndMeta()
{
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    MastodonStandIn standIn(oneTag(QStringLiteral("cats"), 4));
    QNetworkAccessManager manager;
    const QJsonArray statuses = standIn.timeline(QStringLiteral("cats"));
    for (const QJsonValue &status : statuses) {
        const QJsonValue media = status[QLatin1String("media_attachments")].toArray().first();
        const Reply preview = fetch(manager, QUrl(media[QLatin1String("preview_url")].toString()));
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.header("Content-Type"), QByteArray("image/jpeg"));
        const QImage image = QImage::fromData(preview.body);
        const QJsonObject small = media[QLatin1String("meta")][QLatin1String("small")].toObject();
        QCOMPARE(image.size(),
                 QSize(small[QLatin1String("width")].toInt(), small[QLatin1String("height")].toInt()));
        QVERIFY(qint64(image.width()) * image.height() <= 230400);
        QVERIFY(standIn.fetchCount(QUrl(media[QLatin1String("preview_url")].toString())) == 1);
        QCOMPARE(standIn.fetchCount(QUrl(media[QLatin1String("url")].toString())), 0);
    }
}

void TestMastodonStandIn::hostileBytes()
{
    // The bomb is a valid PNG (the CRCs check out), so a reader gets as far as the header.
    const QByteArray bomb = MastodonStandInMedia::decompressionBombPng(30000, 30000);
    QVERIFY(bomb.size() < 1024);
    QCOMPARE(MastodonStandInMedia::crc32("123456789"), 0xCBF43926u); // the CRC-32 check value
    const quint32 ihdrCrc = qFromBigEndian<quint32>(bomb.constData() + 8 + 8 + 13);
    QCOMPARE(ihdrCrc, MastodonStandInMedia::crc32(QByteArrayView(bomb).sliced(12, 17)));
    QVERIFY(bomb.endsWith(QByteArray("IEND\xAE\x42\x60\x82", 8)));

    QCOMPARE(MastodonStandInMedia::truncated("0123456789", 60), QByteArray("012345"));
    const QByteArray head("HEAD");
    QCOMPARE(MastodonStandInMedia::streamedPiece(head, 10, 0, 100), QByteArray("HEAD"));
    QCOMPARE(MastodonStandInMedia::streamedPiece(head, 10, 2, 100), QByteArray("AD"));
    QCOMPARE(MastodonStandInMedia::streamedPiece(head, 10, 4, 100), QByteArray(6, '\0'));
    QCOMPARE(MastodonStandInMedia::streamedPiece(head, 10, 10, 100), QByteArray());
}

void TestMastodonStandIn::expectedMediaAccounting()
{
    QFile file(QStringLiteral(TAGLENS_STANDIN_SCENARIOS "/mixed.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto scenario = MastodonStandInScenario::fromJson(file.readAll());
    QVERIFY(scenario.hasValue());
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    MastodonStandIn standIn(*scenario);

    const auto cats = standIn.expectedMedia(QStringLiteral("cats"));
    QCOMPARE(cats.size(), 48);
    QHash<int, int> kinds;
    for (const auto &item : cats)
        ++kinds[int(item.kind)];
    QCOMPARE(kinds.value(int(Kind::Photo)), 48 - 17);
    for (const Kind kind : MastodonStandInScenario::allKinds()) {
        if (kind != Kind::Photo)
            QCOMPARE(kinds.value(int(kind)), 1);
    }
    // #animals is #cats under another name; #quiet is declared and empty.
    QCOMPARE(standIn.statusIds(QStringLiteral("animals")), standIn.statusIds(QStringLiteral("cats")));
    QCOMPARE(standIn.statusIds(QStringLiteral("cats")).size(), 52);
    QVERIFY(standIn.statusIds(QStringLiteral("quiet")).isEmpty());
    QCOMPARE(standIn.tagNames(), (QStringList{QStringLiteral("animals"), QStringLiteral("cats"),
                                              QStringLiteral("dogs"), QStringLiteral("quiet")}));

    int ok = 0, skipped = 0, failed = 0;
    const auto all = standIn.expectedMedia();
    QCOMPARE(all.size(), 48 + 48);
    QSet<QString> mediaIds;
    for (const auto &item : all) {
        mediaIds.insert(item.mediaId);
        switch (item.status) {
        case MediaStatus::Ok:
            ++ok;
            QCOMPARE(item.sha256.size(), 64);
            QCOMPARE(item.failure, MastodonStandIn::Failure::None);
            break;
        case MediaStatus::Skipped:
            ++skipped;
            QVERIFY(item.type != QLatin1String("image") || item.kind == Kind::NoUrl);
            break;
        case MediaStatus::Failed:
            ++failed;
            QVERIFY(item.failure != MastodonStandIn::Failure::None);
            QVERIFY(!MastodonStandIn::failureName(item.failure).isEmpty());
            break;
        case MediaStatus::Pending:
            QFAIL("no item is left pending");
        }
        QVERIFY(!item.motif.isEmpty());
    }
    QCOMPARE(mediaIds.size(), all.size());
    // #cats: 31 photos + png-as-jpg, duplicate, flaky; #dogs: 48 - 2 videos - 2 failures.
    QCOMPARE(ok, 34 + 44);
    QCOMPARE(skipped, 5 + 2);
    QCOMPARE(failed, 9 + 2);

    const QJsonArray json = standIn.expectedMediaJson();
    QCOMPARE(json.size(), all.size());
    for (const QJsonValue &value : json) {
        const QString status = value[QLatin1String("status")].toString();
        QVERIFY(status == QLatin1String("ok") || status == QLatin1String("skipped") ||
                status == QLatin1String("failed"));
        QCOMPARE(value.toObject().contains(QLatin1String("errorCode")), status == QLatin1String("failed"));
    }
}

void TestMastodonStandIn::expectationsMatchTheDecoder()
{
    // What the stand-in promises for the bytes it serves is what the engine's decoder says.
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    MastodonStandIn standIn(everyKind());
    QNetworkAccessManager manager;
    for (const Kind kind : {Kind::Photo, Kind::PngAsJpg, Kind::Duplicate, Kind::TruncatedJpeg,
                            Kind::HtmlAsJpeg, Kind::DecompressionBomb}) {
        const MastodonStandIn::ExpectedMedia item = itemOfKind(standIn, kind);
        const Reply reply = fetch(manager, item.url);
        QCOMPARE(reply.status, 200);
        const auto decoded = taglens::engine::ImageDecoder::decode(reply.body);
        if (item.status == MediaStatus::Ok) {
            QVERIFY2(decoded.hasValue(), qPrintable(MastodonStandInScenario::kindName(kind)));
        } else {
            QVERIFY2(!decoded.hasValue(), qPrintable(MastodonStandInScenario::kindName(kind)));
            QCOMPARE(decoded.error().code, MastodonStandIn::errorCode(item.failure));
        }
    }
}

void TestMastodonStandIn::duplicatesShareBytes()
{
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 12);
    scenario.tags.first().media = {{Kind::Duplicate, 2}};
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;
    QHash<QString, MastodonStandIn::ExpectedMedia> byId;
    const auto items = standIn.expectedMedia();
    for (const auto &item : items)
        byId.insert(item.mediaId, item);
    int duplicates = 0;
    QSet<QByteArray> shas;
    for (const auto &item : items) {
        shas.insert(item.sha256);
        if (item.kind != Kind::Duplicate)
            continue;
        ++duplicates;
        const auto source = byId.value(item.duplicateOf);
        QCOMPARE(source.kind, Kind::Photo);
        QVERIFY(source.url != item.url);
        QCOMPARE(item.sha256, source.sha256);
        QCOMPARE(sha256Hex(fetch(manager, item.url).body), sha256Hex(fetch(manager, source.url).body));
    }
    QCOMPARE(duplicates, 2);
    QCOMPARE(shas.size(), 10); // all other photos are distinct
}

void TestMastodonStandIn::pixelfedFlavour()
{
    MastodonStandInScenario scenario = oneTag(QStringLiteral("cats"), 2);
    scenario.flavour = QStringLiteral("pixelfed");
    scenario.version = QStringLiteral("3.5.3 (compatible; Pixelfed 0.12.4)");
    MastodonStandIn standIn(scenario);
    QNetworkAccessManager manager;
    const Reply reply = fetch(manager, standIn.timelineUrl(QStringLiteral("cats")));
    QCOMPARE(reply.status, 200);
    const QString url =
        reply.json().array().first()[QLatin1String("media_attachments")][0][QLatin1String("url")].toString();
    QVERIFY2(url.contains(QLatin1String("/storage/m/_v2/")), qPrintable(url));
    QUrl instance = standIn.baseUrl();
    instance.setPath(QStringLiteral("/api/v2/instance"));
    const QJsonObject root = fetch(manager, instance).json().object();
    QVERIFY(!root[QLatin1String("configuration")].toObject().contains(QLatin1String("timelines_access")));
}

void TestMastodonStandIn::photoSetIsDeterministicAndDistinct()
{
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    const PhotoSet first;
    const PhotoSet second;
    QVERIFY(first.baseCount() >= 12);
    int grey = 0;
    for (const PhotoSet::Base &base : first.bases())
        grey += base.grey ? 1 : 0;
    QVERIFY(grey >= 4 && grey < first.baseCount()); // colour and grey photographs

    // Recipes are cheap: check many for distinctness; encode fewer.
    QSet<QString> recipes;
    for (int i = 0; i < 1000; ++i) {
        const PhotoSet::Recipe r = first.recipe(i);
        recipes.insert(QStringLiteral("%1 %2,%3 %4x%5 %6 %7 %8 %9")
                           .arg(r.base)
                           .arg(r.crop.x())
                           .arg(r.crop.y())
                           .arg(r.crop.width())
                           .arg(r.crop.height())
                           .arg(r.rotation)
                           .arg(r.mirrored)
                           .arg(r.size.width())
                           .arg(r.quality));
    }
    QCOMPARE(recipes.size(), 1000);

    const int count = first.baseCount() * 2 + 6; // the originals, and variants of every base
    first.prepare(count);
    QSet<QByteArray> hashes;
    for (int i = 0; i < count; ++i) {
        const QByteArray jpeg = first.jpeg(i);
        QVERIFY(jpeg.startsWith("\xFF\xD8\xFF"));
        hashes.insert(sha256Hex(jpeg));
    }
    QCOMPARE(hashes.size(), count);
    for (const int i : {0, 7, count - 1}) {
        QCOMPARE(second.jpeg(i), first.jpeg(i));
        QCOMPARE(second.previewJpeg(i), first.previewJpeg(i));
    }

    // A cache directory gives the same bytes back in a later run.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        PhotoSet cached;
        cached.setCacheDir(dir.path());
        QCOMPARE(cached.jpeg(3), first.jpeg(3));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    PhotoSet fromDisk;
    fromDisk.setCacheDir(dir.path());
    QCOMPARE(fromDisk.jpeg(3), first.jpeg(3));
}

void TestMastodonStandIn::photoSetSizes()
{
    if (!m_havePhotos)
        QSKIP("python3-skimage's photos are not installed");
    const PhotoSet photos;
    int greyChecked = 0;
    for (int i = 0; i < photos.baseCount() * 2; ++i) {
        const QSize size = photos.size(i);
        const int longSide = qMax(size.width(), size.height());
        QVERIFY2(longSide == 1080 || longSide == 1280 || longSide == 720,
                 qPrintable(QString::number(longSide)));
        if (i < photos.baseCount())
            QCOMPARE(longSide, 1080); // the first round is the photo as it is, scaled
        const QSize preview = photos.previewSize(i);
        QVERIFY(qint64(preview.width()) * preview.height() <= 230400);
        QVERIFY(qAbs(double(preview.width()) / preview.height() - double(size.width()) / size.height()) <
                0.02);
        if (i % 5 == 0 || photos.isGrey(i)) {
            const QImage image = QImage::fromData(photos.jpeg(i));
            QCOMPARE(image.size(), size);
            QCOMPARE(QImage::fromData(photos.previewJpeg(i)).size(), preview);
            if (photos.isGrey(i)) {
                QVERIFY(image.isGrayscale());
                ++greyChecked;
            }
        }
    }
    QVERIFY(greyChecked > 0);
    QCOMPARE(photos.baseName(0), QStringLiteral("chelsea"));
    QCOMPARE(QImage::fromData(photos.png(0)).size(), photos.size(0));
}

void TestMastodonStandIn::standaloneProgram()
{
#ifndef TAGLENS_STANDIN_PROGRAM
    QSKIP("taglens-standin is not built in this tree");
#else
    QProcess process;
    process.setProgram(QStringLiteral(TAGLENS_STANDIN_PROGRAM));
    process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"),
                          QStringLiteral(TAGLENS_STANDIN_SCENARIOS "/mixed.json"),
                          QStringLiteral("--no-warm")});
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    QVERIFY(process.waitForStarted(WaitMs));
    QByteArray line;
    QElapsedTimer timer;
    timer.start();
    while (!line.endsWith('\n') && timer.elapsed() < WaitMs) {
        if (process.canReadLine() || process.waitForReadyRead(1000))
            line += process.readLine();
        QVERIFY2(process.state() == QProcess::Running, process.readAllStandardError().constData());
    }
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral(R"(^listening on (http://127\.0\.0\.1:(\d+))\n$)"))
            .match(QString::fromLatin1(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const QUrl base(match.captured(1));

    QNetworkAccessManager manager;
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/timelines/tag/cats"));
    url.setQuery(QStringLiteral("limit=40"));
    const Reply page = fetch(manager, url);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().array().size(), 40);
    QVERIFY(page.header("Link").startsWith(
        QByteArray("<" + base.toEncoded() + "/api/v1/timelines/tag/cats?limit=40&max_id=")));

    url.setPath(QStringLiteral("/_standin/expected"));
    url.setQuery(QString());
    const Reply expected = fetch(manager, url);
    QCOMPARE(expected.status, 200);
    const QJsonArray items = expected.json().array();
    QCOMPARE(items.size(), 96);
    const QJsonObject firstItem = items.first().toObject();
    const Reply media = fetch(manager, QUrl(firstItem[QLatin1String("url")].toString()));
    QCOMPARE(media.status, 200);

    url.setPath(QStringLiteral("/_standin/fetches"));
    const QJsonObject fetches = fetch(manager, url).json().object();
    QCOMPARE(fetches.value(QUrl(firstItem[QLatin1String("url")].toString()).path()).toInt(), 1);

    process.kill();
    QVERIFY(process.waitForFinished(WaitMs));
#endif
}

QTEST_GUILESS_MAIN(TestMastodonStandIn)
#include "tst_mastodonstandin.moc"
