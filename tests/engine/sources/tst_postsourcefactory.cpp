// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/httpclient.h"
#include "engine/sources/postsourcefactory.h"

#include <QTemporaryDir>
#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::HttpClient;
using taglens::engine::SourceSpec;

/// The factory maps each source kind to the class that reads it, and refuses what it cannot open.
class TestPostSourceFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void kinds_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("withPaths");
        QTest::addColumn<QString>("className"); // empty: an error is expected
        QTest::addColumn<QString>("descriptionPart");

        QTest::newRow("mastodon") << "mastodon" << false << "taglens::engine::MastodonTagTimeline"
                                  << "#cats";
        QTest::newRow("pixelfed") << "pixelfed" << false << "taglens::engine::MastodonTagTimeline"
                                  << "#cats";
        QTest::newRow("local folder")
            << "local" << true << "taglens::engine::LocalFolderSource" << m_dir.path();
        QTest::newRow("local without paths") << "local" << false << ""
                                             << "";
        QTest::newRow("unknown kind") << "myspace" << false << ""
                                      << "";
        QTest::newRow("empty kind") << "" << false << ""
                                    << "";
        QTest::newRow("kind is case-sensitive") << "Mastodon" << false << ""
                                                << "";
    }

    void kinds()
    {
        QFETCH(QString, kind);
        QFETCH(bool, withPaths);
        QFETCH(QString, className);
        QFETCH(QString, descriptionPart);

        // A name as the command line and projects write it, then the source for it.
        HttpClient client; // outlives the source, which keeps it
        auto source =
            taglens::engine::sourceKindFromName(kind).andThen([&](taglens::engine::SourceKind parsed) {
                SourceSpec spec(parsed);
                if (auto *fediverse = spec.as<taglens::engine::FediverseSpec>())
                    fediverse->instance = QUrl(QStringLiteral("https://example.social"));
                if (auto *local = spec.as<taglens::engine::LocalSpec>(); local && withPaths)
                    local->paths = {m_dir.path()};
                return taglens::engine::makePostSource(spec, QStringLiteral("cats"), &client);
            });
        if (className.isEmpty()) {
            QVERIFY(!source);
            QCOMPARE(source.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!source.error().message.isEmpty());
            return;
        }
        QVERIFY2(source, qPrintable(source ? QString() : source.error().message));
        QCOMPARE(QString::fromLatin1((*source)->metaObject()->className()), className);
        QVERIFY2((*source)->description().contains(descriptionPart), qPrintable((*source)->description()));
    }

    void recordedInstance_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("expected");
        QTest::newRow("remote") << "mastodon" << QStringList() << "https://example.social";
        QTest::newRow("local, first path made absolute")
            << "local" << QStringList{QStringLiteral("relative/dir"), QStringLiteral("/b")}
            << QDir::current().absoluteFilePath(QStringLiteral("relative/dir"));
        QTest::newRow("local, nothing given") << "local" << QStringList() << "";
    }

    void recordedInstance()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, paths);
        QFETCH(QString, expected);
        SourceSpec spec(*taglens::engine::sourceKindFromName(kind));
        if (auto *fediverse = spec.as<taglens::engine::FediverseSpec>())
            fediverse->instance = QUrl(QStringLiteral("https://example.social"));
        if (auto *local = spec.as<taglens::engine::LocalSpec>())
            local->paths = paths;
        QCOMPARE(spec.recordedInstance(), expected);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPostSourceFactory)
#include "tst_postsourcefactory.moc"
