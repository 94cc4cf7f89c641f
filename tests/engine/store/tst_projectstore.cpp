// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/store/projectschema.h"
#include "engine/store/projectstore.h"
#include "engine/store/storetransaction.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

using taglens::engine::Classification;
using taglens::engine::Error;
using taglens::engine::ErrorCode;
using taglens::engine::HarvestRecord;
using taglens::engine::HarvestStatus;
using taglens::engine::ImageRecord;
using taglens::engine::LabelScore;
using taglens::engine::MediaItem;
using taglens::engine::MediaRow;
using taglens::engine::MediaRowFilter;
using taglens::engine::MediaStatus;
using taglens::engine::Post;
using taglens::engine::ProjectSchema;
using taglens::engine::ProjectStore;
using taglens::engine::StatusCounts;
using taglens::engine::StoreTransaction;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)
Q_DECLARE_METATYPE(taglens::engine::MediaStatus)
Q_DECLARE_METATYPE(taglens::engine::ProjectStore::OpenMode)

using namespace Qt::StringLiterals;

namespace {

// When set, this executable is not a test run but the writer that survivesKill() kills.
constexpr char kWriterVariable[] = "TAGLENS_TEST_STORE_WRITER";
constexpr int kWriterMediaPerPost = 3;
constexpr int kWriterLabels = 5;
constexpr int kEmbeddingSize = 2048;
constexpr int kKillRounds = 6;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

const QString kModel = sha256Of("model file");
const QString kOtherModel = sha256Of("another model file");

MediaItem imageItem(const QString &id)
{
    MediaItem item;
    item.remoteId = id;
    item.type = QStringLiteral("image");
    item.url = QUrl(QStringLiteral("https://files.example/%1.jpg").arg(id));
    item.previewUrl = QUrl(QStringLiteral("https://files.example/%1-small.jpg").arg(id));
    item.altText = QStringLiteral("alt of %1").arg(id);
    item.width = 800;
    item.height = 600;
    return item;
}

Post makePost(const QString &remoteId, int mediaCount, const QDateTime &createdAt = {})
{
    Post post;
    post.source = QStringLiteral("mastodon");
    post.instance = QStringLiteral("https://social.example");
    post.remoteId = remoteId;
    post.url = QUrl(QStringLiteral("https://social.example/@alice/%1").arg(remoteId));
    post.createdAt = createdAt.isValid() ? createdAt : QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    post.author = QStringLiteral("alice@social.example");
    post.text = QStringLiteral("post %1").arg(remoteId);
    post.tags = {QStringLiteral("cats")};
    for (int i = 0; i < mediaCount; ++i)
        post.media.append(imageItem(QStringLiteral("%1-%2").arg(remoteId).arg(i)));
    return post;
}

ImageRecord imageRecord(const QByteArray &bytes, const QByteArray &thumbnail = "thumb")
{
    ImageRecord record;
    record.sha256 = sha256Of(bytes);
    record.bytes = bytes;
    record.thumbnail = thumbnail;
    record.width = 640;
    record.height = 480;
    record.format = QStringLiteral("jpeg");
    record.byteSize = bytes.size();
    return record;
}

Classification makeClassification(quint32 seed, int labels, int embeddingSize)
{
    QRandomGenerator rng(seed);
    Classification result;
    float score = 0.9f;
    for (int rank = 0; rank < labels; ++rank) {
        const int index = int(rng.bounded(1000));
        result.labels.append(LabelScore{index, QStringLiteral("label %1").arg(index), score});
        score *= 0.5f;
    }
    for (int i = 0; i < embeddingSize; ++i)
        result.embedding.append(float(rng.generateDouble() * 20.0 - 10.0));
    return result;
}

HarvestRecord harvestRecord(const QStringList &tags, const QString &model = kModel)
{
    HarvestRecord record;
    record.source = QStringLiteral("mastodon");
    record.instance = QStringLiteral("https://social.example");
    record.tags = tags;
    record.parameters = QJsonObject{{QStringLiteral("limit"), 200}, {QStringLiteral("top"), 5}};
    record.modelName = QStringLiteral("Inception-v3");
    record.modelSha256 = model;
    return record;
}

std::unique_ptr<ProjectStore> openStore(const QString &path,
                                        ProjectStore::OpenMode mode = ProjectStore::OpenMode::ReadWrite)
{
    auto store = ProjectStore::open(path, mode);
    if (!store)
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(store.error().message));
    return store ? std::move(*store) : nullptr;
}

// A second, plain connection to the file, so the tests see the rows themselves rather than only
// what the store's API chooses to show.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(QRandomGenerator::global()->generate64()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qWarning("raw open failed: %s", qPrintable(db.lastError().text()));
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }

    qint64 number(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            qWarning("raw query failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return -1;
        }
        return query.value(0).toLongLong();
    }

    QString text(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return QStringLiteral("<no row>");
        return query.value(0).toString();
    }

    bool exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql);
    }

private:
    QString m_name;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A project with a few pages of content, closed again, for the tests that damage files.
bool makeProject(const QString &path, int posts)
{
    auto store = openStore(path);
    if (!store)
        return false;
    for (int i = 0; i < posts; ++i) {
        if (!store->addPost(makePost(QStringLiteral("p%1").arg(i), 2), QStringLiteral("cats")))
            return false;
    }
    return true;
}

// The process survivesKill() kills: it harvests made-up posts into the project at `path`
// forever, one transaction per post with its images and classifications, and reports each
// commit on stdout. It stops by itself after a while in case its parent died.
int runWriter(const QString &path)
{
    static int argc = 1;
    static char name[] = "tst_projectstore-writer";
    static char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);

    auto opened = ProjectStore::open(path);
    if (!opened) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    ProjectStore &store = **opened;
    const auto harvest = store.beginHarvest(harvestRecord({QStringLiteral("kill")}));
    if (!harvest) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(harvest.error().message));
        return 2;
    }
    std::printf("harvest %lld\n", static_cast<long long>(*harvest));
    std::fflush(stdout);

    const QDeadlineTimer giveUp(60 * 1000);
    for (int i = 0; !giveUp.hasExpired(); ++i) {
        const Post post = makePost(QStringLiteral("h%1-%2").arg(*harvest).arg(i), kWriterMediaPerPost);
        StoreTransaction tx(store);
        auto ref = store.addPost(post, QStringLiteral("kill"));
        if (!ref) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(ref.error().message));
            return 2;
        }
        for (const auto &media : ref->media) {
            QRandomGenerator rng(quint32(*harvest * 100000 + i * 10 + media.index));
            // Large enough that a post takes a while to write, so the kill often lands mid-transaction.
            QByteArray bytes(96 * 1024 + int(rng.bounded(64 * 1024)), Qt::Uninitialized);
            rng.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            const ImageRecord image = imageRecord(bytes, bytes.left(2048));
            if (!store.addImage(image) ||
                !store.addClassification(image.sha256, kModel,
                                         makeClassification(rng.generate(), kWriterLabels, kEmbeddingSize)) ||
                !store.markOk(media.id, image.sha256)) {
                std::fprintf(stderr, "writer: a write failed\n");
                return 2;
            }
        }
        if (auto ok = tx.commit(); !ok) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(ok.error().message));
            return 2;
        }
        std::printf("committed %d\n", i + 1);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

