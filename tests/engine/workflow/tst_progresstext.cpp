// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/workflow/progresstext.h"

#include <QSet>
#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;

using taglens::engine::ErrorCode;
using taglens::engine::HarvestEnd;
using taglens::engine::HarvestOutcome;
using taglens::engine::HarvestProgress;
using taglens::engine::HarvestVerdict;
using taglens::engine::ProgressText;
using taglens::engine::RetryNotice;
using taglens::engine::SourceKind;
using taglens::engine::TagSummary;

namespace {

/// The numbers in \a text, in order ("1:15" and "12.3" count as one).
QStringList numbersIn(const QString &text)
{
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
    // A sentence's full stop after a number is not part of it.
    for (QString &n : out) {
        while (n.endsWith(u'.') || n.endsWith(u':'))
            n.chop(1);
    }
    return out;
}

TagSummary tagSummary(const QString &tag, int postsDelivered, int postsSeen, int ok, int skipped, int failed,
                      bool exhausted)
{
    TagSummary s;
    s.tag = tag;
    s.postsDelivered = postsDelivered;
    s.postsSeen = postsSeen;
    s.ok = ok;
    s.skipped = skipped;
    s.failed = failed;
    s.sourceExhausted = exhausted;
    return s;
}

TagSummary failedTag(const QString &tag, ErrorCode code)
{
    TagSummary s;
    s.tag = tag;
    s.sourceFailed = true;
    s.error = taglens::engine::Error::make(code, QStringLiteral("%1 went wrong").arg(tag));
    return s;
}

} // namespace

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
        const QStringList numbers = numbersIn(text);
        QCOMPARE(numbers, (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("41"),
                                       QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("33"),
                                       QStringLiteral("12.3"), QStringLiteral("1:15")}));
        QVERIFY(text.startsWith(QStringLiteral("#cats ")));
    }

    // Which attempt comes next, of how many, and the wait in whole seconds rounded up (a minute
    // or more as a duration).
    void retryingCarriesAttemptAndWait_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<QStringList>("numbers");
        QTest::newRow("seconds") << 2 << 5 << qint64(4000) << QStringList{u"2"_s, u"5"_s, u"4"_s};
        QTest::newRow("rounded up") << 3 << 5 << qint64(3200) << QStringList{u"3"_s, u"5"_s, u"4"_s};
        QTest::newRow("under a second") << 2 << 3 << qint64(5) << QStringList{u"2"_s, u"3"_s, u"1"_s};
        QTest::newRow("no wait") << 2 << 3 << qint64(0) << QStringList{u"2"_s, u"3"_s, u"1"_s};
        QTest::newRow("minutes") << 4 << 5 << qint64(125000) << QStringList{u"4"_s, u"5"_s, u"2:05"_s};
    }
    void retryingCarriesAttemptAndWait()
    {
        QFETCH(int, attempt);
        QFETCH(int, attempts);
        QFETCH(qint64, delayMs);
        QFETCH(QStringList, numbers);
        RetryNotice notice;
        notice.attempt = attempt;
        notice.attempts = attempts;
        notice.delayMs = delayMs;
        notice.reason = RetryNotice::Reason::ConnectionRefused;
        QCOMPARE(numbersIn(ProgressText::retrying(notice)), numbers);
    }

    // Each reason has its own words; a server error names its status.
    void retryingNamesTheReason()
    {
        using Reason = RetryNotice::Reason;
        QSet<QString> texts;
        const QList<Reason> reasons{Reason::ConnectionRefused, Reason::ConnectionLost, Reason::TimedOut,
                                    Reason::ServerError,       Reason::RateLimited,    Reason::NetworkError};
        for (const Reason reason : reasons) {
            RetryNotice notice;
            notice.attempt = 2;
            notice.attempts = 5;
            notice.delayMs = 4000;
            notice.reason = reason;
            notice.httpStatus = reason == Reason::ServerError ? 503 : 0;
            texts.insert(ProgressText::retrying(notice));
            if (reason == Reason::ServerError)
                QCOMPARE(numbersIn(ProgressText::retrying(notice)).first(), u"503"_s);
        }
        QCOMPARE(texts.size(), reasons.size());
    }

    // While a request waits to be retried the progress line says so (for that tag), and the
    // counts come back once it is cleared.
    void describeWhileRetrying()
    {
        HarvestProgress p;
        p.tag = QStringLiteral("cats");
        p.tagIndex = 0;
        p.tagCount = 2;
        p.ok = 7;
        const QString counts = ProgressText::describe(p);
        RetryNotice notice;
        notice.attempt = 2;
        notice.attempts = 5;
        notice.delayMs = 4000;
        p.retry = notice;
        const QString retrying = ProgressText::describe(p);
        QVERIFY2(retrying.endsWith(ProgressText::retrying(notice)), qPrintable(retrying));
        QVERIFY(retrying.startsWith(QStringLiteral("#cats ")));
        QVERIFY(retrying != counts);
        p.retry.reset();
        QCOMPARE(ProgressText::describe(p), counts);
    }

    void tagNote_data()
    {
        QTest::addColumn<TagSummary>("summary");
        QTest::addColumn<bool>("noPosts");
        QTest::addColumn<bool>("noImages");
        QTest::newRow("no posts") << tagSummary(u"empty"_s, 0, 0, 0, 0, 0, true) << true << false;
        QTest::newRow("text only") << tagSummary(u"words"_s, 3, 3, 0, 0, 0, true) << false << true;
        QTest::newRow("videos only") << tagSummary(u"clips"_s, 2, 2, 0, 2, 0, true) << false << true;
        QTest::newRow("images") << tagSummary(u"cats"_s, 5, 5, 4, 1, 0, true) << false << false;
        QTest::newRow("downloads failed") << tagSummary(u"cats"_s, 5, 5, 0, 0, 5, true) << false << false;
        QTest::newRow("limit reached earlier")
            << tagSummary(u"cats"_s, 0, 0, 10, 0, 0, false) << false << false;
        QTest::newRow("not read to the end") << tagSummary(u"cats"_s, 0, 0, 0, 0, 0, false) << false << false;
        QTest::newRow("source failed") << failedTag(u"gone"_s, ErrorCode::Network) << false << false;
    }
    void tagNote()
    {
        QFETCH(TagSummary, summary);
        QFETCH(bool, noPosts);
        QFETCH(bool, noImages);
        QCOMPARE(summary.hasNoPosts(), noPosts);
        QCOMPARE(summary.hasNoImages(), noImages);
        const QString note = ProgressText::tagNote(summary, SourceKind::Mastodon);
        QCOMPARE(note.isEmpty(), !noPosts && !noImages);
        if (!note.isEmpty())
            QVERIFY2(note.contains(u'#' + summary.tag), qPrintable(note));
        // "No posts" and "no images" are worded apart, for each kind of source.
        for (const SourceKind kind : taglens::engine::allSourceKinds()) {
            const TagSummary empty = tagSummary(summary.tag, 0, 0, 0, 0, 0, true);
            const TagSummary textOnly = tagSummary(summary.tag, 3, 3, 0, 0, 0, true);
            QVERIFY(ProgressText::tagNote(empty, kind) != ProgressText::tagNote(textOnly, kind));
            QVERIFY(!ProgressText::tagNote(empty, kind).isEmpty());
        }
    }

    void describeEnd_data()
    {
        QTest::addColumn<HarvestOutcome>("outcome");
        QTest::addColumn<int>("verdict"); // HarvestVerdict
        QTest::addColumn<int>("problems");
        const TagSummary cats = tagSummary(u"cats"_s, 5, 5, 3, 2, 0, true);
        const TagSummary empty = tagSummary(u"empty"_s, 0, 0, 0, 0, 0, true);
        QTest::newRow("finished") << HarvestOutcome::finished({cats}) << int(HarvestVerdict::Finished) << 0;
        QTest::newRow("finished, a tag without posts")
            << HarvestOutcome::finished({cats, empty}) << int(HarvestVerdict::Finished) << 0;
        QTest::newRow("host unreachable")
            << HarvestOutcome::finished({failedTag(u"cats"_s, ErrorCode::Network)})
            << int(HarvestVerdict::NoTagHarvested) << 1;
        QTest::newRow("unknown tags") << HarvestOutcome::finished({failedTag(u"a"_s, ErrorCode::NotFound),
                                                                   failedTag(u"b"_s, ErrorCode::Network)})
                                      << int(HarvestVerdict::NoTagHarvested) << 2;
        QTest::newRow("one of two failed")
            << HarvestOutcome::finished({cats, failedTag(u"nosuchtag"_s, ErrorCode::NotFound)})
            << int(HarvestVerdict::SomeTagsFailed) << 1;
        QTest::newRow("stopped") << HarvestOutcome::cancelled({cats}) << int(HarvestVerdict::Cancelled) << 0;
        QTest::newRow("project failed")
            << HarvestOutcome::failed(taglens::engine::Error::make(ErrorCode::Io, u"disk full"_s), {cats})
            << int(HarvestVerdict::Failed) << 1;
        QTest::newRow("model failed, a tag failed")
            << HarvestOutcome::failed(taglens::engine::Error::make(ErrorCode::ModelMissing, u"no model"_s),
                                      {failedTag(u"gone"_s, ErrorCode::Network)})
            << int(HarvestVerdict::Failed) << 2;
    }
    // One end state per harvest: only a harvest that read every source says what a finished one
    // says; every problem is listed, the harvest's own first.
    void describeEnd()
    {
        QFETCH(HarvestOutcome, outcome);
        QFETCH(int, verdict);
        QFETCH(int, problems);
        const taglens::engine::HarvestEndText text = ProgressText::describeEnd(outcome);
        QCOMPARE(int(text.verdict), verdict);
        QCOMPARE(int(outcome.verdict()), verdict);
        QCOMPARE(text.problems.size(), problems);
        QVERIFY(!text.status.isEmpty());
        HarvestOutcome plain = HarvestOutcome::finished({tagSummary(u"x"_s, 5, 5, outcome.ok(), 0, 1, true)});
        const QString finishedStatus = ProgressText::describeEnd(plain).status;
        if (text.verdict == HarvestVerdict::Finished)
            QVERIFY(text.status.startsWith(finishedStatus));
        else
            QVERIFY2(!text.status.startsWith(finishedStatus), qPrintable(text.status));
        if (outcome.end == HarvestEnd::Failed)
            QVERIFY2(text.problems.first().contains(outcome.error.message),
                     qPrintable(text.problems.first()));
        for (const TagSummary &s : outcome.summaries) {
            if (s.hasNoPosts())
                QVERIFY2(text.status.contains(ProgressText::tagNote(s, outcome.source)),
                         qPrintable(text.status));
        }
    }
};

QTEST_GUILESS_MAIN(TestProgressText)
#include "tst_progresstext.moc"
