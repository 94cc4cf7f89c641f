// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sources/sourcespec.h"

#include <QTest>

using namespace taglens::engine;

Q_DECLARE_METATYPE(SourceKind)

class TestSourceSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each kind carries its own details and no other kind's; a token only where a login exists.
    void detailsOfItsKind_data()
    {
        QTest::addColumn<SourceKind>("kind");
        QTest::addColumn<int>("details"); // the variant's index: fediverse, local, urls, instagram
        QTest::addColumn<bool>("takesToken");
        QTest::newRow("mastodon") << SourceKind::Mastodon << 0 << true;
        QTest::newRow("pixelfed") << SourceKind::Pixelfed << 0 << true;
        QTest::newRow("local") << SourceKind::Local << 1 << false;
        QTest::newRow("urls") << SourceKind::Urls << 2 << false;
        QTest::newRow("instagram") << SourceKind::Instagram << 3 << true;
    }
    void detailsOfItsKind()
    {
        QFETCH(SourceKind, kind);
        QFETCH(int, details);
        QFETCH(bool, takesToken);
        SourceSpec spec(kind);
        QCOMPARE(spec.kind(), kind);
        QCOMPARE(spec.isLocal(), kind == SourceKind::Local);
        const QList<bool> held{spec.as<FediverseSpec>() != nullptr, spec.as<LocalSpec>() != nullptr,
                               spec.as<UrlsSpec>() != nullptr, spec.as<InstagramSpec>() != nullptr};
        for (int i = 0; i < held.size(); ++i)
            QCOMPARE(held.at(i), i == details);
        spec.setAccessToken(QStringLiteral("t0ken"));
        QCOMPARE(spec.accessToken(), takesToken ? QStringLiteral("t0ken") : QString());
        QCOMPARE(spec == SourceSpec(kind), !takesToken); // the token is part of what it is
    }

    void recordedInstance_data()
    {
        QTest::addColumn<SourceSpec>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mastodon") << SourceSpec::fediverse(
                                         SourceKind::Pixelfed,
                                         {QUrl(QStringLiteral("https://pixelfed.example")), {}})
                                  << "https://pixelfed.example";
        QTest::newRow("instagram") << SourceSpec::instagram({}) << "https://www.instagram.com";
        QTest::newRow("urls: the first one's origin, without user or path")
            << SourceSpec::urls({{QUrl(QStringLiteral("https://me:pw@a.example:8443/p/1.jpg?x=1#f")),
                                  QUrl(QStringLiteral("https://b.example/2.jpg"))}})
            << "https://a.example:8443";
        QTest::newRow("urls: none") << SourceSpec::urls({}) << "";
        QTest::newRow("local: none") << SourceSpec::local({}) << "";
        QTest::newRow("local: the first path")
            << SourceSpec::local({{QStringLiteral("/data/b"), QStringLiteral("/data/a")}}) << "/data/b";
    }
    void recordedInstance()
    {
        QFETCH(SourceSpec, spec);
        QFETCH(QString, expected);
        QCOMPARE(spec.recordedInstance(), expected);
    }
};

QTEST_GUILESS_MAIN(TestSourceSpec)
#include "tst_sourcespec.moc"
