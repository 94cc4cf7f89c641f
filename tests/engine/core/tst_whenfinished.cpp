// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/whenfinished.h"

#include <QPromise>
#include <QTest>
#include <memory>

using taglens::engine::Delivery;
using taglens::engine::whenFinished;

Q_DECLARE_METATYPE(Delivery)

class TestWhenFinished : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A future that is already finished: handled before the call returns, or from the event loop.
    void aFinishedFuture_data()
    {
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<bool>("beforeReturn");
        QTest::newRow("at once") << Delivery::AtOnceIfReady << true;
        QTest::newRow("queued") << Delivery::Queued << false;
    }
    void aFinishedFuture()
    {
        QFETCH(Delivery, delivery);
        QFETCH(bool, beforeReturn);
        QObject context;
        QList<int> results;
        whenFinished(
            QtFuture::makeReadyFuture(7), &context, [&results](int value) { results << value; }, delivery);
        QCOMPARE(results.size(), beforeReturn ? 1 : 0);
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results.first(), 7);
        QCoreApplication::processEvents(); // and only once
        QCOMPARE(results.size(), 1);
    }

    // A future still running is handled from the event loop once its result is in, whatever the delivery.
    void aRunningFuture_data()
    {
        QTest::addColumn<Delivery>("delivery");
        QTest::newRow("at once") << Delivery::AtOnceIfReady;
        QTest::newRow("queued") << Delivery::Queued;
    }
    void aRunningFuture()
    {
        QFETCH(Delivery, delivery);
        QObject context;
        QPromise<int> promise;
        promise.start();
        QList<int> results;
        whenFinished(
            promise.future(), &context, [&results](int value) { results << value; }, delivery);
        QCoreApplication::processEvents();
        QVERIFY(results.isEmpty());
        promise.addResult(42);
        promise.finish();
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results.first(), 42);
    }

    // Cancelled without a result, or the context gone first: the handler is never called.
    void neverWithoutAResultOrAContext_data()
    {
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<bool>("deleteContext");
        QTest::newRow("cancelled, at once") << Delivery::AtOnceIfReady << false;
        QTest::newRow("cancelled, queued") << Delivery::Queued << false;
        QTest::newRow("context gone, at once") << Delivery::AtOnceIfReady << true;
        QTest::newRow("context gone, queued") << Delivery::Queued << true;
    }
    void neverWithoutAResultOrAContext()
    {
        QFETCH(Delivery, delivery);
        QFETCH(bool, deleteContext);
        auto context = std::make_unique<QObject>();
        QPromise<int> promise;
        promise.start();
        int calls = 0;
        whenFinished(
            promise.future(), context.get(), [&calls](int) { ++calls; }, delivery);
        if (deleteContext) {
            context.reset();
            promise.addResult(1);
        } else {
            promise.future().cancel();
        }
        promise.finish();
        QTest::qWait(50); // a queued call would have come by now
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestWhenFinished)
#include "tst_whenfinished.moc"
