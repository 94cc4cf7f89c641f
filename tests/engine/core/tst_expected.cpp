// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/expected.h"

#include <QTest>
#include <memory>

using taglens::engine::Error;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;

namespace {

Expected<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok)
        return Error::make(ErrorCode::InvalidArgument, QStringLiteral("not a number"));
    if (n <= 0)
        return Error::make(ErrorCode::TooLarge, QStringLiteral("not positive"));
    return n;
}

Expected<int> half(int n)
{
    if (n % 2 != 0)
        return Error::make(ErrorCode::Decode, QStringLiteral("odd"));
    return n / 2;
}

} // namespace

class TestExpected : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A chain of steps: the first error wins, later steps never run.
    void andThenChains_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("stepsRun");
        QTest::newRow("both steps succeed") << QStringLiteral("8") << true << 2 << -1 << 2;
        QTest::newRow("parse fails") << QStringLiteral("x") << false << 0 << int(ErrorCode::InvalidArgument)
                                     << 0;
        QTest::newRow("not positive") << QStringLiteral("-4") << false << 0 << int(ErrorCode::TooLarge) << 0;
        QTest::newRow("first half fails") << QStringLiteral("7") << false << 0 << int(ErrorCode::Decode) << 1;
        QTest::newRow("second half fails")
            << QStringLiteral("6") << false << 0 << int(ErrorCode::Decode) << 2;
    }
    void andThenChains()
    {
        QFETCH(QString, input);
        QFETCH(bool, hasValue);
        QFETCH(int, value);
        QFETCH(int, code);
        QFETCH(int, stepsRun);
        int steps = 0;
        auto counted = [&steps](int n) {
            ++steps;
            return half(n);
        };
        const Expected<int> result = parsePositive(input).andThen(counted).andThen(counted);
        QCOMPARE(result.hasValue(), hasValue);
        QCOMPARE(steps, stepsRun);
        if (hasValue)
            QCOMPARE(*result, value);
        else
            QCOMPARE(int(result.error().code), code);
    }

    void transformMapsValuesAndPassesErrors()
    {
        const auto text =
            parsePositive(QStringLiteral("21")).transform([](int n) { return QString::number(n * 2); });
        static_assert(std::is_same_v<std::remove_cvref_t<decltype(text)>, Expected<QString>>);
        QVERIFY(text);
        QCOMPARE(*text, QStringLiteral("42"));

        bool ran = false;
        const auto failed = parsePositive(QStringLiteral("0")).transform([&ran](int n) {
            ran = true;
            return n;
        });
        QVERIFY(!failed);
        QVERIFY(!ran);
        QCOMPARE(failed.error().code, ErrorCode::TooLarge);
        QCOMPARE(failed.error().message, QStringLiteral("not positive"));
    }

    void transformToVoid()
    {
        int seen = 0;
        const Expected<void> done =
            parsePositive(QStringLiteral("5")).transform([&seen](int n) { seen = n; });
        QVERIFY(done);
        QCOMPARE(seen, 5);
        const Expected<void> skipped =
            parsePositive(QStringLiteral("no")).transform([&seen](int) { seen = -1; });
        QVERIFY(!skipped);
        QCOMPARE(skipped.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(seen, 5);
    }

    void movesOnlyValuesThrough()
    {
        Expected<std::unique_ptr<int>> owned(std::make_unique<int>(3));
        const Expected<int> read = std::move(owned).transform([](std::unique_ptr<int> p) { return *p + 1; });
        QVERIFY(read);
        QCOMPARE(*read, 4);
        Expected<std::unique_ptr<int>> again(std::make_unique<int>(10));
        const Expected<int> chained =
            std::move(again).andThen([](std::unique_ptr<int> p) -> Expected<int> { return half(*p); });
        QCOMPARE(*chained, 5);
    }

    void voidAndThen()
    {
        const Expected<void> ok;
        const Expected<void> bad(Error::make(ErrorCode::Io, QStringLiteral("disk")));
        QCOMPARE(*ok.andThen([] { return half(4); }), 2);
        bool ran = false;
        const auto skipped = bad.andThen([&ran] {
            ran = true;
            return half(4);
        });
        QVERIFY(!skipped);
        QVERIFY(!ran);
        QCOMPARE(skipped.error().code, ErrorCode::Io);
        QCOMPARE(*ok.transform([] { return 7; }), 7);
    }

    void valueOrAndTransformError()
    {
        QCOMPARE(parsePositive(QStringLiteral("3")).valueOr(-1), 3);
        QCOMPARE(parsePositive(QStringLiteral("?")).valueOr(-1), -1);
        const auto recoded = parsePositive(QStringLiteral("?")).transformError([](const Error &e) {
            return Error::make(ErrorCode::NotFound, e.message + QStringLiteral(" (in --limit)"));
        });
        QCOMPARE(recoded.error().code, ErrorCode::NotFound);
        QCOMPARE(recoded.error().message, QStringLiteral("not a number (in --limit)"));
        const auto untouched = parsePositive(QStringLiteral("9")).transformError([](const Error &) {
            return Error::make(ErrorCode::Internal, QString());
        });
        QCOMPARE(*untouched, 9);
        const Expected<void> voidRecoded =
            Expected<void>(Error::make(ErrorCode::Io, QString())).transformError([](const Error &) {
                return Error::make(ErrorCode::Network, QString());
            });
        QCOMPARE(voidRecoded.error().code, ErrorCode::Network);
    }
};

QTEST_GUILESS_MAIN(TestExpected)
#include "tst_expected.moc"
