// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis/motifstatistics.h"
#include "engine/export/atomicfile.h"
#include "engine/export/csvwriter.h"
#include "engine/export/exportsnapshot.h"
#include "engine/export/gexfexporter.h"
#include "engine/export/imagescsvexporter.h"
#include "engine/export/jsonexporter.h"
#include "engine/export/summarycsvexporter.h"
#include "engine/store/projectstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <algorithm>
#include <memory>
#include <optional>

using namespace taglens::engine;
using namespace Qt::StringLiterals;

// QFETCH and QTest::addColumn take a type name without commas.
using LabelCounts = QMap<QString, int>;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

const QString kModel = sha256Of("inception v3");
const QString kOldModel = sha256Of("an older model");

// A strict RFC 4180 reader: records end with CRLF (the last one too), quoted fields may hold
// commas, quotes (doubled), CR and LF; anything else — a bare LF, a quote inside an unquoted
// field, text after a closing quote — makes it give up, so sloppy output cannot pass.
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and has closed
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                wasQuoted = true;
            } else {
                field += c;
            }
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt;
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return std::nullopt;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == u'\n' || wasQuoted) {
            return std::nullopt;
        } else {
            field += c;
        }
        ++i;
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        return std::nullopt; // the last record lacks its CRLF
    return records;
}

struct QuotingCase
{
    const char *name;
    QString alt;    // what the author wrote
    QString raw;    // how the cell must appear in the file
    QString parsed; // what a CSV reader must get back
};

QList<QuotingCase> quotingCases()
{
    return {
        {"plain", u"a cat"_s, u"a cat"_s, u"a cat"_s},
        {"comma", u"a,b"_s, u"\"a,b\""_s, u"a,b"_s},
        {"quotes", u"he said \"hi\""_s, u"\"he said \"\"hi\"\"\""_s, u"he said \"hi\""_s},
        {"newline", u"line one\nline two"_s, u"\"line one\nline two\""_s, u"line one\nline two"_s},
        {"CRLF inside", u"one\r\ntwo"_s, u"\"one\r\ntwo\""_s, u"one\r\ntwo"_s},
        {"HYPERLINK formula", u"=HYPERLINK(\"http://evil.example\",\"click\")"_s,
         u"\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""_s,
         u"'=HYPERLINK(\"http://evil.example\",\"click\")"_s},
        {"plus", u"+1"_s, u"\"'+1\""_s, u"'+1"_s},
        {"minus", u"-2"_s, u"\"'-2\""_s, u"'-2"_s},
        {"at", u"@x"_s, u"\"'@x\""_s, u"'@x"_s},
        {"leading tab", u"\tindented"_s, u"\"'\tindented\""_s, u"'\tindented"_s},
        {"leading CR", u"\rcarriage"_s, u"\"'\rcarriage\""_s, u"'\rcarriage"_s},
        {"formula sign inside", u"1+1=2"_s, u"1+1=2"_s, u"1+1=2"_s},
        {"unicode", u"Katze 猫 Ünïcødé"_s, u"Katze 猫 Ünïcødé"_s, u"Katze 猫 Ünïcødé"_s},
        {"empty", QString(), QString(), QString()},
    };
}

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2024, 1, day), QTime(hour, 0), Qt::UTC);
}

Post post(const QString &id, const QDateTime &createdAt, int images)
{
    Post p;
    p.source = u"mastodon"_s;
    p.instance = u"https://social.example"_s;
    p.remoteId = id;
    p.url = QUrl(u"https://social.example/@alice/"_s + id);
    p.createdAt = createdAt;
    p.author = u"alice@social.example"_s;
    p.text = u"post "_s + id;
    for (int i = 0; i < images; ++i) {
        MediaItem item;
        item.remoteId = id + u'-' + QString::number(i);
        item.type = u"image"_s;
        item.url = QUrl(u"https://files.example/%1-%2.jpg"_s.arg(id).arg(i));
        item.altText = u"alt of %1-%2"_s.arg(id).arg(i);
        item.width = 800;
        item.height = 600;
        p.media.append(item);
    }
    return p;
}

Classification ranked(std::initializer_list<std::pair<int, float>> labels)
{
    static const QMap<int, QString> names{{281, u"tabby"_s}, {282, u"tiger cat"_s}, {285, u"Egyptian cat"_s},
                                          {287, u"lynx"_s},  {923, u"plate"_s},     {963, u"pizza"_s}};
    Classification c;
    for (const auto &[index, score] : labels)
        c.labels.append(LabelScore{index, names.value(index), score});
    c.embedding = QList<float>(16, 0.5f);
    return c;
}

} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imagesCsv();
    void imagesCsvQuoting_data();
    void imagesCsvQuoting();
    void summaryCsv_data();
    void summaryCsv();
    void summaryCsvWithoutResampling();
    void json();
    void gexf_data();
    void gexf();
    void usesTheLatestHarvestsModelUnlessTold();
    void shownRowsOnly_data();
    void shownRowsOnly();
    void writesAtomically();