class TestProjectStore : public QObject
{
    Q_OBJECT

public:
    // Runs before QTest parses the command line: the writer child is this executable.
    static void initMain()
    {
        const QString writerPath = qEnvironmentVariable(kWriterVariable);
        if (!writerPath.isEmpty())
            std::exit(runWriter(writerPath));
    }

private Q_SLOTS:
    void createsAndReopens();
    void readOnlyOpenWritesNothing();
    void refusesUnusableFiles_data();
    void refusesUnusableFiles();
    void reportsDamagedDataPages();
    void addPostIsIdempotent();
    void addPostValidatesInput();
    void statusTransitions_data();
    void statusTransitions();
    void markingReportsErrors();
    void resumeSeesFinishedMedia();
    void deduplicatesImagesBySha256();
    void referencesLocalFiles();
    void classificationRoundTrip();
    void classificationNeedsItsImage();
    void rolledBackTransactionLeavesNothing();
    void nestedTransactions();
    void recordsHarvests();
    void countsPerTag();
    void mediaRowsAreOrderedWithPredictions();
    void mediaRowsByIds_data();
    void mediaRowsByIds();
    void mediaRowsByIdsIgnoresUnknownIds_data();
    void mediaRowsByIdsIgnoresUnknownIds();
    void twoStoresShareAFile();
    void settingsRoundTrip();
    void saveCopy_data();
    void saveCopy();
    void saveCopyRefuses_data();
    void saveCopyRefuses();
    void survivesKill();
};

void TestProjectStore::createsAndReopens()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.taglens"));
    QByteArray imageBytes("pretend these are JPEG bytes");
    const Classification classification = makeClassification(7, 5, kEmbeddingSize);
    {
        auto store = openStore(path);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), ProjectSchema::latestVersion());
        QVERIFY(store->beginHarvest(harvestRecord({QStringLiteral("cats")})));
        auto ref = store->addPost(makePost(QStringLiteral("1"), 2), QStringLiteral("cats"));
        QVERIFY(ref);
        const ImageRecord image = imageRecord(imageBytes);
        QVERIFY(store->addImage(image));
        QVERIFY(store->addClassification(image.sha256, kModel, classification));
        QVERIFY(store->markOk(ref->media.at(0).id, image.sha256));
        QVERIFY(store->setSetting(QStringLiteral("view"), QStringLiteral("grid")));
        // WAL is on while the store is open.
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
    }
    RawDatabase raw(path);
    QCOMPARE(raw.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(raw.number(QStringLiteral("PRAGMA user_version")), qint64(ProjectSchema::latestVersion()));
    QCOMPARE(raw.number(QStringLiteral("PRAGMA application_id")), qint64(ProjectSchema::applicationId));

    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->verifyIntegrity());
    auto harvests = store->harvests();
    QVERIFY(harvests);
    QCOMPARE(harvests->size(), 1);
    QCOMPARE(store->statusCounts(QStringLiteral("cats"))->ok, 1);
    QCOMPARE(store->statusCounts(QStringLiteral("cats"))->pending, 1);
    QCOMPARE(*store->imageBytes(sha256Of(imageBytes)), imageBytes);
    QCOMPARE(store->classification(sha256Of(imageBytes), kModel)->labels, classification.labels);
    QCOMPARE(*store->setting(QStringLiteral("view")), QStringLiteral("grid"));
    // The same post again after reopening is still the same row.
    auto again = store->addPost(makePost(QStringLiteral("1"), 2), QStringLiteral("cats"));
    QVERIFY(again);
    QVERIFY(!again->newPost);
    QCOMPARE(again->media.at(0).status, MediaStatus::Ok);
}

void TestProjectStore::readOnlyOpenWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ro.taglens"));
    QVERIFY(makeProject(path, 1));
    auto store = openStore(path, ProjectStore::OpenMode::ReadOnly);
    QVERIFY(store);
    QCOMPARE(store->mediaRows()->size(), 2);
    auto write = store->addPost(makePost(QStringLiteral("2"), 1), QStringLiteral("cats"));
    QVERIFY(!write);
    QCOMPARE(write.error().code, ErrorCode::Io);

    auto missing =
        ProjectStore::open(dir.filePath(QStringLiteral("missing.taglens")), ProjectStore::OpenMode::ReadOnly);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    // An export with a mistyped project name must not leave an empty project behind.
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing.taglens"))));
}

void TestProjectStore::refusesUnusableFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ProjectStore::OpenMode>("mode");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");

    const auto rw = ProjectStore::OpenMode::ReadWrite;
    const auto ro = ProjectStore::OpenMode::ReadOnly;
    QTest::newRow("random bytes") << "random" << rw << ErrorCode::InvalidArgument
                                  << "is not a TagLens project (not an SQLite database)";
    QTest::newRow("a text file") << "text" << rw << ErrorCode::InvalidArgument << "not an SQLite database";
    QTest::newRow("SQLite magic, then garbage")
        << "fake header" << rw << ErrorCode::InvalidArgument << "not an SQLite database";
    QTest::newRow("newer schema version")
        << "newer" << rw << ErrorCode::InvalidArgument << "was made by a newer TagLens (project format 99";
    QTest::newRow("newer schema version, read-only")
        << "newer" << ro << ErrorCode::InvalidArgument << "made by a newer TagLens";
    QTest::newRow("another program's SQLite file") << "foreign" << rw << ErrorCode::InvalidArgument
                                                   << "is an SQLite database, but not a TagLens project";
    QTest::newRow("SQLite file with a foreign application id")
        << "foreign id" << rw << ErrorCode::InvalidArgument << "not a TagLens project";
    QTest::newRow("damaged schema page") << "damaged schema" << rw << ErrorCode::Io << "is damaged";
    QTest::newRow("empty file, read-only") << "empty" << ro << ErrorCode::InvalidArgument << "is empty";
    QTest::newRow("a folder") << "folder" << rw << ErrorCode::Io << "is a folder";
    QTest::newRow("missing folder") << "missing folder" << rw << ErrorCode::NotFound << "does not exist";
}

