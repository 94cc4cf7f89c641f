// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/sourcekind.h"

#include <QSet>
#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::SourceKind;

class TestSourceKind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Projects written by earlier versions record these names: they must never change.
    void namesAsProjectsRecordThem_data()
    {
        QTest::addColumn<SourceKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("fediverse");
        QTest::newRow("mastodon") << SourceKind::Mastodon << "mastodon" << true;
        QTest::newRow("pixelfed") << SourceKind::Pixelfed << "pixelfed" << true;
        QTest::newRow("instagram") << SourceKind::Instagram << "instagram" << false;
        QTest::newRow("local") << SourceKind::Local << "local" << false;
        QTest::newRow("urls") << SourceKind::Urls << "url" << false;
    }
    void namesAsProjectsRecordThem()
    {
        QFETCH(SourceKind, kind);
        QFETCH(QString, name);
        QFETCH(bool, fediverse);
        QCOMPARE(taglens::engine::sourceKindName(kind), name);
        const auto parsed = taglens::engine::sourceKindFromName(name);
        QVERIFY(parsed);
        QCOMPARE(*parsed, kind);
        QCOMPARE(taglens::engine::isFediverse(kind), fediverse);
    }

    void everyKindHasItsOwnName()
    {
        QSet<QString> names;
        for (SourceKind kind : taglens::engine::allSourceKinds())
            names.insert(taglens::engine::sourceKindName(kind));
        QCOMPARE(names.size(), taglens::engine::allSourceKinds().size());
        QVERIFY(!names.contains(QString()));
    }

    void unknownNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("unknown") << "myspace";
        QTest::newRow("empty") << "";
        QTest::newRow("case matters") << "Mastodon";
        QTest::newRow("padded") << " mastodon";
        QTest::newRow("plural of url") << "urls";
        QTest::newRow("NUL inside") << QStringLiteral("local") + QChar(0);
    }
    void unknownNamesAreRefused()
    {
        QFETCH(QString, name);
        const auto parsed = taglens::engine::sourceKindFromName(name);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestSourceKind)
#include "tst_sourcekind.moc"