private:
    ExportSnapshot snapshot(const ExportOptions &options = {});
    QByteArray exportWith(Expected<void> (*write)(const ExportSnapshot &, const QString &),
                          const ExportSnapshot &snapshot, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<ProjectStore> m_store; // opened read-only: exports only read
    QMap<QString, QString> m_sha;          // image name → SHA-256
    int m_mediaItems = 0;                  // distinct media rows in the project
};

// The project every test exports (scores chosen so the expected numbers can be worked out by hand):
//
//   #cats  101 (01-01 10h): A ok, B ok      102 (11h): video skipped, image failed (HTTP 404)
//          103 (12h): C ok                  — 103 was also found under #city
//   #city  103: C ok                        301 (01-03 08h): A ok (same bytes as 101's first image)
//   #food  201 (01-02 09h): D ok            202 (10h): one pending item per quoting case
//          203 (11h): E ok, F ok
//   #birds asked for by the harvest, found nothing
//
//   A: tabby .70, tiger cat .20, Egyptian cat .05     D: pizza .90, plate .05, tabby .01
//   B: tabby .60, lynx .30, tiger cat .05             E: pizza .40, plate .35, tabby .20
//   C: Egyptian cat .50, tabby .40, lynx .10          F: plate .80, pizza .15, lynx .05
//   (the older harvest's model said A: lynx .90)
void TestExporters::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"project.taglens"_s);
    {
        auto opened = ProjectStore::open(path);
        QVERIFY(opened);
        ProjectStore &store = **opened;

        HarvestRecord old;
        old.source = u"mastodon"_s;
        old.instance = u"https://social.example"_s;
        old.tags = {u"cats"_s};
        old.modelName = u"an older model"_s;
        old.modelSha256 = kOldModel;
        old.modelTrained = false;
        auto oldId = store.beginHarvest(old);
        QVERIFY(oldId);
        QVERIFY(store.finishHarvest(*oldId, HarvestStatus::Completed));
        HarvestRecord latest = old;
        latest.tags = {u"cats"_s, u"food"_s, u"city"_s, u"birds"_s};
        latest.parameters = QJsonObject{{u"limit"_s, 200}, {u"top"_s, 3}};
        latest.modelName = u"Inception-v3"_s;
        latest.modelSha256 = kModel;
        latest.modelTrained = true;
        QVERIFY(store.beginHarvest(latest));

        const QMap<QString, Classification> classifications{
            {u"A"_s, ranked({{281, 0.70f}, {282, 0.20f}, {285, 0.05f}})},
            {u"B"_s, ranked({{281, 0.60f}, {287, 0.30f}, {282, 0.05f}})},
            {u"C"_s, ranked({{285, 0.50f}, {281, 0.40f}, {287, 0.10f}})},
            {u"D"_s, ranked({{963, 0.90f}, {923, 0.05f}, {281, 0.01f}})},
            {u"E"_s, ranked({{963, 0.40f}, {923, 0.35f}, {281, 0.20f}})},
            {u"F"_s, ranked({{923, 0.80f}, {963, 0.15f}, {287, 0.05f}})},
        };
        for (auto it = classifications.cbegin(); it != classifications.cend(); ++it) {
            ImageRecord image;
            image.bytes = "image " + it.key().toLatin1();
            image.sha256 = sha256Of(image.bytes);
            image.width = 640;
            image.height = 480;
            image.format = u"jpeg"_s;
            QVERIFY(store.addImage(image));
            QVERIFY(store.addClassification(image.sha256, kModel, it.value()));
            m_sha.insert(it.key(), image.sha256);
        }
        QVERIFY(store.addClassification(m_sha.value(u"A"_s), kOldModel, ranked({{287, 0.90f}})));

        const auto ok = [&](const PostRef &ref, int index, const QString &image) {
            return bool(store.markOk(ref.media.at(index).id, m_sha.value(image)));
        };
        auto p101 = store.addPost(post(u"101"_s, utc(1, 10), 2), u"cats"_s);
        QVERIFY(p101 && ok(*p101, 0, u"A"_s) && ok(*p101, 1, u"B"_s));
        Post video = post(u"102"_s, utc(1, 11), 2);
        video.media[0].type = u"video"_s;
        auto p102 = store.addPost(video, u"cats"_s);
        QVERIFY(p102);
        QVERIFY(store.markSkipped(p102->media.at(0).id, u"video is not classified"_s));
        QVERIFY(store.markFailed(p102->media.at(1).id, Error{ErrorCode::Network, u"HTTP 404"_s}));
        auto p103 = store.addPost(post(u"103"_s, utc(1, 12), 1), u"cats"_s);
        QVERIFY(p103 && ok(*p103, 0, u"C"_s));
        QVERIFY(store.addPost(post(u"103"_s, utc(1, 12), 1), u"city"_s));
        auto p301 = store.addPost(post(u"301"_s, utc(3, 8), 1), u"city"_s);
        QVERIFY(p301 && ok(*p301, 0, u"A"_s));
        auto p201 = store.addPost(post(u"201"_s, utc(2, 9), 1), u"food"_s);
        QVERIFY(p201 && ok(*p201, 0, u"D"_s));
        Post quoting = post(u"202"_s, utc(2, 10), int(quotingCases().size()));
        quoting.author = u"=cmd|' /C calc'!A0"_s;
        for (qsizetype i = 0; i < quoting.media.size(); ++i)
            quoting.media[i].altText = quotingCases().at(i).alt;
        QVERIFY(store.addPost(quoting, u"food"_s));
        auto p203 = store.addPost(post(u"203"_s, utc(2, 11), 2), u"food"_s);
        QVERIFY(p203 && ok(*p203, 0, u"E"_s) && ok(*p203, 1, u"F"_s));
        m_mediaItems = store.statusCounts()->total();
    }
    auto readOnly = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
    QVERIFY(readOnly);
    m_store = std::move(*readOnly);
}