void TestProjectStore::refusesUnusableFiles()
{
    QFETCH(QString, kind);
    QFETCH(ProjectStore::OpenMode, mode);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("project.taglens"));
    if (kind == QLatin1String("random")) {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QVERIFY(writeFile(path, bytes));
    } else if (kind == QLatin1String("text")) {
        QVERIFY(writeFile(path, QByteArray("tag,label\ncats,tabby\n").repeated(100)));
    } else if (kind == QLatin1String("fake header")) {
        QVERIFY(writeFile(path, QByteArray("SQLite format 3", 16) + QByteArray(4000, '\xA5')));
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(makeProject(path, 1));
        QVERIFY(RawDatabase(path).exec(QStringLiteral("PRAGMA user_version = 99")));
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(RawDatabase(path).exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
    } else if (kind == QLatin1String("foreign id")) {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = 1234")));
    } else if (kind == QLatin1String("damaged schema")) {
        QVERIFY(makeProject(path, 1));
        QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 4096);
        // Page 1 past the 100-byte file header holds sqlite_master, the list of tables.
        bytes.replace(100, 3000, QByteArray(3000, '\x5A'));
        QVERIFY(writeFile(path, bytes));
    } else if (kind == QLatin1String("empty")) {
        QVERIFY(writeFile(path, {}));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("project.taglens")));
    } else if (kind == QLatin1String("missing folder")) {
        path = dir.filePath(QStringLiteral("no/such/folder/project.taglens"));
    }
    const QByteArray before = QFileInfo(path).isFile() ? readFile(path) : QByteArray();

    auto store = ProjectStore::open(path, mode);
    QVERIFY(!store);
    QCOMPARE(store.error().code, code);
    QVERIFY2(store.error().message.contains(message), qPrintable(store.error().message));
    // A file we refuse is left exactly as it was.
    if (QFileInfo(path).isFile())
        QCOMPARE(readFile(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) || kind == QLatin1String("newer"));
}

void TestProjectStore::reportsDamagedDataPages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.taglens"));
    QVERIFY(makeProject(path, 300));
    QByteArray bytes = readFile(path);
    QVERIFY2(bytes.size() >= 16 * 4096, "the project should span many pages");
    // Garbage over pages 5 to 8: the header and the table list stay readable, the rows do not.
    bytes.replace(4 * 4096, 4 * 4096, QByteArray(4 * 4096, '\x33'));
    QVERIFY(writeFile(path, bytes));

    auto store = ProjectStore::open(path);
    if (!store) {
        QVERIFY(store.error().code == ErrorCode::Io || store.error().code == ErrorCode::InvalidArgument);
        return;
    }
    const auto integrity = (*store)->verifyIntegrity();
    QVERIFY(!integrity);
    QCOMPARE(integrity.error().code, ErrorCode::Io);
    QVERIFY2(integrity.error().message.contains(QFileInfo(path).fileName()),
             qPrintable(integrity.error().message));
    // Reading what is left either works or says why; it never crashes.
    const auto rows = (*store)->mediaRows();
    if (!rows)
        QCOMPARE(rows.error().code, ErrorCode::Io);
}

void TestProjectStore::addPostIsIdempotent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.taglens"));
    auto store = openStore(path);
    QVERIFY(store);
    const Post post = makePost(QStringLiteral("42"), 3);

    auto first = store->addPost(post, QStringLiteral("cats"));
    QVERIFY(first);
    QVERIFY(first->newPost);
    QVERIFY(first->newForTag);
    QCOMPARE(first->media.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(first->media.at(i).index, i);
        QCOMPARE(first->media.at(i).status, MediaStatus::Pending);
        QVERIFY(!first->media.at(i).isDone());
    }

    auto again = store->addPost(post, QStringLiteral("cats"));
    QVERIFY(again);
    QVERIFY(!again->newPost);
    QVERIFY(!again->newForTag);
    auto otherTag = store->addPost(post, QStringLiteral("caturday"));
    QVERIFY(otherTag);
    QVERIFY(!otherTag->newPost);
    QVERIFY(otherTag->newForTag);
    QCOMPARE(again->postId, first->postId);
    QCOMPARE(otherTag->postId, first->postId);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(again->media.at(i).id, first->media.at(i).id);
        QCOMPARE(otherTag->media.at(i).id, first->media.at(i).id);
    }

    RawDatabase raw(path);
    QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM posts")), 1);
    QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM post_tags")), 2);
    QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM media")), 3);
    QCOMPARE(store->statusCounts(QStringLiteral("cats"))->total(), 3);
    QCOMPARE(store->statusCounts(QStringLiteral("caturday"))->total(), 3);
    QCOMPARE(store->statusCounts()->total(), 3);
    QCOMPARE(*store->tags(), QStringList({QStringLiteral("cats"), QStringLiteral("caturday")}));

    // The same remote id on another instance is another post.
    Post elsewhere = post;
    elsewhere.instance = QStringLiteral("https://other.example");
    auto other = store->addPost(elsewhere, QStringLiteral("cats"));
    QVERIFY(other);
    QVERIFY(other->newPost);
    QVERIFY(other->postId != first->postId);
}

void TestProjectStore::addPostValidatesInput()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("v.taglens")));
    QVERIFY(store);
    auto noTag = store->addPost(makePost(QStringLiteral("1"), 1), QString());
    QVERIFY(!noTag);
    QCOMPARE(noTag.error().code, ErrorCode::InvalidArgument);
    Post noId = makePost(QString(), 1);
    auto missingId = store->addPost(noId, QStringLiteral("cats"));
    QVERIFY(!missingId);
    QCOMPARE(missingId.error().code, ErrorCode::InvalidArgument);

    // Fields a source leaves null (no author, no alt text, no URL) are stored as empty text.
    Post sparse;
    sparse.source = QStringLiteral("local");
    sparse.remoteId = QStringLiteral("file-1");
    sparse.media.append(MediaItem{});
    auto stored = store->addPost(sparse, QStringLiteral("cats"));
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored->media.size(), 1);
    QCOMPARE(store->transactionDepth(), 0);
}

void TestProjectStore::statusTransitions_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<MediaStatus>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("hasImage");

    QTest::newRow("pending") << QStringList{} << MediaStatus::Pending << ""
                             << "" << false;
    QTest::newRow("pending to ok") << QStringList{u"ok"_s} << MediaStatus::Ok << ""
                                   << "" << true;
    QTest::newRow("pending to skipped") << QStringList{u"skipped"_s} << MediaStatus::Skipped << ""
                                        << "video is not classified" << false;
    QTest::newRow("pending to failed") << QStringList{u"failed"_s} << MediaStatus::Failed << "network"
                                       << "HTTP 404 Not Found" << false;
    QTest::newRow("failed, then ok on a retry") << QStringList{u"failed"_s, u"ok"_s} << MediaStatus::Ok << ""
                                                << "" << true;
    QTest::newRow("ok, then failed drops the image")
        << QStringList{u"ok"_s, u"failed"_s} << MediaStatus::Failed << "network"
        << "HTTP 404 Not Found" << false;
    QTest::newRow("skipped, then failed")
        << QStringList{u"skipped"_s, u"failed"_s} << MediaStatus::Failed << "network"
        << "HTTP 404 Not Found" << false;
}

