// SPDX-License-Identifier: GPL-3.0-or-later
// `taglens-cli harvest` and `export` as a user runs them: a real process against the Mastodon
// stand-in on 127.0.0.1, killed with SIGKILL half-way and run again.
#include "engine/store/projectstore.h"
#include "support/mastodonstandin.h"
#include "support/testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace taglens;
using tests::MastodonStandIn;

namespace {

QString tinyModel()
{
    return tests::testModelDir() + QStringLiteral("/hostile/tiny_sidecar.pt");
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args)
{
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(TAGLENS_CLI), args);
    if (!p.waitForStarted() || !finished.wait(300000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
}

/// The numbers in \a line, in order ("2:05" counts as one).
QStringList numbersIn(const QString &line)
{
    static const QRegularExpression number(QStringLiteral("\\d+(?::\\d+)*"));
    QStringList numbers;
    for (const QRegularExpressionMatch &m : number.globalMatch(line))
        numbers << m.captured();
    return numbers;
}

int okCount(const QString &project)
{
    auto store = engine::ProjectStore::open(project, engine::ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return -1;
    auto counts = (*store)->statusCounts();
    return counts ? counts->ok : -1;
}

} // namespace

class TestCliHarvest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QStringList harvestArgs(const MastodonStandIn &standIn, const QString &project, int limit)
    {
        return {QStringLiteral("harvest"),
                QStringLiteral("--source"),
                QStringLiteral("mastodon"),
                QStringLiteral("--instance"),
                standIn.baseUrl().toString(),
                QStringLiteral("--tag"),
                QStringLiteral("cats"),
                QStringLiteral("--tag"),
                QStringLiteral("#Dogs"),
                QStringLiteral("--limit"),
                QString::number(limit),
                QStringLiteral("--project"),
                project,
                QStringLiteral("--model"),
                tinyModel(),
                QStringLiteral("--top"),
                QStringLiteral("3")};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void surviveSigkillAndResume()
    {
        MastodonStandIn::Scenario scenario;
        using K = MastodonStandIn::MediaKind;
        scenario.tags.append(
            {QStringLiteral("cats"), 50, 1, 0, {}, {{K::Video, 3}, {K::NotFound, 2}, {K::Duplicate, 2}}});
        scenario.tags.append({QStringLiteral("dogs"), 30, 1, 0, {}, {}});
        scenario.apiDelayMs = 150; // slow enough pages that the kill lands mid-harvest
        MastodonStandIn standIn(scenario);
        QVERIFY(standIn.isListening());
        const QString project = m_dir.filePath(QStringLiteral("killed.taglens"));

        QProcess victim;
        victim.start(QStringLiteral(TAGLENS_CLI), harvestArgs(standIn, project, 1000));
        QVERIFY(victim.waitForStarted());
        // Kill it once some images are committed, while it is still working.
        QVERIFY(QTest::qWaitFor(
            [&] { return okCount(project) >= 10 || victim.state() == QProcess::NotRunning; }, 120000));
        QVERIFY2(victim.state() == QProcess::Running, "the harvest finished before it could be killed");
        victim.kill(); // SIGKILL
        QVERIFY(victim.waitForFinished());
        const int okBeforeResume = okCount(project);
        QVERIFY(okBeforeResume >= 10);

        {
            auto store = engine::ProjectStore::open(project);
            QVERIFY(store.hasValue());
            QVERIFY((*store)->verifyIntegrity().hasValue());
        }
        const QHash<QString, int> fetchedBefore = standIn.fetchCounts();

        const Run resumed = runCli(harvestArgs(standIn, project, 1000));
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        // One summary line per tag, under the name it was asked for.
        QVERIFY2(resumed.out.contains("#cats") && resumed.out.contains("#Dogs"), resumed.out.constData());

        // Every media item has exactly its expected status; none is pending.
        auto store = engine::ProjectStore::open(project, engine::ProjectStore::OpenMode::ReadOnly);
        QVERIFY(store.hasValue());
        const auto rows = (*store)->mediaRows();
        QVERIFY(rows.hasValue());
        QHash<QString, engine::MediaStatus> statusByKey;
        for (const auto &row : *rows)
            statusByKey.insert(row.postRemoteId + QLatin1Char('/') + QString::number(row.mediaIndex),
                               row.status);
        int expectedOk = 0;
        for (const QString &tag : {QStringLiteral("cats"), QStringLiteral("dogs")}) {
            for (const auto &e : standIn.expectedMedia(tag)) {
                const QString key = e.statusId + QLatin1Char('/') + QString::number(e.position);
                QVERIFY2(statusByKey.contains(key), qPrintable(key));
                QCOMPARE(statusByKey[key], e.status);
                expectedOk += e.status == engine::MediaStatus::Ok;
            }
        }
        QCOMPARE(okCount(project), expectedOk);
        // What was committed before the kill was not downloaded again. (Items that were in flight at
        // the kill are fetched a second time, which is the point of resuming.)
        const QHash<QString, int> fetchedAfter = standIn.fetchCounts();
        int refetched = 0;
        for (auto it = fetchedBefore.cbegin(); it != fetchedBefore.cend(); ++it)
            refetched += fetchedAfter.value(it.key()) > it.value();
        QVERIFY2(refetched <= fetchedBefore.size() - okBeforeResume,
                 qPrintable(QStringLiteral("%1 refetched of %2 fetched, %3 were done")
                                .arg(refetched)
                                .arg(fetchedBefore.size())
                                .arg(okBeforeResume)));
    }

    void exportsWhatWasHarvested()
    {
        MastodonStandIn::Scenario scenario;
        using K = MastodonStandIn::MediaKind;
        scenario.tags.append({QStringLiteral("cats"), 8, 2, 0, {}, {{K::Audio, 1}, {K::TruncatedJpeg, 1}}});
        scenario.tags.append({QStringLiteral("dogs"), 5, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        const QString project = m_dir.filePath(QStringLiteral("export.taglens"));
        const Run harvest = runCli(harvestArgs(standIn, project, 100));
        QVERIFY2(harvest.exitCode == 0, harvest.err.constData());

        const QString csv = m_dir.filePath(QStringLiteral("images.csv"));
        const QString summary = m_dir.filePath(QStringLiteral("summary.csv"));
        const QString json = m_dir.filePath(QStringLiteral("all.json"));
        const QString gexf = m_dir.filePath(QStringLiteral("labels.gexf"));
        const Run exported = runCli({QStringLiteral("export"), QStringLiteral("--project"), project,
                                     QStringLiteral("--csv"), csv, QStringLiteral("--summary-csv"), summary,
                                     QStringLiteral("--json"), json, QStringLiteral("--gexf"), gexf});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());

        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csvFile.readAll();
        // Records end with CRLF outside quotes (alt texts may hold line breaks inside quotes).
        int records = 0;
        bool quoted = false;
        for (qsizetype i = 0; i < csvBytes.size(); ++i) {
            if (csvBytes[i] == '"')
                quoted = !quoted;
            else if (!quoted && csvBytes[i] == '\n')
                ++records;
        }
        QCOMPARE(records, 1 + 8 * 2 + 5); // header + one row per media item, every status
        QVERIFY(csvBytes.startsWith("tag,source,post_id,post_url,created_at,author,media_url,media_index,alt_"
                                    "text,status,error,sha256,width,height,label_1,score_1"));

        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(jsonFile.readAll()).object();
        QCOMPARE(doc[QStringLiteral("items")].toArray().size(), 8 * 2 + 5);
        QVERIFY(!doc[QStringLiteral("model")].toObject()[QStringLiteral("sha256")].toString().isEmpty());

        QFile gexfFile(gexf);
        QVERIFY(gexfFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&gexfFile);
        int nodes = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("node"))
                ++nodes;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(nodes >= 1 && nodes <= 4); // the tiny model knows four labels

        QFile summaryFile(summary);
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        QCOMPARE(summaryFile.readLine().trimmed(),
                 QByteArray("tag,label,images,classified,share,mean_score,ci_low,ci_high,posts"));

        // A missing project is a clear one-line error, not a crash.
        const Run missing =
            runCli({QStringLiteral("export"), QStringLiteral("--project"),
                    m_dir.filePath(QStringLiteral("none.taglens")), QStringLiteral("--csv"), csv});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!missing.err.isEmpty());
    }
    // `classify --project`: a project harvested with one model gets another model's labels for
    // every ok image, from the bytes it holds (issue 17 #1); a second run has nothing to do.
    void classifiesTheRestWithAnotherModel()
    {
        MastodonStandIn::Scenario scenario;
        using K = MastodonStandIn::MediaKind;
        scenario.tags.append({QStringLiteral("cats"), 4, 1, 0, {}, {{K::TruncatedJpeg, 1}}});
        scenario.tags.append({QStringLiteral("dogs"), 2, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        const QString project = m_dir.filePath(QStringLiteral("rest.taglens"));
        const Run harvest = runCli(harvestArgs(standIn, project, 100));
        QVERIFY2(harvest.exitCode == 0, harvest.err.constData());

        const QString other = tests::testModelDir() + QStringLiteral("/test_inception_v3.pt");
        QFile otherFile(other);
        QVERIFY(otherFile.open(QIODevice::ReadOnly));
        const QString otherSha = QString::fromLatin1(
            QCryptographicHash::hash(otherFile.readAll(), QCryptographicHash::Sha256).toHex());
        int ok = 0;
        {
            auto store = engine::ProjectStore::open(project, engine::ProjectStore::OpenMode::ReadOnly);
            QVERIFY(store);
            ok = int((*store)->imagesWithoutClassification(otherSha)->size());
            QVERIFY(ok > 0);
        }
        const QStringList args{QStringLiteral("classify"),
                               QStringLiteral("--project"),
                               project,
                               QStringLiteral("--model"),
                               other,
                               QStringLiteral("--top"),
                               QStringLiteral("3")};
        const Run classified = runCli(args);
        QVERIFY2(classified.exitCode == 0, classified.err.constData());
        QVERIFY(classified.out.contains(QByteArray::number(ok)));
        {
            auto store = engine::ProjectStore::open(project, engine::ProjectStore::OpenMode::ReadOnly);
            QCOMPARE(*(*store)->imagesWithoutClassification(otherSha), QStringList());
        }
        const Run again = runCli(args);
        QVERIFY2(again.exitCode == 0, again.err.constData());

        // Refusals: files and a project together, a project that is not there (none is made).
        const Run both = runCli({QStringLiteral("classify"), QStringLiteral("--project"), project,
                                 QStringLiteral("x.jpg"), QStringLiteral("--model"), other});
        QCOMPARE(both.exitCode, 2);
        const QString missing = m_dir.filePath(QStringLiteral("missing.taglens"));
        const Run none = runCli({QStringLiteral("classify"), QStringLiteral("--project"), missing,
                                 QStringLiteral("--model"), other});
        QCOMPARE(none.exitCode, 1);
        QVERIFY(!none.err.isEmpty());
        QVERIFY(!QFile::exists(missing));
    }

    // Each wait to retry is a line on stderr: the reason's status, which attempt comes next and
    // of how many (the default: the first and four retries).
    void retriesAreTold()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("cats"), 3, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        standIn.failTimelineRequests(2, 503);
        const QString project = m_dir.filePath(QStringLiteral("retried.taglens"));
        const Run run =
            runCli({QStringLiteral("harvest"), QStringLiteral("--source"), QStringLiteral("mastodon"),
                    QStringLiteral("--instance"), standIn.baseUrl().toString(), QStringLiteral("--tag"),
                    QStringLiteral("cats"), QStringLiteral("--project"), project, QStringLiteral("--model"),
                    tinyModel()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(okCount(project), 3);
        QList<QStringList> retries;
        for (const QByteArray &line : run.err.split('\n')) {
            const QStringList numbers = numbersIn(QString::fromUtf8(line));
            if (numbers.size() == 4 && numbers.first() == u"503")
                retries << numbers.mid(1, 2);
        }
        QCOMPARE(retries, (QList<QStringList>{{QStringLiteral("2"), QStringLiteral("5")},
                                              {QStringLiteral("3"), QStringLiteral("5")}}));
    }
};

QTEST_GUILESS_MAIN(TestCliHarvest)
#include "tst_cliharvest.moc"