ExportSnapshot TestExporters::snapshot(const ExportOptions &options)
{
    auto loaded = ExportSnapshot::load(*m_store, options);
    if (!loaded)
        qFatal("cannot load the snapshot: %s", qPrintable(loaded.error().message));
    return *loaded;
}

QByteArray TestExporters::exportWith(Expected<void> (*write)(const ExportSnapshot &, const QString &),
                                     const ExportSnapshot &snapshot, const QString &name)
{
    const QString path = m_dir.filePath(name);
    const auto written = write(snapshot, path);
    if (!written)
        qWarning("export failed: %s", qPrintable(written.error().message));
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestExporters::imagesCsv()
{
    const ExportSnapshot data = snapshot();
    const QByteArray bytes = exportWith(&ImagesCsvExporter::write, data, u"images.csv"_s);
    QVERIFY(bytes.endsWith("\r\n"));
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    const auto parsed = parseCsv(bytes);
    QVERIFY2(parsed, "not strict RFC 4180");
    const QList<QStringList> &rows = *parsed;

    QCOMPARE(
        rows.at(0).join(u','),
        u"tag,source,post_id,post_url,created_at,author,media_url,media_index,alt_text,status,error,sha256,"
        "width,height,label_1,score_1,label_2,score_2,label_3,score_3"_s);
    // One row per media item and tag: #cats 5, #city 1 of its own, #food 17; 103's image is under
    // #cats and #city, so it has two rows.
    QCOMPARE(m_mediaItems, 5 + 1 + 17);
    QCOMPARE(rows.size() - 1, m_mediaItems + 1);
    int perTag = 0;
    const QStringList tags = *m_store->tags();
    for (const QString &tag : tags)
        perTag += m_store->statusCounts(tag)->total();
    QCOMPARE(rows.size() - 1, perTag);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 20);

    QCOMPARE(rows.at(1), QStringList({u"cats"_s,
                                      u"mastodon"_s,
                                      u"101"_s,
                                      u"https://social.example/@alice/101"_s,
                                      u"2024-01-01T10:00:00.000Z"_s,
                                      u"alice@social.example"_s,
                                      u"https://files.example/101-0.jpg"_s,
                                      u"0"_s,
                                      u"alt of 101-0"_s,
                                      u"ok"_s,
                                      QString(),
                                      m_sha.value(u"A"_s),
                                      u"640"_s,
                                      u"480"_s,
                                      u"tabby"_s,
                                      u"0.700000"_s,
                                      u"tiger cat"_s,
                                      u"0.200000"_s,
                                      u"Egyptian cat"_s,
                                      u"0.050000"_s}));
    QCOMPARE(rows.at(3).mid(0, 14),
             QStringList({u"cats"_s, u"mastodon"_s, u"102"_s, u"https://social.example/@alice/102"_s,
                          u"2024-01-01T11:00:00.000Z"_s, u"alice@social.example"_s,
                          u"https://files.example/102-0.jpg"_s, u"0"_s, u"alt of 102-0"_s, u"skipped"_s,
                          u"video is not classified"_s, QString(), u"800"_s, u"600"_s}));
    QCOMPARE(rows.at(4).mid(9, 11),
             QStringList({u"failed"_s, u"HTTP 404"_s, QString(), u"800"_s, u"600"_s, QString(), QString(),
                          QString(), QString(), QString(), QString()}));
    // Order: tag, then post time; the shared post appears under both tags.
    QStringList order;
    for (qsizetype i = 1; i < rows.size(); ++i)
        order.append(rows.at(i).at(0) + u'/' + rows.at(i).at(2) + u'/' + rows.at(i).at(7));
    QCOMPARE(order.mid(0, 9),
             QStringList({u"cats/101/0"_s, u"cats/101/1"_s, u"cats/102/0"_s, u"cats/102/1"_s, u"cats/103/0"_s,
                          u"city/103/0"_s, u"city/301/0"_s, u"food/201/0"_s, u"food/202/0"_s}));
    QCOMPARE(order.last(), u"food/203/1"_s);
    // The same image under two posts: both rows carry it.
    QCOMPARE(rows.at(7).at(11), m_sha.value(u"A"_s));
    // The formula in the author field is defused like any other cell.
    QCOMPARE(rows.at(9).at(5), u"'=cmd|' /C calc'!A0"_s);
}