void TestProjectStore::statusTransitions()
{
    QFETCH(QStringList, steps);
    QFETCH(MediaStatus, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, error);
    QFETCH(bool, hasImage);

    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("s.taglens")));
    QVERIFY(store);
    auto ref = store->addPost(makePost(QStringLiteral("1"), 1), QStringLiteral("cats"));
    QVERIFY(ref);
    const qint64 mediaId = ref->media.at(0).id;
    const ImageRecord image = imageRecord("image bytes");
    QVERIFY(store->addImage(image));
    for (const QString &step : steps) {
        if (step == QLatin1String("ok"))
            QVERIFY(store->markOk(mediaId, image.sha256));
        else if (step == QLatin1String("skipped"))
            QVERIFY(store->markSkipped(mediaId, QStringLiteral("video is not classified")));
        else
            QVERIFY(
                store->markFailed(mediaId, Error{ErrorCode::Network, QStringLiteral("HTTP 404 Not Found")}));
    }

    auto rows = store->mediaRows();
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    const MediaRow &row = rows->at(0);
    QCOMPARE(row.status, status);
    QCOMPARE(row.errorCode, errorCode);
    QCOMPARE(row.error, error);
    QCOMPARE(row.sha256, hasImage ? image.sha256 : QString());
    // The stored image's decoded size wins over the source's metadata once there is one.
    QCOMPARE(row.width, hasImage ? 640 : 800);

    StatusCounts expected;
    switch (status) {
    case MediaStatus::Pending:
        expected.pending = 1;
        break;
    case MediaStatus::Ok:
        expected.ok = 1;
        break;
    case MediaStatus::Skipped:
        expected.skipped = 1;
        break;
    case MediaStatus::Failed:
        expected.failed = 1;
        break;
    }
    QCOMPARE(*store->statusCounts(QStringLiteral("cats")), expected);
    QCOMPARE(*store->okImageCount(QStringLiteral("cats")), expected.ok);
}

void TestProjectStore::markingReportsErrors()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("e.taglens")));
    QVERIFY(store);
    auto ref = store->addPost(makePost(QStringLiteral("1"), 1), QStringLiteral("cats"));
    QVERIFY(ref);
    const ImageRecord image = imageRecord("bytes");

    auto unknownImage = store->markOk(ref->media.at(0).id, image.sha256);
    QVERIFY(!unknownImage);
    QCOMPARE(unknownImage.error().code, ErrorCode::InvalidArgument);

    QVERIFY(store->addImage(image));
    auto notAHash = store->markOk(ref->media.at(0).id, image.sha256.toUpper());
    QVERIFY(!notAHash);
    QCOMPARE(notAHash.error().code, ErrorCode::InvalidArgument);

    const qint64 noSuchMedia = ref->media.at(0).id + 1000;
    for (const auto &result :
         {store->markOk(noSuchMedia, image.sha256), store->markSkipped(noSuchMedia, QStringLiteral("video")),
          store->markFailed(noSuchMedia, Error{ErrorCode::Network, QStringLiteral("x")})}) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::NotFound);
    }
    QCOMPARE(store->statusCounts()->pending, 1);
}

void TestProjectStore::resumeSeesFinishedMedia()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.taglens"));
    const Post post = makePost(QStringLiteral("7"), 4);
    {
        auto store = openStore(path);
        QVERIFY(store);
        auto ref = store->addPost(post, QStringLiteral("cats"));
        QVERIFY(ref);
        const ImageRecord image = imageRecord("done");
        QVERIFY(store->addImage(image));
        QVERIFY(store->markOk(ref->media.at(0).id, image.sha256));
        QVERIFY(store->markSkipped(ref->media.at(1).id, QStringLiteral("gifv")));
        QVERIFY(
            store->markFailed(ref->media.at(2).id, Error{ErrorCode::Decode, QStringLiteral("truncated")}));
        // Item 3 was still in flight when the harvest stopped.
    }
    auto store = openStore(path);
    QVERIFY(store);
    auto ref = store->addPost(post, QStringLiteral("cats"));
    QVERIFY(ref);
    QList<MediaStatus> statuses;
    QList<int> todo;
    for (const auto &media : ref->media) {
        statuses.append(media.status);
        if (!media.isDone())
            todo.append(media.index);
    }
    QCOMPARE(statuses, QList<MediaStatus>({MediaStatus::Ok, MediaStatus::Skipped, MediaStatus::Failed,
                                           MediaStatus::Pending}));
    QCOMPARE(todo, QList<int>{3});
    QCOMPARE(*store->okImageCount(QStringLiteral("cats")), 1);
    QCOMPARE(*store->okImageCount(QStringLiteral("dogs")), 0);
}

void TestProjectStore::deduplicatesImagesBySha256()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.taglens"));
    auto store = openStore(path);
    QVERIFY(store);
    auto first = store->addPost(makePost(QStringLiteral("1"), 1), QStringLiteral("cats"));
    auto second = store->addPost(makePost(QStringLiteral("2"), 1), QStringLiteral("cats"));
    QVERIFY(first && second);

    const QByteArray bytes("the same picture, reposted under another URL");
    const ImageRecord image = imageRecord(bytes, "first thumbnail");
    QVERIFY(!store->hasImage(image.sha256));
    QVERIFY(store->addImage(image));
    QVERIFY(store->hasImage(image.sha256));
    QVERIFY(store->markOk(first->media.at(0).id, image.sha256));
    QVERIFY(store->addImage(imageRecord(bytes, "second thumbnail")));
    QVERIFY(store->markOk(second->media.at(0).id, image.sha256));

    RawDatabase raw(path);
    QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM images")), 1);
    QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(DISTINCT image_sha256) FROM media")), 1);
    QCOMPARE(
        raw.number(QStringLiteral("SELECT COUNT(*) FROM media WHERE image_sha256 = '%1'").arg(image.sha256)),
        2);
    QCOMPARE(*store->thumbnail(image.sha256), QByteArray("first thumbnail"));
    QCOMPARE(*store->imageBytes(image.sha256), bytes);

    auto unknown = store->thumbnail(sha256Of("never stored"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    ImageRecord notAHash = imageRecord("x");
    notAHash.sha256 = u"abc"_s;
    auto badHash = store->addImage(notAHash);
    QVERIFY(!badHash);
    QCOMPARE(badHash.error().code, ErrorCode::InvalidArgument);
}

void TestProjectStore::referencesLocalFiles()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("l.taglens")));
    QVERIFY(store);
    const QString photo = dir.filePath(QStringLiteral("photo.jpg"));
    const QByteArray bytes("local photo bytes");
    QVERIFY(writeFile(photo, bytes));

    ImageRecord image;
    image.sha256 = sha256Of(bytes);
    image.path = photo;
    QVERIFY(store->addImage(image));
    QCOMPARE(*store->imageBytes(image.sha256), bytes);
    QCOMPARE(*store->thumbnail(image.sha256), QByteArray());

    QVERIFY(writeFile(photo, "edited since"));
    auto changed = store->imageBytes(image.sha256);
    QVERIFY(!changed);
    QCOMPARE(changed.error().code, ErrorCode::Checksum);

    QVERIFY(QFile::remove(photo));
    auto gone = store->imageBytes(image.sha256);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);

    ImageRecord both = imageRecord("b");
    both.path = photo;
    ImageRecord neither = imageRecord("n");
    neither.bytes.clear();
    for (const ImageRecord &bad : {both, neither}) {
        auto result = store->addImage(bad);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    }
}

