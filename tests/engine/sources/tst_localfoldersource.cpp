// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sources/localfoldersource.h"
#include "sourcerecorder.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>
#include <sys/types.h>

using taglens::engine::ErrorCode;
using taglens::engine::LocalFolderSource;
using taglens::engine::Post;
using taglens::engine::PostSource;
using taglens::tests::SourceRecorder;

namespace {

QByteArray encoded(const char *format)
{
    QImage image(8, 6, QImage::Format_RGB888);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

const Post *find(const QList<Post> &posts, const QString &remoteId)
{
    for (const Post &post : posts) {
        if (post.remoteId == remoteId)
            return &post;
    }
    return nullptr;
}

} // namespace

class TestLocalFolderSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void nestedFolders();
    void typeByContentNotName_data();
    void typeByContentNotName();
    void symlinkLoopTerminates();
    void emptyFolder();
    void pagesOfFiles();
    void missingFolderFails();
    void listOfFilesAndFolders();
    void hiddenAndSpecialEntries();
    void cancelIsQuiet();

private:
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalFolderSource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLocalFolderSource::cleanup()
{
    m_dir.reset();
}

void TestLocalFolderSource::nestedFolders()
{
    QVERIFY(writeFile(path(QStringLiteral("photos/a.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("photos/sub/b.jpg")), encoded("JPEG")));
    QVERIFY(writeFile(path(QStringLiteral("photos/sub/deeper/c.bmp")), encoded("BMP")));
    QVERIFY(writeFile(path(QStringLiteral("photos/z.png")), encoded("PNG")));
    const QDateTime mtime(QDate(2023, 3, 14), QTime(15, 9, 26), Qt::UTC);
    {
        QFile file(path(QStringLiteral("photos/sub/b.jpg")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
    }

    LocalFolderSource source(path(QStringLiteral("photos")));
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("a.png"), QStringLiteral("z.png"),
                                          QStringLiteral("sub/b.jpg"), QStringLiteral("sub/deeper/c.bmp")}));
    const QString folder = QDir(path(QStringLiteral("photos"))).absolutePath();
    for (const Post &post : std::as_const(recorder.posts)) {
        QCOMPARE(post.source, QStringLiteral("local"));
        QCOMPARE(post.instance, folder);
        QCOMPARE(post.media.size(), 1);
        QCOMPARE(post.media.first().type, QStringLiteral("image"));
        QCOMPARE(post.media.first().localPath, folder + u'/' + post.remoteId);
        QCOMPARE(post.media.first().url, QUrl::fromLocalFile(folder + u'/' + post.remoteId));
        QVERIFY(post.createdAt.isValid());
    }
    QCOMPARE(find(recorder.posts, QStringLiteral("sub/b.jpg"))->createdAt, mtime);
}

void TestLocalFolderSource::typeByContentNotName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("type");
    QTest::newRow("PNG named .txt") << QStringLiteral("notes.txt") << encoded("PNG")
                                    << QStringLiteral("image");
    QTest::newRow("JPEG without extension")
        << QStringLiteral("IMG_0001") << encoded("JPEG") << QStringLiteral("image");
    QTest::newRow("text named .jpg") << QStringLiteral("photo.jpg") << QByteArray("just some words\n")
                                     << QStringLiteral("unknown");
    QTest::newRow("SVG named .png")
        << QStringLiteral("vector.png")
        << QByteArray(R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>)")
        << QStringLiteral("unknown");
    QTest::newRow("empty .png") << QStringLiteral("empty.png") << QByteArray() << QStringLiteral("unknown");
}

void TestLocalFolderSource::typeByContentNotName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, type);
    QVERIFY(writeFile(path(name), content));
    LocalFolderSource source(m_dir->path());
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.posts.size(), 1); // reported either way: nothing is dropped silently
    QCOMPARE(recorder.posts.first().remoteId, name);
    QCOMPARE(recorder.posts.first().media.first().type, type);
}

