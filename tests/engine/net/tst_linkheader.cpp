// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/linkheader.h"

#include <QTest>

using taglens::engine::LinkHeader;

class TestLinkHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findNext_data();
    void findNext();
    void parseKeepsEveryLink();
};

void TestLinkHeader::findNext_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("next");
    const QString base = QStringLiteral("https://m.example/api/v1/timelines/tag/cats");

    QTest::newRow("mastodon")
        << QByteArray(R"(<https://m.example/api/v1/timelines/tag/cats?max_id=109>; rel="next", )"
                      R"(<https://m.example/api/v1/timelines/tag/cats?min_id=120>; rel="prev")")
        << base + QStringLiteral("?max_id=109");
    QTest::newRow("prev first, no spaces")
        << QByteArray(
               R"(<https://m.example/a?min_id=1>;rel="prev",<https://m.example/a?max_id=2>;rel="next")")
        << QStringLiteral("https://m.example/a?max_id=2");
    QTest::newRow("unquoted rel, upper case") << QByteArray("<https://m.example/a?max_id=3>; REL=NEXT")
                                              << QStringLiteral("https://m.example/a?max_id=3");
    QTest::newRow("several rels") << QByteArray(R"(<https://m.example/a?max_id=4>; rel="last  next")")
                                  << QStringLiteral("https://m.example/a?max_id=4");
    QTest::newRow("extra params and spaces")
        << QByteArray(
               R"(  < https://m.example/a?max_id=5 > ;  title="a, b; c" ; rel = "next" ; type=text/html )")
        << QStringLiteral("https://m.example/a?max_id=5");
    QTest::newRow("comma in the target")
        << QByteArray(R"(<https://m.example/a?tags=x,y&max_id=6>; rel="next")")
        << QStringLiteral("https://m.example/a?tags=x,y&max_id=6");
    QTest::newRow("escaped quote in a param")
        << QByteArray(
               R"(<https://m.example/p>; title="say \"next\", ok"; rel="prev", <https://m.example/n>; rel=next)")
        << QStringLiteral("https://m.example/n");
    QTest::newRow("relative target") << QByteArray(R"(</api/v1/timelines/tag/cats?max_id=7>; rel="next")")
                                     << base + QStringLiteral("?max_id=7");
    QTest::newRow("only rel counted once")
        << QByteArray(R"(<https://m.example/x>; rel="prev"; rel="next")") << QString();
    QTest::newRow("no next") << QByteArray(R"(<https://m.example/a?min_id=1>; rel="prev")") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("garbage") << QByteArray("next, <<>>;;;,,rel=") << QString();
    QTest::newRow("unterminated target")
        << QByteArray(R"(<https://m.example/a?max_id=1; rel="next")") << QString();
    QTest::newRow("unterminated quote")
        << QByteArray(R"(<https://m.example/a>; title="oops, rel="next")") << QString();
    QTest::newRow("garbage before a good link")
        << QByteArray(R"(junk; rel="next", <https://m.example/good>; rel="next")")
        << QStringLiteral("https://m.example/good");
    QTest::newRow("rel-like word elsewhere")
        << QByteArray(R"(<https://m.example/a>; title="rel=next")") << QString();
}

void TestLinkHeader::findNext()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, next);
    const QUrl base(QStringLiteral("https://m.example/api/v1/timelines/tag/cats?limit=40"));
    QCOMPARE(LinkHeader::find(header, u"next", base).toString(), next);
}

void TestLinkHeader::parseKeepsEveryLink()
{
    const auto links = LinkHeader::parse(R"(<a>; rel="next"; title="x", <b>; rel="prev up")");
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.at(0).target, QByteArray("a"));
    QCOMPARE(links.at(0).rels, QStringList{QStringLiteral("next")});
    QCOMPARE(links.at(0).params.size(), 2);
    QCOMPARE(links.at(0).params.at(1).first, QByteArray("title"));
    QCOMPARE(links.at(0).params.at(1).second, QStringLiteral("x"));
    QCOMPARE(links.at(1).rels, (QStringList{QStringLiteral("prev"), QStringLiteral("up")}));
}

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "tst_linkheader.moc"