void TestProjectStore::classificationRoundTrip()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("c.taglens")));
    QVERIFY(store);
    const ImageRecord image = imageRecord("cat picture");
    QVERIFY(store->addImage(image));

    Classification classification = makeClassification(99, 5, kEmbeddingSize);
    // Values a naive text or double round trip would change.
    classification.embedding[0] = -0.0f;
    classification.embedding[1] = std::numeric_limits<float>::denorm_min();
    classification.embedding[2] = std::numeric_limits<float>::max();
    classification.embedding[3] = 0.1f;
    classification.labels[0].score = 0.1f;
    classification.labels[0].label = QStringLiteral("Ünïcødé 猫, \"quoted\"");

    QVERIFY(!store->hasClassification(image.sha256, kModel));
    QVERIFY(store->addClassification(image.sha256, kModel, classification));
    QVERIFY(store->hasClassification(image.sha256, kModel));
    QVERIFY(!store->hasClassification(image.sha256, kOtherModel));

    auto read = store->classification(image.sha256, kModel);
    QVERIFY(read);
    QCOMPARE(read->labels, classification.labels);
    QCOMPARE(read->embedding.size(), kEmbeddingSize);
    QVERIFY(std::memcmp(read->embedding.constData(), classification.embedding.constData(),
                        kEmbeddingSize * sizeof(float)) == 0);

    // A second classification by the same model replaces the first; another model's is separate.
    const Classification smaller = makeClassification(5, 3, 0);
    QVERIFY(store->addClassification(image.sha256, kModel, smaller));
    QVERIFY(store->addClassification(image.sha256, kOtherModel, classification));
    auto replaced = store->classification(image.sha256, kModel);
    QVERIFY(replaced);
    QCOMPARE(replaced->labels, smaller.labels);
    QVERIFY(replaced->embedding.isEmpty());
    QCOMPARE(store->classification(image.sha256, kOtherModel)->labels, classification.labels);

    auto none = store->classification(sha256Of("other"), kModel);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
}

void TestProjectStore::classificationNeedsItsImage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.taglens"));
    auto store = openStore(path);
    QVERIFY(store);
    auto result = store->addClassification(sha256Of("not stored"), kModel, makeClassification(1, 5, 16));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    const ImageRecord image = imageRecord("stored");
    QVERIFY(store->addImage(image));
    auto noModel = store->addClassification(image.sha256, QString(), makeClassification(1, 5, 16));
    QVERIFY(!noModel);
    QCOMPARE(noModel.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(RawDatabase(path).number(QStringLiteral("SELECT COUNT(*) FROM predictions")), 0);
}

void TestProjectStore::rolledBackTransactionLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.taglens"));
    auto store = openStore(path);
    QVERIFY(store);

    QVERIFY(store->transaction());
    QVERIFY(store->beginHarvest(harvestRecord({QStringLiteral("cats")})));
    auto ref = store->addPost(makePost(QStringLiteral("1"), 2), QStringLiteral("cats"));
    QVERIFY(ref);
    const ImageRecord image = imageRecord("rolled back");
    QVERIFY(store->addImage(image));
    QVERIFY(store->addClassification(image.sha256, kModel, makeClassification(3, 5, 32)));
    QVERIFY(store->markOk(ref->media.at(0).id, image.sha256));
    QCOMPARE(store->transactionDepth(), 1);
    store->rollback();
    QCOMPARE(store->transactionDepth(), 0);

    {
        StoreTransaction tx(*store);
        QVERIFY(tx.started());
        QVERIFY(store->addPost(makePost(QStringLiteral("2"), 1), QStringLiteral("dogs")));
        // No commit: leaving the scope rolls back.
    }
    QCOMPARE(store->transactionDepth(), 0);

    RawDatabase raw(path);
    for (const char *table :
         {"harvests", "posts", "post_tags", "media", "images", "predictions", "embeddings"})
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))), 0);
    QVERIFY(!store->hasImage(image.sha256));
    QCOMPARE(*store->tags(), QStringList());

    auto stray = store->commit();
    QVERIFY(!stray);
    QCOMPARE(stray.error().code, ErrorCode::Internal);
}

void TestProjectStore::nestedTransactions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested.taglens"));
    auto store = openStore(path);
    QVERIFY(store);
    RawDatabase raw(path);
    const QString posts = QStringLiteral("SELECT COUNT(*) FROM posts");

    // The inner part is undone, the outer part kept.
    {
        StoreTransaction outer(*store);
        QVERIFY(store->addPost(makePost(QStringLiteral("kept"), 1), QStringLiteral("cats")));
        {
            StoreTransaction inner(*store);
            QVERIFY(store->addPost(makePost(QStringLiteral("undone"), 1), QStringLiteral("cats")));
            QCOMPARE(store->transactionDepth(), 2);
        }
        QVERIFY(outer.commit());
    }
    QCOMPARE(raw.number(posts), 1);

    // An inner commit is undone with its outer transaction.
    {
        StoreTransaction outer(*store);
        {
            StoreTransaction inner(*store);
            QVERIFY(store->addPost(makePost(QStringLiteral("inner"), 1), QStringLiteral("cats")));
            QVERIFY(inner.commit());
        }
        outer.rollback();
    }
    QCOMPARE(raw.number(posts), 1);
    QCOMPARE(store->transactionDepth(), 0);
    QCOMPARE(raw.text(QStringLiteral("SELECT remote_id FROM posts")), QStringLiteral("kept"));
}

void TestProjectStore::recordsHarvests()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("h.taglens")));
    QVERIFY(store);
    auto none = store->latestHarvest();
    QVERIFY(none);
    QVERIFY(!none->has_value());

    HarvestRecord first = harvestRecord({QStringLiteral("cats"), QStringLiteral("dogs")}, kOtherModel);
    first.startedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    first.modelTrained = false;
    auto firstId = store->beginHarvest(first);
    QVERIFY(firstId);
    QVERIFY(store->finishHarvest(*firstId, HarvestStatus::Cancelled));
    auto secondId = store->beginHarvest(harvestRecord({QStringLiteral("food")}));
    QVERIFY(secondId);

    auto latest = store->latestHarvest();
    QVERIFY(latest && latest->has_value());
    QCOMPARE((*latest)->id, *secondId);
    QCOMPARE((*latest)->status, HarvestStatus::Running);
    QVERIFY(!(*latest)->finishedAt.isValid());
    QCOMPARE((*latest)->modelSha256, kModel);

    auto all = store->harvests();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    const HarvestRecord &read = all->at(0);
    QCOMPARE(read.id, *firstId);
    QCOMPARE(read.source, first.source);
    QCOMPARE(read.instance, first.instance);
    QCOMPARE(read.tags, first.tags);
    QCOMPARE(read.parameters, first.parameters);
    QCOMPARE(read.modelName, first.modelName);
    QCOMPARE(read.modelSha256, kOtherModel);
    QCOMPARE(read.modelTrained, false);
    QCOMPARE(read.startedAt, first.startedAt);
    QVERIFY(read.finishedAt.isValid());
    QCOMPARE(read.status, HarvestStatus::Cancelled);

    auto unknown = store->finishHarvest(*secondId + 10, HarvestStatus::Completed);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    // A tag a harvest asked for is part of the project even when it found nothing.
    QCOMPARE(*store->tags(),
             QStringList({QStringLiteral("cats"), QStringLiteral("dogs"), QStringLiteral("food")}));
}

