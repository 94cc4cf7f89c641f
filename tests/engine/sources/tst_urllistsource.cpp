// SPDX-License-Identifier: GPL-3.0-or-later
// Image addresses as posts: which addresses are accepted, how they are found in dropped text,
// and the PostSource contract (pages, asynchronous answers, warnings, failure, cancel).
#include "engine/net/httpclient.h"
#include "engine/sources/postsourcefactory.h"
#include "engine/sources/urllistsource.h"
#include "sourcerecorder.h"

#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::UrlListSource;
using taglens::tests::SourceRecorder;

class TestUrlListSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedUrl_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("accepted"); // empty: refused

        QTest::newRow("https") << "https://example.org/a.jpg"
                               << "https://example.org/a.jpg";
        QTest::newRow("https with port and query") << "https://example.org:8443/img?id=3&s=large"
                                                   << "https://example.org:8443/img?id=3&s=large";
        QTest::newRow("fragment dropped") << "https://example.org/a.jpg#top"
                                          << "https://example.org/a.jpg";
        QTest::newRow("upper-case scheme") << "HTTPS://example.org/a.jpg"
                                           << "https://example.org/a.jpg";
        QTest::newRow("http to 127.0.0.1") << "http://127.0.0.1:8080/a.png"
                                           << "http://127.0.0.1:8080/a.png";
        QTest::newRow("http to localhost") << "http://localhost/a.png"
                                           << "http://localhost/a.png";
        QTest::newRow("http to ::1") << "http://[::1]:81/a.png"
                                     << "http://[::1]:81/a.png";
        QTest::newRow("http elsewhere") << "http://example.org/a.jpg"
                                        << "";
        QTest::newRow("http to a private address") << "http://192.168.1.1/a.jpg"
                                                   << "";
        QTest::newRow("ftp") << "ftp://example.org/a.jpg"
                             << "";
        QTest::newRow("file") << "file:///etc/passwd"
                              << "";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << "";
        QTest::newRow("data") << "data:image/png;base64,iVBORw0KGgo="
                              << "";
        QTest::newRow("no host") << "https:///a.jpg"
                                 << "";
        QTest::newRow("relative") << "/a.jpg"
                                  << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("user and password") << "https://alice:secret@example.org/a.jpg"
                                           << "";
        QTest::newRow("user only") << "https://alice@example.org/a.jpg"
                                   << "";
        QTest::newRow("oversized")
            << QStringLiteral("https://example.org/%1").arg(QString(UrlListSource::MaxUrlLength, u'a')) << "";
        QTest::newRow("just under the size limit")
            << QStringLiteral("https://example.org/%1").arg(QString(UrlListSource::MaxUrlLength - 40, u'a'))
            << QStringLiteral("https://example.org/%1").arg(QString(UrlListSource::MaxUrlLength - 40, u'a'));
    }

    void acceptedUrl()
    {
        QFETCH(QString, given);
        QFETCH(QString, accepted);
        const auto url = UrlListSource::acceptedUrl(QUrl(given));
        if (accepted.isEmpty()) {
            QVERIFY(!url);
            QCOMPARE(url.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!url.error().message.isEmpty());
            QVERIFY2(!url.error().message.contains(QStringLiteral("secret")),
                     qPrintable(url.error().message));
            QVERIFY(url.error().message.size() < 400); // a huge address is shortened in the message
        } else {
            QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
            QCOMPARE(url->toString(), accepted);
        }
    }

    void urlsInText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("uri-list with CRLF and a comment")
            << "# dropped from a browser\r\nhttps://a.example/1.jpg\r\nhttps://b.example/2.png\r\n"
            << QStringList{QStringLiteral("https://a.example/1.jpg"),
                           QStringLiteral("https://b.example/2.png")};
        QTest::newRow("plain text, white space between")
            << "look: https://a.example/1.jpg  and\thttp://127.0.0.1:9/x.png too"
            << QStringList{QStringLiteral("https://a.example/1.jpg"),
                           QStringLiteral("http://127.0.0.1:9/x.png")};
        QTest::newRow("other schemes are left out")
            << "ftp://a/1.jpg\nfile:///etc/passwd\njavascript:alert(1)\nhttps://c.example/ok.gif"
            << QStringList{QStringLiteral("https://c.example/ok.gif")};
        QTest::newRow("upper-case scheme")
            << "HTTPS://a.example/1.jpg" << QStringList{QStringLiteral("https://a.example/1.jpg")};
        QTest::newRow("http elsewhere is kept for acceptedUrl() to refuse")
            << "http://example.org/a.jpg" << QStringList{QStringLiteral("http://example.org/a.jpg")};
        QTest::newRow("scheme only") << "https://" << QStringList();
        QTest::newRow("no addresses") << "just some words\n\n" << QStringList();
        QTest::newRow("empty") << "" << QStringList();
        QTest::newRow("binary junk") << QString::fromLatin1(QByteArray("\x01\x02https\x00://\xff\xfe", 14))
                                     << QStringList();
    }

    void urlsInText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QStringList found;
        for (const QUrl &url : UrlListSource::urlsInText(text))
            found << url.toString();
        QCOMPARE(found, expected);
    }

    void urlsInHugeTextAreCapped()
    {
        QString text;
        for (int i = 0; i < UrlListSource::MaxUrls + 50; ++i)
            text += QStringLiteral("https://a.example/%1.jpg\n").arg(i);
        const QList<QUrl> urls = UrlListSource::urlsInText(text);
        QCOMPARE(urls.size(), UrlListSource::MaxUrls);
        QCOMPARE(urls.last().toString(),
                 QStringLiteral("https://a.example/%1.jpg").arg(UrlListSource::MaxUrls - 1));
    }

    void postsInPages()
    {
        const QList<QUrl> urls{QUrl(QStringLiteral("https://a.example/1.jpg#frag")),
                               QUrl(QStringLiteral("http://127.0.0.1:8080/2.png?size=large")),
                               QUrl(QStringLiteral("https://a.example/1.jpg")), // the same, once
                               QUrl(QStringLiteral("https://b.example/3.webp"))};
        UrlListSource source(urls);
        source.setPageSize(2);
        QCOMPARE(source.urls().size(), 3);
        QVERIFY2(source.description().contains(QStringLiteral("3")), qPrintable(source.description()));
        SourceRecorder recorder(source);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.pages.size(), 2);
        QCOMPARE(recorder.pages.at(0).size(), 2);
        QCOMPARE(recorder.pages.at(1).size(), 1);
        QCOMPARE(recorder.exhaustedCount, 1);
        QCOMPARE(recorder.failedCount, 0);
        QVERIFY(recorder.warnings.isEmpty());
        QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("https://a.example/1.jpg"),
                                              QStringLiteral("http://127.0.0.1:8080/2.png?size=large"),
                                              QStringLiteral("https://b.example/3.webp")}));
        const taglens::engine::Post &post = recorder.posts.at(1);
        QCOMPARE(post.source, QStringLiteral("url"));
        QCOMPARE(post.instance, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(post.url, QUrl(QStringLiteral("http://127.0.0.1:8080/2.png?size=large")));
        QVERIFY(post.createdAt.isValid());
        QCOMPARE(post.media.size(), 1);
        QCOMPARE(post.media.first().type, QStringLiteral("image"));
        QVERIFY(post.media.first().isClassifiable());
        QCOMPARE(post.media.first().url, post.url);
        QCOMPARE(post.media.first().remoteUrl, post.url);
        QVERIFY(post.media.first().localPath.isEmpty());
        QVERIFY(!post.media.first().remoteId.isEmpty());
        QCOMPARE(source.state(), UrlListSource::State::Exhausted);
    }

    void refusedAddressesWarnAndTheRestIsRead()
    {
        UrlListSource source({QUrl(QStringLiteral("http://example.org/a.jpg")),
                              QUrl(QStringLiteral("https://alice:secret@example.org/b.jpg")),
                              QUrl(QStringLiteral("https://example.org/c.jpg"))});
        SourceRecorder recorder(source);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.ids(), QStringList{QStringLiteral("https://example.org/c.jpg")});
        QCOMPARE(recorder.warnings.size(), 2);
        QVERIFY(recorder.warnings.at(0).contains(QStringLiteral("example.org/a.jpg")));
        QVERIFY(!recorder.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("secret")));
        QCOMPARE(recorder.exhaustedCount, 1);
    }

    void nothingUsableFails_data()
    {
        QTest::addColumn<QList<QUrl>>("urls");
        QTest::addColumn<int>("warnings");
        QTest::newRow("none given") << QList<QUrl>() << 0;
        QTest::newRow("only refused ones")
            << QList<QUrl>{QUrl(QStringLiteral("ftp://example.org/a.jpg")), QUrl(QStringLiteral("not a url"))}
            << 2;
        QList<QUrl> many;
        for (int i = 0; i < 500; ++i)
            many << QUrl(QStringLiteral("http://example.org/%1.jpg").arg(i));
        QTest::newRow("hostile: many refused ones, reported in bounded form") << many << 11;
    }

    void nothingUsableFails()
    {
        QFETCH(QList<QUrl>, urls);
        QFETCH(int, warnings);
        UrlListSource source(urls);
        SourceRecorder recorder(source);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.failedCount, 1);
        QCOMPARE(recorder.error->code, ErrorCode::InvalidArgument);
        QVERIFY(recorder.posts.isEmpty());
        QCOMPARE(recorder.warnings.size(), warnings);
        QCOMPARE(source.state(), UrlListSource::State::Failed);
    }

    void oversizedListIsCut()
    {
        QList<QUrl> urls;
        for (int i = 0; i < UrlListSource::MaxUrls + 7; ++i)
            urls << QUrl(QStringLiteral("https://a.example/%1.jpg").arg(i));
        UrlListSource source(urls);
        source.setPageSize(UrlListSource::MaxUrls);
        SourceRecorder recorder(source);
        QVERIFY(recorder.fetchAll());
        QCOMPARE(recorder.posts.size(), UrlListSource::MaxUrls);
        QCOMPARE(recorder.warnings.size(), 1);
        QVERIFY2(recorder.warnings.first().contains(QStringLiteral("7")),
                 qPrintable(recorder.warnings.first()));
    }

    void cancelWhileFetchingIsQuiet()
    {
        UrlListSource source({QUrl(QStringLiteral("https://a.example/1.jpg"))});
        SourceRecorder recorder(source);
        source.fetchNext();
        QVERIFY(source.isFetching());
        source.cancel();
        QTest::qWait(50);
        QCOMPARE(recorder.events, 0);
        QCOMPARE(source.state(), UrlListSource::State::Cancelled);
        source.fetchNext(); // after the end: nothing
        QTest::qWait(20);
        QCOMPARE(recorder.events, 0);
    }

    void factoryMakesIt()
    {
        taglens::engine::SourceSpec spec(taglens::engine::SourceKind::Urls);
        taglens::engine::HttpClient client;
        auto none = taglens::engine::makePostSource(spec, QStringLiteral("dropped"), &client);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::InvalidArgument);

        spec.as<taglens::engine::UrlsSpec>()->urls = {
            QUrl(QStringLiteral("https://a.example:8443/p/1.jpg?x=1")),
            QUrl(QStringLiteral("https://b.example/2.jpg"))};
        auto source = taglens::engine::makePostSource(spec, QStringLiteral("dropped"), &client);
        QVERIFY2(source, qPrintable(source ? QString() : source.error().message));
        QVERIFY(qobject_cast<UrlListSource *>(source->get()));
        QCOMPARE(spec.recordedInstance(), QStringLiteral("https://a.example:8443"));
    }
};

QTEST_GUILESS_MAIN(TestUrlListSource)
#include "tst_urllistsource.moc"