void TestLocalFolderSource::symlinkLoopTerminates()
{
    QVERIFY(writeFile(path(QStringLiteral("root/a.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("root/sub/b.png")), encoded("PNG")));
    QVERIFY(QFile::link(path(QStringLiteral("root")), path(QStringLiteral("root/sub/loop")))); // absolute
    QVERIFY(QFile::link(QStringLiteral(".."), path(QStringLiteral("root/sub/up"))));           // relative
    QVERIFY(
        QFile::link(path(QStringLiteral("root/sub")), path(QStringLiteral("root/alias")))); // a second way in
    QVERIFY(QFile::link(path(QStringLiteral("root/a.png")),
                        path(QStringLiteral("root/same.png")))); // the same file
    QVERIFY(QFile::link(path(QStringLiteral("nowhere")), path(QStringLiteral("root/broken"))));
    QVERIFY(writeFile(path(QStringLiteral("outside/c.png")), encoded("PNG")));
    QVERIFY(QFile::link(path(QStringLiteral("outside")), path(QStringLiteral("root/linked"))));

    LocalFolderSource source(path(QStringLiteral("root")));
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchAll(10));
    QCOMPARE(recorder.exhaustedCount, 1);
    QStringList ids = recorder.ids();
    ids.sort();
    // Every real file once, under its real path; the linked folder outside the tree is read,
    // under its link's name.
    QCOMPARE(ids, (QStringList{QStringLiteral("a.png"), QStringLiteral("linked/c.png"),
                               QStringLiteral("sub/b.png")}));
}

void TestLocalFolderSource::emptyFolder()
{
    QVERIFY(QDir().mkpath(path(QStringLiteral("empty/also-empty"))));
    LocalFolderSource source(path(QStringLiteral("empty")));
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.pages.size(), 0);
    QCOMPARE(recorder.posts.size(), 0);
    QCOMPARE(source.state(), PostSource::State::Exhausted);
}

void TestLocalFolderSource::pagesOfFiles()
{
    const QByteArray png = encoded("PNG");
    for (int i = 0; i < 250; ++i)
        QVERIFY(writeFile(
            path(QStringLiteral("many/%1/img%2.png").arg(i % 3).arg(i, 3, 10, QLatin1Char('0'))), png));
    LocalFolderSource source(path(QStringLiteral("many")));
    QCOMPARE(source.pageSize(), 100);
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.pages.size(), 3);
    QCOMPARE(recorder.pages.at(0).size(), 100);
    QCOMPARE(recorder.pages.at(1).size(), 100);
    QCOMPARE(recorder.pages.at(2).size(), 50);
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(source.postsDelivered(), 250);
    QStringList ids = recorder.ids();
    ids.removeDuplicates();
    QCOMPARE(ids.size(), 250);
}

void TestLocalFolderSource::missingFolderFails()
{
    LocalFolderSource source(path(QStringLiteral("does-not-exist")));
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.failedCount, 1);
    QCOMPARE(recorder.error->code, ErrorCode::NotFound);
    QVERIFY(recorder.error->message.contains(QStringLiteral("does-not-exist")));
}

void TestLocalFolderSource::listOfFilesAndFolders()
{
    QVERIFY(writeFile(path(QStringLiteral("single/one.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("folder/two.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("folder/deep/three.txt")), "text"));
    LocalFolderSource source(QStringList{path(QStringLiteral("single/one.png")),
                                         path(QStringLiteral("folder")),
                                         path(QStringLiteral("missing.png"))});
    SourceRecorder recorder(source);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("missing.png does not exist")));
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.exhaustedCount, 1);
    QCOMPARE(recorder.ids(), (QStringList{QStringLiteral("one.png"), QStringLiteral("two.png"),
                                          QStringLiteral("deep/three.txt")}));
    QCOMPARE(recorder.posts.at(0).instance, QDir(path(QStringLiteral("single"))).absolutePath());
    QCOMPARE(recorder.posts.at(1).instance, QDir(path(QStringLiteral("folder"))).absolutePath());
    QCOMPARE(recorder.posts.at(2).media.first().type, QStringLiteral("unknown"));
    QCOMPARE(recorder.warnings.size(), 1);
}

void TestLocalFolderSource::hiddenAndSpecialEntries()
{
    QVERIFY(writeFile(path(QStringLiteral("dir/visible.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("dir/.hidden.png")), encoded("PNG")));
    QVERIFY(writeFile(path(QStringLiteral("dir/.git/objects/x.png")), encoded("PNG")));
    // A named pipe: opening it to sniff would block for ever.
    QCOMPARE(::mkfifo(QFile::encodeName(path(QStringLiteral("dir/pipe.png"))).constData(), 0600), 0);
    LocalFolderSource source(path(QStringLiteral("dir")));
    SourceRecorder recorder(source);
    QVERIFY(recorder.fetchAll());
    QCOMPARE(recorder.ids(), QStringList{QStringLiteral("visible.png")});
}

void TestLocalFolderSource::cancelIsQuiet()
{
    const QByteArray png = encoded("PNG");
    for (int i = 0; i < 300; ++i)
        QVERIFY(writeFile(path(QStringLiteral("c/%1.png").arg(i)), png));
    auto source = std::make_unique<LocalFolderSource>(path(QStringLiteral("c")));
    source->setPageSize(50);
    SourceRecorder recorder(*source);
    QVERIFY(recorder.fetchOne());
    QCOMPARE(recorder.posts.size(), 50);
    source->fetchNext();
    source->cancel();
    QCOMPARE(source->state(), PostSource::State::Cancelled);
    QTest::qWait(200); // the pool thread finishes its page; nothing may arrive
    QCOMPARE(recorder.events, 1);
    source->fetchNext();
    QTest::qWait(50);
    QCOMPARE(recorder.events, 1);
    source.reset(); // destroyed while nothing runs: fine
}

QTEST_GUILESS_MAIN(TestLocalFolderSource)
#include "tst_localfoldersource.moc"