void TestProjectStore::countsPerTag()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("counts.taglens")));
    QVERIFY(store);
    auto a = store->addPost(makePost(QStringLiteral("a"), 3), QStringLiteral("cats"));
    auto b = store->addPost(makePost(QStringLiteral("b"), 2), QStringLiteral("dogs"));
    auto shared = store->addPost(makePost(QStringLiteral("c"), 1), QStringLiteral("cats"));
    QVERIFY(a && b && shared);
    QVERIFY(store->addPost(makePost(QStringLiteral("c"), 1), QStringLiteral("dogs")));
    const ImageRecord image = imageRecord("img");
    QVERIFY(store->addImage(image));
    QVERIFY(store->markOk(a->media.at(0).id, image.sha256));
    QVERIFY(store->markOk(a->media.at(1).id, image.sha256));
    QVERIFY(store->markSkipped(a->media.at(2).id, QStringLiteral("video")));
    QVERIFY(store->markFailed(b->media.at(0).id, Error{ErrorCode::TooLarge, QStringLiteral("30 MB")}));
    QVERIFY(store->markOk(shared->media.at(0).id, image.sha256));

    QCOMPARE(*store->statusCounts(QStringLiteral("cats")), (StatusCounts{0, 3, 1, 0}));
    QCOMPARE(*store->statusCounts(QStringLiteral("dogs")), (StatusCounts{1, 1, 0, 1}));
    QCOMPARE(*store->statusCounts(), (StatusCounts{1, 3, 1, 1}));
    QCOMPARE(*store->okImageCount(QStringLiteral("cats")), 3);
    QCOMPARE(*store->okImageCount(QStringLiteral("dogs")), 1);
}

void TestProjectStore::mediaRowsAreOrderedWithPredictions()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("rows.taglens")));
    QVERIFY(store);
    const auto at = [](int hour) { return QDateTime(QDate(2024, 3, 1), QTime(hour, 0), Qt::UTC); };
    // Added out of order on purpose.
    auto late = store->addPost(makePost(QStringLiteral("late"), 2, at(15)), QStringLiteral("cats"));
    auto early = store->addPost(makePost(QStringLiteral("early"), 1, at(9)), QStringLiteral("cats"));
    auto dog = store->addPost(makePost(QStringLiteral("dog"), 1, at(1)), QStringLiteral("dogs"));
    QVERIFY(store->addPost(makePost(QStringLiteral("early"), 1, at(9)), QStringLiteral("animals")));
    QVERIFY(late && early && dog);
    const ImageRecord image = imageRecord("img");
    QVERIFY(store->addImage(image));
    const Classification classification = makeClassification(11, 5, 8);
    QVERIFY(store->addClassification(image.sha256, kModel, classification));
    QVERIFY(store->markOk(late->media.at(1).id, image.sha256));

    auto rows = store->mediaRows(MediaRowFilter{QString(), kModel, 3});
    QVERIFY(rows);
    QStringList order;
    for (const MediaRow &row : *rows)
        order.append(QStringLiteral("%1/%2/%3").arg(row.tag, row.postRemoteId).arg(row.mediaIndex));
    QCOMPARE(order, QStringList({u"animals/early/0"_s, u"cats/early/0"_s, u"cats/late/0"_s, u"cats/late/1"_s,
                                 u"dogs/dog/0"_s}));

    const MediaRow &ok = rows->at(3);
    QCOMPARE(ok.status, MediaStatus::Ok);
    QCOMPARE(ok.predictions, classification.labels.mid(0, 3));
    QCOMPARE(ok.createdAt, at(15));
    QCOMPARE(ok.postUrl, QUrl(QStringLiteral("https://social.example/@alice/late")));
    QCOMPARE(ok.mediaUrl, QUrl(QStringLiteral("https://files.example/late-1.jpg")));
    QCOMPARE(ok.altText, QStringLiteral("alt of late-1"));
    QCOMPARE(ok.postTags, QStringList{QStringLiteral("cats")});
    QVERIFY(rows->at(2).predictions.isEmpty());

    auto all = store->mediaRows(MediaRowFilter{QStringLiteral("cats"), kModel, 0});
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(2).predictions, classification.labels);
    auto other = store->mediaRows(MediaRowFilter{QStringLiteral("cats"), kOtherModel, 0});
    QVERIFY(other);
    QVERIFY(other->at(2).predictions.isEmpty());
    QCOMPARE(store->transactionDepth(), 0);
}

namespace {

// What mediaRowsByIds() must agree with mediaRows() on, one line per row.
QStringList rowKeys(const QList<MediaRow> &rows)
{
    QStringList keys;
    for (const MediaRow &row : rows) {
        QStringList labels;
        for (const LabelScore &label : row.predictions)
            labels << QStringLiteral("%1:%2:%3").arg(label.index).arg(label.label).arg(double(label.score));
        keys << QStringLiteral("%1/%2/%3/%4 %5 %6 %7x%8 %9 [%10]")
                    .arg(row.tag, row.postRemoteId)
                    .arg(row.mediaIndex)
                    .arg(row.mediaId)
                    .arg(taglens::engine::mediaStatusName(row.status), row.sha256, QString::number(row.width),
                         QString::number(row.height), row.altText, labels.join(QLatin1Char(',')));
    }
    return keys;
}

// Three tags, a post under two of them, one image shared by two media items, two models.
struct RowsProject
{
    QList<qint64> media; // in the order they were added
};

bool writeRowsProject(ProjectStore *store, RowsProject *project)
{
    const auto at = [](int hour) { return QDateTime(QDate(2024, 3, 1), QTime(hour, 0), Qt::UTC); };
    const struct
    {
        const char *id;
        int media;
        int hour;
        const char *tag;
    } posts[] = {{"b", 2, 10, "cats"},
                 {"a", 1, 8, "cats"},
                 {"c", 3, 5, "dogs"},
                 {"a", 1, 8, "animals"},
                 {"d", 1, 20, "dogs"}};
    for (const auto &post : posts) {
        auto ref = store->addPost(makePost(QLatin1String(post.id), post.media, at(post.hour)),
                                  QLatin1String(post.tag));
        if (!ref)
            return false;
        for (const auto &media : ref->media) {
            if (!project->media.contains(media.id))
                project->media << media.id;
        }
    }
    const ImageRecord shared = imageRecord("shared");
    const ImageRecord own = imageRecord("own");
    if (!store->addImage(shared) || !store->addImage(own))
        return false;
    if (!store->addClassification(shared.sha256, kModel, makeClassification(3, 6, 8)) ||
        !store->addClassification(own.sha256, kModel, makeClassification(4, 6, 8)) ||
        !store->addClassification(own.sha256, kOtherModel, makeClassification(5, 6, 8)))
        return false;
    // b-0 and c-2 are the same picture; a-0 has its own; c-0 failed; the rest stay pending.
    return store->markOk(project->media.at(0), shared.sha256) &&
           store->markOk(project->media.at(5), shared.sha256) &&
           store->markOk(project->media.at(2), own.sha256) &&
           store->markFailed(project->media.at(3),
                             Error::make(ErrorCode::Network, QStringLiteral("HTTP 404")));
}

} // namespace