void TestExporters::imagesCsvQuoting_data()
{
    QTest::addColumn<int>("mediaIndex");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("parsed");
    const QList<QuotingCase> cases = quotingCases();
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << int(i) << cases.at(i).raw << cases.at(i).parsed;
}

void TestExporters::imagesCsvQuoting()
{
    QFETCH(int, mediaIndex);
    QFETCH(QString, raw);
    QFETCH(QString, parsed);

    const QByteArray bytes = ImagesCsvExporter::render(snapshot());
    // media_index, then alt_text, then status of the quoting post's item.
    const QByteArray expected =
        (u",https://files.example/202-%1.jpg,%1,"_s.arg(mediaIndex) + raw + u",pending,"_s).toUtf8();
    QVERIFY2(bytes.contains(expected), expected.constData());
    QCOMPARE(CsvWriter::escapeCell(parsed.startsWith(u'\'') ? parsed.mid(1) : parsed), raw);

    const auto rows = parseCsv(bytes);
    QVERIFY(rows);
    const QStringList *row = nullptr;
    for (const QStringList &candidate : *rows) {
        if (candidate.at(2) == u"202"_s && candidate.at(7) == QString::number(mediaIndex))
            row = &candidate;
    }
    QVERIFY(row);
    QCOMPARE(row->at(8), parsed);
}

void TestExporters::summaryCsv_data()
{
    QTest::addColumn<double>("minScore");
    QTest::addColumn<QStringList>("lines");

    const QString header = u"tag,label,images,classified,share,mean_score"_s;
    QTest::newRow("every top-1") << 0.0
                                 << QStringList{header,
                                                u"cats,tabby,2,3,0.666667,0.650000"_s,
                                                u"cats,Egyptian cat,1,3,0.333333,0.500000"_s,
                                                u"city,Egyptian cat,1,2,0.500000,0.500000"_s,
                                                u"city,tabby,1,2,0.500000,0.700000"_s,
                                                u"food,pizza,2,3,0.666667,0.650000"_s,
                                                u"food,plate,1,3,0.333333,0.800000"_s};
    // Below the threshold an image still counts towards its tag's classified images, under no label.
    QTest::newRow("min score 0.55") << 0.55
                                    << QStringList{header, u"cats,tabby,2,3,0.666667,0.650000"_s,
                                                   u"city,tabby,1,2,0.500000,0.700000"_s,
                                                   u"food,pizza,1,3,0.333333,0.900000"_s,
                                                   u"food,plate,1,3,0.333333,0.800000"_s};
    QTest::newRow("nothing that sure") << 0.95 << QStringList{header};
}

