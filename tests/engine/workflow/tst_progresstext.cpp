// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/workflow/progresstext.h"

#include <QTest>
#include <limits>

using taglens::engine::HarvestProgress;
using taglens::engine::ProgressText;

class TestProgressText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << -1.0 << QStringLiteral("–");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("–");
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << QStringLiteral("–");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0:00");
        QTest::newRow("fraction drops") << 59.9 << QStringLiteral("0:59");
        QTest::newRow("minutes") << 125.0 << QStringLiteral("2:05");
        QTest::newRow("just under an hour") << 3599.0 << QStringLiteral("59:59");
        QTest::newRow("an hour") << 3600.0 << QStringLiteral("1:00:00");
        QTest::newRow("days") << 90061.0 << QStringLiteral("25:01:01");
    }
    void duration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, expected);
        QCOMPARE(ProgressText::duration(seconds), expected);
    }

    // Each count reaches the text in its own place (a swapped argument fails).
    void describeCarriesEveryCount()
    {
        HarvestProgress p;
        p.tag = QStringLiteral("cats");
        p.tagIndex = 1;
        p.tagCount = 3;
        p.ok = 41;
        p.skipped = 5;
        p.failed = 7;
        p.postsSeen = 33;
        p.imagesPerSecond = 12.34;
        p.etaSeconds = 75;
        const QString text = ProgressText::describe(p);
        const QStringList numbers = [&] {
            QStringList out;
            QString current;
            for (QChar c : text) {
                if (c.isDigit() || (c == u'.' && !current.isEmpty()) || (c == u':' && !current.isEmpty()))
                    current += c;
                else if (!current.isEmpty())
                    out << std::exchange(current, QString());
            }
            if (!current.isEmpty())
                out << current;
            return out;
        }();
        QCOMPARE(numbers, (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("41"),
                                       QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("33"),
                                       QStringLiteral("12.3"), QStringLiteral("1:15")}));
        QVERIFY(text.startsWith(QStringLiteral("#cats ")));
    }
};

QTEST_GUILESS_MAIN(TestProgressText)
#include "tst_progresstext.moc"