void TestProjectStore::mediaRowsByIds_data()
{
    QTest::addColumn<QList<int>>("picks"); // positions in RowsProject::media
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("topK");
    QTest::addColumn<bool>("readOnly");
    const QString model = kModel;
    QTest::newRow("one ok item") << QList<int>{0} << QString() << model << 3 << false;
    QTest::newRow("a post under two tags") << QList<int>{2} << QString() << model << 0 << false;
    QTest::newRow("that post, one tag") << QList<int>{2} << QStringLiteral("animals") << model << 0 << false;
    QTest::newRow("shared image twice") << QList<int>{0, 5} << QString() << model << 2 << false;
    QTest::newRow("every item") << QList<int>{6, 5, 4, 3, 2, 1, 0} << QString() << model << 5 << false;
    QTest::newRow("duplicates in the list") << QList<int>{1, 1, 3, 1} << QString() << model << 0 << false;
    QTest::newRow("no model") << QList<int>{0, 2, 3} << QString() << QString() << 0 << false;
    QTest::newRow("another model") << QList<int>{0, 2} << QString() << kOtherModel << 0 << false;
    QTest::newRow("tag without those items")
        << QList<int>{0, 1} << QStringLiteral("dogs") << model << 0 << false;
    QTest::newRow("read-only store") << QList<int>{0, 2, 5} << QString() << model << 5 << true;
}

void TestProjectStore::mediaRowsByIds()
{
    QFETCH(QList<int>, picks);
    QFETCH(QString, tag);
    QFETCH(QString, model);
    QFETCH(int, topK);
    QFETCH(bool, readOnly);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("byids.taglens"));
    auto writer = openStore(path);
    QVERIFY(writer);
    RowsProject project;
    QVERIFY(writeRowsProject(writer.get(), &project));
    QCOMPARE(project.media.size(), 7);
    auto reader = readOnly ? openStore(path, ProjectStore::OpenMode::ReadOnly) : nullptr;
    ProjectStore *store = readOnly ? reader.get() : writer.get();
    QVERIFY(store);

    QList<qint64> ids;
    for (const int pick : picks)
        ids << project.media.at(pick);
    const MediaRowFilter filter{tag, model, topK};
    const auto byIds = store->mediaRowsByIds(ids, filter);
    QVERIFY2(byIds, qPrintable(byIds ? QString() : byIds.error().message));
    const auto all = store->mediaRows(filter);
    QVERIFY(all);
    QList<MediaRow> expected;
    for (const MediaRow &row : *all) {
        if (ids.contains(row.mediaId))
            expected << row;
    }
    QCOMPARE(rowKeys(*byIds), rowKeys(expected));
    QVERIFY(!byIds->isEmpty() || tag == QLatin1String("dogs"));
    QCOMPARE(store->transactionDepth(), 0);
}

void TestProjectStore::mediaRowsByIdsIgnoresUnknownIds_data()
{
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<int>("rows");
    QTest::newRow("none") << QList<qint64>{} << 0;
    QTest::newRow("unknown") << QList<qint64>{999999} << 0;
    QTest::newRow("zero and negative") << QList<qint64>{0, -1, std::numeric_limits<qint64>::min()} << 0;
    QTest::newRow("largest id") << QList<qint64>{std::numeric_limits<qint64>::max()} << 0;
    QList<qint64> many;
    for (qint64 i = 1; i <= 40000; ++i) // far beyond SQLite's limit on bound values
        many << i;
    QTest::newRow("40000 ids") << many << 8;
}

void TestProjectStore::mediaRowsByIdsIgnoresUnknownIds()
{
    QFETCH(QList<qint64>, ids);
    QFETCH(int, rows);
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("unknown.taglens")));
    QVERIFY(store);
    RowsProject project;
    QVERIFY(writeRowsProject(store.get(), &project));
    const auto result = store->mediaRowsByIds(ids, MediaRowFilter{QString(), kModel, 0});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->size(), rows);
    if (rows > 0)
        QCOMPARE(rowKeys(*result), rowKeys(*store->mediaRows(MediaRowFilter{QString(), kModel, 0})));
}

void TestProjectStore::twoStoresShareAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.taglens"));
    auto writer = openStore(path);
    QVERIFY(writer);
    auto reader = openStore(path, ProjectStore::OpenMode::ReadOnly);
    QVERIFY(reader);
    QVERIFY(writer->addPost(makePost(QStringLiteral("1"), 2), QStringLiteral("cats")));
    QCOMPARE(reader->statusCounts()->pending, 2);
    // A reader in the middle of a read sees one state while the writer goes on (WAL), and does not
    // hold the writer up.
    QVERIFY(reader->transaction());
    QCOMPARE(reader->statusCounts()->pending, 2);
    QVERIFY(writer->addPost(makePost(QStringLiteral("2"), 1), QStringLiteral("cats")));
    QCOMPARE(reader->statusCounts()->pending, 2);
    QVERIFY(reader->commit());
    QCOMPARE(reader->statusCounts()->pending, 3);
}

void TestProjectStore::settingsRoundTrip()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("settings.taglens")));
    QVERIFY(store);
    QCOMPARE(*store->setting(QStringLiteral("k"), QStringLiteral("fallback")), QStringLiteral("fallback"));
    QVERIFY(store->setSetting(QStringLiteral("k"), QStringLiteral("one")));
    QVERIFY(store->setSetting(QStringLiteral("k"), QStringLiteral("two")));
    QCOMPARE(*store->setting(QStringLiteral("k")), QStringLiteral("two"));
    QVERIFY(store->setSetting(QStringLiteral("empty"), QString()));
    QCOMPARE(*store->setting(QStringLiteral("empty"), QStringLiteral("fallback")), QString());
}

void TestProjectStore::saveCopy_data()
{
    QTest::addColumn<bool>("destinationExists");
    QTest::newRow("new file") << false;
    QTest::newRow("replaces an existing file") << true;
}