void TestExporters::summaryCsv()
{
    QFETCH(double, minScore);
    QFETCH(QStringList, lines);

    ExportOptions options;
    options.minScore = minScore;
    const ExportSnapshot shot = snapshot(options);
    const QByteArray bytes = exportWith(&SummaryCsvExporter::write, shot, u"summary.csv"_s);
    const auto rows = parseCsv(bytes);
    QVERIFY(rows);
    QCOMPARE(rows->size(), lines.size());
    QCOMPARE(rows->first(), (lines.first().split(u',') + QStringList{u"ci_low"_s, u"ci_high"_s, u"posts"_s}));
    // The counts and shares as before; the intervals are MotifStatistics' own (tested there against
    // an independent bootstrap) and bracket the share.
    const MotifStatistics statistics = MotifStatistics::compute(shot.rows, minScore, options.bootstrap);
    for (qsizetype i = 1; i < rows->size(); ++i) {
        const QStringList &row = rows->at(i);
        QCOMPARE(row.size(), 9);
        QCOMPARE(row.mid(0, 6).join(u','), lines.at(i));
        const auto tag = statistics.tag(row.at(0));
        const auto found =
            std::find_if(tag.motifs.cbegin(), tag.motifs.cend(),
                         [&](const MotifStatistics::Motif &m) { return m.label == row.at(1); });
        QVERIFY(found != tag.motifs.cend());
        QCOMPARE(row.at(6), QString::number(found->ciLow, 'f', 6));
        QCOMPARE(row.at(7), QString::number(found->ciHigh, 'f', 6));
        QCOMPARE(row.at(8), QString::number(tag.posts));
        QVERIFY(row.at(6).toDouble() <= row.at(4).toDouble() && row.at(4).toDouble() <= row.at(7).toDouble());
        QVERIFY(row.at(7).toDouble() > row.at(6).toDouble());
    }
}

void TestExporters::summaryCsvWithoutResampling()
{
    ExportOptions options;
    options.bootstrap.replicates = 0;
    const auto rows = parseCsv(exportWith(&SummaryCsvExporter::write, snapshot(options), u"summary.csv"_s));
    QVERIFY(rows && rows->size() > 1);
    for (qsizetype i = 1; i < rows->size(); ++i) {
        QVERIFY(rows->at(i).at(6).isEmpty());
        QVERIFY(rows->at(i).at(7).isEmpty());
    }
}