void TestProjectStore::saveCopy()
{
    QFETCH(bool, destinationExists);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("source.taglens"));
    const QString copy = dir.filePath(QStringLiteral("copy.taglens"));
    QVERIFY(makeProject(path, 3));
    if (destinationExists) {
        QFile old(copy);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an older file that is replaced");
    }
    auto store = openStore(path);
    QVERIFY(store);
    // Written but not checkpointed (WAL): the copy must contain it all the same.
    QVERIFY(store->addPost(makePost(QStringLiteral("late"), 1), QStringLiteral("dogs")));
    QVERIFY(store->setSetting(QStringLiteral("note"), QStringLiteral("kept")));
    const auto before = store->mediaRows();
    QVERIFY(before);

    const auto saved = store->saveCopy(copy);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    // The source stays usable, and nothing temporary is left beside the copy.
    QVERIFY(store->addPost(makePost(QStringLiteral("after"), 1), QStringLiteral("dogs")));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.part-*")}, QDir::Files), QStringList());

    auto reopened = openStore(copy, ProjectStore::OpenMode::ReadOnly);
    QVERIFY(reopened);
    QVERIFY(reopened->verifyIntegrity());
    const auto rows = reopened->mediaRows();
    QVERIFY(rows);
    QCOMPARE(rows->size(), before->size());
    QCOMPARE(*reopened->setting(QStringLiteral("note")), QStringLiteral("kept"));
    QCOMPARE(*reopened->tags(), *store->tags());
}

void TestProjectStore::saveCopyRefuses_data()
{
    QTest::addColumn<QString>("destination"); // relative to the temporary folder; "@self" = the project
    QTest::addColumn<bool>("inTransaction");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("itself") << "@self" << false << ErrorCode::InvalidArgument;
    QTest::newRow("itself, other spelling")
        << "./sub/../source.taglens" << false << ErrorCode::InvalidArgument;
    QTest::newRow("a folder") << "folder" << false << ErrorCode::InvalidArgument;
    QTest::newRow("missing folder") << "missing/copy.taglens" << false << ErrorCode::Io;
    QTest::newRow("inside a transaction") << "copy.taglens" << true << ErrorCode::InvalidArgument;
    QTest::newRow("empty") << "" << false << ErrorCode::InvalidArgument;
}

void TestProjectStore::saveCopyRefuses()
{
    QFETCH(QString, destination);
    QFETCH(bool, inTransaction);
    QFETCH(ErrorCode, code);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("folder")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    const QString path = dir.filePath(QStringLiteral("source.taglens"));
    QVERIFY(makeProject(path, 1));
    auto store = openStore(path);
    QVERIFY(store);
    if (inTransaction)
        QVERIFY(store->transaction());
    const QString target = destination == QLatin1String("@self") ? path
                           : destination.isEmpty()               ? QString()
                                                                 : dir.filePath(destination);
    const auto saved = store->saveCopy(target);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, code);
    QVERIFY(!saved.error().message.isEmpty());
    if (inTransaction)
        store->rollback();
    // Nothing was written anywhere (besides SQLite's own -wal and -shm), and the project is intact.
    QStringList files = QDir(dir.path()).entryList(QDir::Files);
    files.removeIf([](const QString &f) {
        return f.endsWith(QLatin1String("-wal")) || f.endsWith(QLatin1String("-shm"));
    });
    QCOMPARE(files, QStringList{QStringLiteral("source.taglens")});
    QVERIFY(store->verifyIntegrity());
}

void TestProjectStore::survivesKill()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("killed.taglens"));
    QRandomGenerator rng(20240501);
    qint64 acknowledgedTotal = 0;

    for (int round = 0; round < kKillRounds; ++round) {
        QProcess writer;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kWriterVariable), path);
        writer.setProcessEnvironment(environment);
        writer.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(writer.waitForStarted());

        const int target = 8 + int(rng.bounded(12));
        qint64 harvest = -1;
        int acknowledged = 0;
        const auto readReports = [&] {
            while (writer.canReadLine()) {
                const QByteArray line = writer.readLine().trimmed();
                if (line.startsWith("harvest "))
                    harvest = line.mid(8).toLongLong();
                else if (line.startsWith("committed "))
                    acknowledged = line.mid(10).toInt();
            }
        };
        const QDeadlineTimer deadline(120 * 1000);
        while (acknowledged < target) {
            QVERIFY2(!deadline.hasExpired(), "the writer is too slow");
            QVERIFY2(writer.state() == QProcess::Running || writer.bytesAvailable() > 0,
                     qPrintable(QString::fromLocal8Bit(writer.readAllStandardError())));
            writer.waitForReadyRead(1000);
            readReports();
        }
        // A post takes the writer about 10 ms. Killing right after its report would mostly hit
        // the quiet moment between two posts (reading the pipe wakes this process first), so
        // wait a random part of a post's time to land anywhere in one.
        QThread::usleep(rng.bounded(15000));
        // SIGKILL: no destructor, no rollback, no checkpoint; only what SQLite put on disk counts.
        writer.kill();
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        readReports(); // commits it reported while we waited
        acknowledgedTotal += acknowledged;

        auto store = openStore(path);
        QVERIFY(store);
        const auto integrity = store->verifyIntegrity();
        QVERIFY2(integrity, integrity ? "" : qPrintable(integrity.error().message));
        store.reset();

        RawDatabase raw(path);
        QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        const qint64 thisRound = raw.number(
            QStringLiteral("SELECT COUNT(*) FROM posts WHERE remote_id LIKE 'h%1-%'").arg(harvest));
        // Every acknowledged commit is there; at most the one in flight when the kill came is too.
        QVERIFY2(thisRound == acknowledged || thisRound == acknowledged + 1,
                 qPrintable(QStringLiteral("%1 posts for %2 commits").arg(thisRound).arg(acknowledged)));
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM posts WHERE remote_id = 'h%1-%2'")
                                .arg(harvest)
                                .arg(acknowledged - 1)),
                 1);
        QVERIFY(raw.number(QStringLiteral("SELECT COUNT(*) FROM posts")) >= acknowledgedTotal);
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM harvests")), round + 1);
        // Each post is whole: all its media, each ok with its image, predictions and embedding.
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM posts p WHERE (SELECT COUNT(*) FROM media m "
                                           "WHERE m.post_id = p.id) <> %1")
                                .arg(kWriterMediaPerPost)),
                 0);
        QCOMPARE(raw.number(QStringLiteral(
                     "SELECT COUNT(*) FROM media WHERE post_id NOT IN (SELECT id FROM posts)")),
                 0);
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM media WHERE status <> 'ok'")), 0);
        QCOMPARE(raw.number(QStringLiteral("SELECT COUNT(*) FROM post_tags")),
                 raw.number(QStringLiteral("SELECT COUNT(*) FROM posts")));
        QCOMPARE(
            raw.number(
                QStringLiteral(
                    "SELECT COUNT(*) FROM media m WHERE NOT EXISTS (SELECT 1 FROM images i WHERE i.sha256 = "
                    "m.image_sha256) OR (SELECT COUNT(*) FROM predictions p WHERE p.image_sha256 = "
                    "m.image_sha256) "
                    "<> %1 OR NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.image_sha256 = m.image_sha256 "
                    "AND "
                    "length(e.vector) = %2)")
                    .arg(kWriterLabels)
                    .arg(kEmbeddingSize * 4)),
            0);
        // No image, prediction or embedding without a media item: the post's transaction was all or nothing.
        QCOMPARE(
            raw.number(QStringLiteral("SELECT COUNT(*) FROM images WHERE sha256 NOT IN (SELECT image_sha256 "
                                      "FROM media WHERE image_sha256 IS NOT NULL)")),
            0);
    }
}

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