void TestExporters::json()
{
    const QByteArray bytes = exportWith(&JsonExporter::write, snapshot(), u"project.json"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = document.object();

    QCOMPARE(root.value(u"format"_s).toString(), u"taglens-export"_s);
    QCOMPARE(root.value(u"taglens_version"_s).toString(), QStringLiteral(TAGLENS_VERSION));
    QVERIFY(QDateTime::fromString(root.value(u"exported_at"_s).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(root.value(u"model"_s).toObject(),
             (QJsonObject{{u"name"_s, u"Inception-v3"_s}, {u"sha256"_s, kModel}, {u"trained"_s, true}}));
    // The method and seed of every interval, as the options made them.
    const QJsonObject interval = root.value(u"statistics"_s).toObject().value(u"share_interval"_s).toObject();
    QCOMPARE(interval.value(u"method"_s).toString(), u"cluster-bootstrap-percentile"_s);
    QCOMPARE(interval.value(u"cluster"_s).toString(), u"post"_s);
    QCOMPARE(interval.value(u"replicates"_s).toInt(), BootstrapOptions{}.replicates);
    QCOMPARE(interval.value(u"seed"_s).toString().toULongLong(), BootstrapOptions{}.seed);
    QCOMPARE(interval.value(u"level"_s).toDouble(), BootstrapOptions{}.level);

    const QJsonArray harvests = root.value(u"harvests"_s).toArray();
    QCOMPARE(harvests.size(), 2);
    const QJsonObject latest = harvests.at(1).toObject();
    QCOMPARE(latest.value(u"parameters"_s).toObject(), (QJsonObject{{u"limit"_s, 200}, {u"top"_s, 3}}));
    QCOMPARE(latest.value(u"tags"_s).toArray().size(), 4);
    QCOMPARE(latest.value(u"status"_s).toString(), u"running"_s);
    QCOMPARE(latest.value(u"finished_at"_s).type(), QJsonValue::Null);
    QCOMPARE(harvests.at(0).toObject().value(u"model"_s).toObject().value(u"sha256"_s).toString(), kOldModel);

    const QJsonObject tags = root.value(u"tags"_s).toObject();
    const auto counts = [](int pending, int ok, int skipped, int failed) {
        return QJsonObject{{u"pending"_s, pending},
                           {u"ok"_s, ok},
                           {u"skipped"_s, skipped},
                           {u"failed"_s, failed},
                           {u"total"_s, pending + ok + skipped + failed}};
    };
    QCOMPARE(tags.keys(), QStringList({u"birds"_s, u"cats"_s, u"city"_s, u"food"_s}));
    QCOMPARE(tags.value(u"birds"_s).toObject(), counts(0, 0, 0, 0));
    QCOMPARE(tags.value(u"cats"_s).toObject(), counts(0, 3, 1, 1));
    QCOMPARE(tags.value(u"city"_s).toObject(), counts(0, 2, 0, 0));
    QCOMPARE(tags.value(u"food"_s).toObject(), counts(int(quotingCases().size()), 3, 0, 0));

    const QJsonArray items = root.value(u"items"_s).toArray();
    QCOMPARE(items.size(), m_mediaItems + 1);
    const QJsonObject first = items.at(0).toObject();
    QCOMPARE(first.value(u"post_id"_s).toString(), u"101"_s);
    QCOMPARE(first.value(u"created_at"_s).toString(), u"2024-01-01T10:00:00.000Z"_s);
    QCOMPARE(first.value(u"sha256"_s).toString(), m_sha.value(u"A"_s));
    QCOMPARE(first.value(u"error"_s).type(), QJsonValue::Null);
    const QJsonArray predictions = first.value(u"predictions"_s).toArray();
    QCOMPARE(predictions.size(), 3);
    QCOMPARE(
        predictions.at(0).toObject(),
        (QJsonObject{{u"rank"_s, 1}, {u"label_index"_s, 281}, {u"label"_s, u"tabby"_s}, {u"score"_s, 0.7}}));
    QCOMPARE(predictions.at(2).toObject().value(u"score"_s).toDouble(), 0.05);
    // The float32 scores are written in their shortest form, not widened to 0.699999988079071.
    QVERIFY(bytes.contains("\"score\": 0.7\n"));

    const QJsonObject failed = items.at(3).toObject();
    QCOMPARE(failed.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(failed.value(u"error_code"_s).toString(), u"network"_s);
    QCOMPARE(failed.value(u"error"_s).toString(), u"HTTP 404"_s);
    QCOMPARE(failed.value(u"sha256"_s).type(), QJsonValue::Null);
    QCOMPARE(failed.value(u"width"_s).toInt(), 800);
    QCOMPARE(failed.value(u"predictions"_s).toArray().size(), 0);
    // JSON needs no formula defusing: values are exactly what was stored.
    QCOMPARE(items.at(8).toObject().value(u"author"_s).toString(), u"=cmd|' /C calc'!A0"_s);
}

void TestExporters::gexf_data()
{
    QTest::addColumn<double>("minScore");
    QTest::addColumn<int>("topK");
    QTest::addColumn<LabelCounts>("nodes");
    QTest::addColumn<LabelCounts>("edges");

    // Images (media items, not rows: 103's image counts once although it is under two tags;
    // A counts twice, it is in two posts): A, B, C, D, E, F, A.
    QTest::newRow("top-3, every score")
        << 0.0 << 0 << LabelCounts{{u"tabby"_s, 6}, {u"tiger cat"_s, 3}, {u"Egyptian cat"_s, 3},
                                   {u"lynx"_s, 3},  {u"pizza"_s, 3},     {u"plate"_s, 3}}
        << LabelCounts{{u"Egyptian cat|tabby"_s, 3}, {u"Egyptian cat|tiger cat"_s, 2},
                       {u"Egyptian cat|lynx"_s, 1},  {u"tabby|tiger cat"_s, 3},
                       {u"lynx|tabby"_s, 2},         {u"lynx|tiger cat"_s, 1},
                       {u"pizza|plate"_s, 3},        {u"pizza|tabby"_s, 2},
                       {u"plate|tabby"_s, 2},        {u"lynx|plate"_s, 1},
                       {u"lynx|pizza"_s, 1}};
    QTest::newRow("min score 0.25") << 0.25 << 0
                                    << LabelCounts{{u"tabby"_s, 4},
                                                   {u"lynx"_s, 1},
                                                   {u"Egyptian cat"_s, 1},
                                                   {u"pizza"_s, 2},
                                                   {u"plate"_s, 2}}
                                    << LabelCounts{{u"lynx|tabby"_s, 1},
                                                   {u"Egyptian cat|tabby"_s, 1},
                                                   {u"pizza|plate"_s, 1}};
    QTest::newRow("top-1 has no pairs")
        << 0.0 << 1 << LabelCounts{{u"tabby"_s, 3}, {u"Egyptian cat"_s, 1}, {u"pizza"_s, 2}, {u"plate"_s, 1}}
        << LabelCounts{};
}

void TestExporters::gexf()
{
    QFETCH(double, minScore);
    QFETCH(int, topK);
    QFETCH(LabelCounts, nodes);
    QFETCH(LabelCounts, edges);

    ExportOptions options;
    options.minScore = minScore;
    options.topK = topK;
    const QByteArray bytes = exportWith(&GexfExporter::write, snapshot(options), u"labels.gexf"_s);

    QXmlStreamReader xml(bytes);
    QMap<QString, QString> labelOf; // node id → label
    QMap<QString, int> readNodes;
    QMap<QString, int> readEdges;
    QSet<QString> edgeIds;
    QString currentNode;
    bool declaresImages = false;
    bool undirected = false;
    QString version;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        QCOMPARE(xml.namespaceUri().toString(), u"http://gexf.net/1.3"_s);
        const auto name = xml.name();
        const QXmlStreamAttributes attributes = xml.attributes();
        if (name == u"gexf") {
            version = attributes.value(u"version"_s).toString();
        } else if (name == u"graph") {
            undirected = attributes.value(u"defaultedgetype"_s) == u"undirected";
        } else if (name == u"attribute") {
            declaresImages |=
                attributes.value(u"id"_s) == u"images" && attributes.value(u"type"_s) == u"integer";
        } else if (name == u"node") {
            currentNode = attributes.value(u"id"_s).toString();
            QVERIFY(!labelOf.contains(currentNode));
            labelOf.insert(currentNode, attributes.value(u"label"_s).toString());
        } else if (name == u"attvalue" && attributes.value(u"for"_s) == u"images") {
            readNodes.insert(labelOf.value(currentNode), attributes.value(u"value"_s).toInt());
        } else if (name == u"edge") {
            QVERIFY(!edgeIds.contains(attributes.value(u"id"_s).toString()));
            edgeIds.insert(attributes.value(u"id"_s).toString());
            QStringList pair{labelOf.value(attributes.value(u"source"_s).toString()),
                             labelOf.value(attributes.value(u"target"_s).toString())};
            QVERIFY(!pair.contains(QString()));
            pair.sort();
            QVERIFY(!readEdges.contains(pair.join(u'|')));
            readEdges.insert(pair.join(u'|'), attributes.value(u"weight"_s).toInt());
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(version, u"1.3"_s);
    QVERIFY(undirected);
    QVERIFY(declaresImages);
    QCOMPARE(readNodes, nodes);
    QCOMPARE(readEdges, edges);
}

void TestExporters::usesTheLatestHarvestsModelUnlessTold()
{
    const ExportSnapshot latest = snapshot();
    QCOMPARE(latest.modelSha256, kModel);
    QCOMPARE(latest.labelColumns, 3);
    QCOMPARE(latest.rows.at(0).predictions.at(0).label, u"tabby"_s);

    ExportOptions options;
    options.modelSha256 = kOldModel;
    const ExportSnapshot old = snapshot(options);
    QCOMPARE(old.modelSha256, kOldModel);
    QCOMPARE(old.modelName, u"an older model"_s);
    QCOMPARE(old.modelTrained, false);
    QCOMPARE(old.labelColumns, 1);
    const auto rows = parseCsv(ImagesCsvExporter::render(old));
    QVERIFY(rows);
    QCOMPARE(rows->at(0).size(), 16);
    QCOMPARE(rows->at(1).mid(14), QStringList({u"lynx"_s, u"0.900000"_s}));
    QCOMPARE(rows->at(1).at(9), u"ok"_s);
    // Images the old model never saw have no predictions, and are not "ok" (issue 17 #1): the
    // images CSV and the JSON record say they are unlabelled, every ok row carries labels.
    QCOMPARE(rows->at(2).mid(14), QStringList({QString(), QString()}));
    QCOMPARE(rows->at(2).at(9), u"unlabelled"_s);
    int ok = 0;
    int unlabelled = 0;
    for (const MediaRow &row : old.rows) {
        if (row.status != MediaStatus::Ok)
            continue;
        const QString expected = row.predictions.isEmpty() ? u"unlabelled"_s : u"ok"_s;
        QCOMPARE(ExportSnapshot::statusName(row), expected);
        (row.predictions.isEmpty() ? unlabelled : ok) += 1;
    }
    QCOMPARE(ok, 2); // image A, under #cats and #city
    QVERIFY(unlabelled > 0);
    const QJsonDocument json = QJsonDocument::fromJson(JsonExporter::render(old));
    int jsonOk = 0;
    int jsonUnlabelled = 0;
    for (const QJsonValue &item : json.object().value(u"items"_s).toArray()) {
        const QString status = item.toObject().value(u"status"_s).toString();
        jsonOk += status == u"ok"_s;
        jsonUnlabelled += status == u"unlabelled"_s;
        if (status == u"ok"_s)
            QVERIFY(!item.toObject().value(u"predictions"_s).toArray().isEmpty());
    }
    QCOMPARE(jsonOk, ok);
    QCOMPARE(jsonUnlabelled, unlabelled);
}

// Issue 17 #4: an export of "what is shown" holds exactly the rows the grid's rule (ShownFilter)
// lets through — counted here independently, from every row — and records the filter.
void TestExporters::shownRowsOnly_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("status"); // -1: any
    QTest::addColumn<double>("minScore");
    QTest::newRow("one tag") << u"cats"_s << QString() << -1 << 0.0;
    QTest::newRow("one label") << QString() << u"tabby"_s << -1 << 0.0;
    QTest::newRow("ok above 65 %") << QString() << QString() << int(MediaStatus::Ok) << 0.65;
    QTest::newRow("failed") << QString() << QString() << int(MediaStatus::Failed) << 0.0;
    QTest::newRow("nothing passes") << u"food"_s << u"tabby"_s << -1 << 0.0;
}

void TestExporters::shownRowsOnly()
{
    QFETCH(QString, tag);
    QFETCH(QString, label);
    QFETCH(int, status);
    QFETCH(double, minScore);
    ShownFilter shown;
    shown.tag = tag;
    shown.label = label;
    if (status >= 0)
        shown.status = MediaStatus(status);
    shown.minimumScore = minScore;

    const ExportSnapshot all = snapshot();
    int expected = 0;
    for (const MediaRow &row : all.rows) {
        const QString top = row.predictions.isEmpty() ? QString() : row.predictions.first().label;
        const double score = row.predictions.isEmpty() ? 0.0 : double(row.predictions.first().score);
        expected += (tag.isEmpty() || row.tag == tag) && (label.isEmpty() || top == label) &&
                    (status < 0 || int(row.status) == status) && score >= minScore;
    }
    ExportOptions options;
    options.shown = shown;
    const ExportSnapshot filtered = snapshot(options);
    QCOMPARE(int(filtered.rows.size()), expected);
    QVERIFY(filtered.rows.size() < all.rows.size());
    int counted = 0;
    for (auto it = filtered.counts.cbegin(); it != filtered.counts.cend(); ++it)
        counted += it->total();
    QCOMPARE(counted, expected); // the counts are of the shown rows

    const QJsonObject root = QJsonDocument::fromJson(JsonExporter::render(filtered)).object();
    QCOMPARE(int(root.value(u"items"_s).toArray().size()), expected);
    const QJsonObject recorded = root.value(u"options"_s).toObject().value(u"shown"_s).toObject();
    QCOMPARE(recorded.value(u"tag"_s).toString(), tag);
    QCOMPARE(recorded.value(u"label"_s).toString(), label);
    QCOMPARE(recorded.value(u"status"_s).isNull(), status < 0);
    QCOMPARE(recorded.value(u"min_score"_s).toDouble(), minScore);
    const auto csv = parseCsv(ImagesCsvExporter::render(filtered));
    QVERIFY(csv);
    QCOMPARE(int(csv->size()) - 1, expected);
    QVERIFY(GexfExporter::render(filtered).contains("images: {"));
    QCOMPARE(QJsonDocument::fromJson(JsonExporter::render(all))
                 .object()
                 .value(u"options"_s)
                 .toObject()
                 .value(u"shown"_s),
             QJsonValue());
}

void TestExporters::writesAtomically()
{
    const ExportSnapshot data = snapshot();
    auto missingFolder = ImagesCsvExporter::write(data, m_dir.filePath(u"no/such/folder/images.csv"_s));
    QVERIFY(!missingFolder);
    QCOMPARE(missingFolder.error().code, ErrorCode::Io);

    // A failed export leaves an earlier file as it was, and no temporary file behind.
    const QString path = m_dir.filePath(u"kept.csv"_s);
    QVERIFY(AtomicFile::write(path, "earlier export\r\n"));
    QDir(m_dir.path()).mkdir(u"kept.json"_s);
    auto overFolder = JsonExporter::write(data, m_dir.filePath(u"kept.json"_s));
    QVERIFY(!overFolder);
    QCOMPARE(overFolder.error().code, ErrorCode::Io);
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("earlier export\r\n"));
    QVERIFY(GexfExporter::write(data, path));
    const QStringList leftovers = QDir(m_dir.path()).entryList({u"*.csv.*"_s, u"*.json.*"_s}, QDir::Files);
    QCOMPARE(leftovers, QStringList());
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
