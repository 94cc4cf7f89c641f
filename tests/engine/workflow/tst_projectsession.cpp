// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectSession: open (create, must exist, refusals), the overview it reads, Save As, one
// operation at a time, and the tag query — all answered through signals, off the test's thread.
#include "engine/store/projectstore.h"
#include "engine/workflow/projectsession.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace taglens::engine;

namespace {

HarvestRecord harvest(const QString &source, const QStringList &tags, const QString &modelSha = {},
                      bool trained = true)
{
    HarvestRecord record;
    record.source = source;
    record.instance = QStringLiteral("https://example.org");
    record.tags = tags;
    record.modelSha256 = modelSha;
    record.modelTrained = trained;
    return record;
}

void addPost(ProjectStore &store, const QString &tag, int n)
{
    Post post;
    post.source = QStringLiteral("mastodon");
    post.instance = QStringLiteral("https://example.org");
    post.remoteId = QString::number(n);
    MediaItem media;
    media.type = QStringLiteral("image");
    media.url = QUrl(QStringLiteral("https://example.org/%1.png").arg(n));
    post.media << media;
    QVERIFY(store.addPost(post, tag));
}

/// An image classified by \a modelSha (the image's bytes: \a n).
void addLabelled(ProjectStore &store, const QString &modelSha, int n)
{
    const QByteArray bytes = QByteArray("image ") + QByteArray::number(n);
    ImageRecord image;
    image.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    image.bytes = bytes;
    image.byteSize = bytes.size();
    QVERIFY(store.addImage(image));
    Classification labels;
    labels.labels = {{1, QStringLiteral("tabby"), 0.6f}};
    QVERIFY(store.addClassification(image.sha256, modelSha, labels));
}

struct Ended
{
    bool opened = false;
    ProjectOverview overview;
    ProjectSession::Operation operation = ProjectSession::Operation::Open;
    Error error;
};

// The one signal an open or Save As ends with; made before the call, since a refusal is at once.
class EndWatch
{
public:
    explicit EndWatch(ProjectSession &session)
        : m_opened(&session, &ProjectSession::opened), m_failed(&session, &ProjectSession::failed)
    {
    }

    Ended wait()
    {
        Ended ended;
        if (!QTest::qWaitFor([&] { return m_opened.count() + m_failed.count() > 0; }, 20000))
            return ended;
        if (!m_opened.isEmpty()) {
            ended.opened = true;
            ended.overview = m_opened.first().first().value<ProjectOverview>();
        } else {
            ended.operation = m_failed.first().at(0).value<ProjectSession::Operation>();
            ended.error = m_failed.first().at(2).value<Error>();
        }
        return ended;
    }

private:
    QSignalSpy m_opened;
    QSignalSpy m_failed;
};

// Opens \a path (or saves as it) and waits for the end.
Ended openAndWait(ProjectSession &session, const QString &path,
                  ProjectSession::OpenMode mode = ProjectSession::OpenMode::CreateIfMissing)
{
    EndWatch watch(session);
    session.open(path, mode);
    return watch.wait();
}

Ended saveAsAndWait(ProjectSession &session, const QString &path)
{
    EndWatch watch(session);
    session.saveAs(path);
    return watch.wait();
}

} // namespace

class TestProjectSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsMissingProjectsAndFolders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/folder/p.taglens"));
        ProjectSession session;
        EndWatch watch(session);
        session.open(path);
        QVERIFY(session.isBusy()); // the open runs on the session's thread
        const Ended ended = watch.wait();
        QVERIFY(ended.opened);
        QVERIFY(ended.overview.created);
        QCOMPARE(ended.overview.path, QFileInfo(path).absoluteFilePath());
        QVERIFY(ended.overview.tags.isEmpty());
        QVERIFY(!ended.overview.lastSearch);
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!session.isBusy());
        QCOMPARE(session.path(), QFileInfo(path).absoluteFilePath());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("name"); // relative to a temporary folder; "" for an empty path
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("contents"); // written to the file first when not empty
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("empty path") << QString() << int(ProjectSession::OpenMode::CreateIfMissing)
                                    << QByteArray() << ErrorCode::InvalidArgument;
        QTest::newRow("missing, must exist")
            << QStringLiteral("gone.taglens") << int(ProjectSession::OpenMode::MustExist) << QByteArray()
            << ErrorCode::NotFound;
        QTest::newRow("a folder") << QStringLiteral(".") << int(ProjectSession::OpenMode::MustExist)
                                  << QByteArray() << ErrorCode::InvalidArgument;
        QTest::newRow("not SQLite") << QStringLiteral("text.taglens")
                                    << int(ProjectSession::OpenMode::MustExist)
                                    << QByteArray("just some text, not a database\n")
                                    << ErrorCode::InvalidArgument;
        QTest::newRow("truncated header")
            << QStringLiteral("cut.taglens") << int(ProjectSession::OpenMode::MustExist)
            << QByteArray("SQLite format 3\0\x10\0", 19) << ErrorCode::InvalidArgument;
    }

    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(int, mode);
        QFETCH(QByteArray, contents);
        QFETCH(ErrorCode, code);
        QTemporaryDir dir;
        const QString path = name.isEmpty() ? QString() : dir.filePath(name);
        if (!contents.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(contents);
        }
        ProjectSession session;
        const Ended ended = openAndWait(session, path, ProjectSession::OpenMode(mode));
        QVERIFY(!ended.opened);
        QCOMPARE(ended.operation, ProjectSession::Operation::Open);
        QCOMPARE(ended.error.code, code);
        QVERIFY(!ended.error.message.isEmpty());
        QVERIFY(!session.isOpen());
        QVERIFY(!session.isBusy());
        if (!contents.isEmpty()) { // nothing is written over a file that is not a project
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), contents);
        }
    }

    void overviewOfAProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        const QString sha1 = QString(64, QLatin1Char('a'));
        const QString sha2 = QString(64, QLatin1Char('b'));
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            QVERIFY(
                (*store)->beginHarvest(harvest(QStringLiteral("mastodon"), {QStringLiteral("cats")}, sha1)));
            QVERIFY(
                (*store)->beginHarvest(harvest(QStringLiteral("pixelfed"), {QStringLiteral("dogs")}, sha1)));
            // Newer, but neither is a hashtag search; the last has no model (nothing classified).
            QVERIFY((*store)->beginHarvest(
                harvest(QStringLiteral("local"), {QStringLiteral("holiday")}, sha2, false)));
            QVERIFY((*store)->beginHarvest(harvest(QStringLiteral("urls"), {QStringLiteral("dropped")})));
            addPost(**store, QStringLiteral("dogs"), 1);
            addPost(**store, QStringLiteral("cats"), 2);
        }
        ProjectSession session;
        const Ended ended = openAndWait(session, path, ProjectSession::OpenMode::MustExist);
        QVERIFY(ended.opened);
        QVERIFY(!ended.overview.created);
        QCOMPARE(ended.overview.modelSha256, sha2);
        QCOMPARE(ended.overview.modelTrained, false);
        QVERIFY(ended.overview.lastSearch);
        QCOMPARE(ended.overview.lastSearch->source, QStringLiteral("pixelfed"));
        QCOMPARE(ended.overview.lastSearch->tags, QStringList{QStringLiteral("dogs")});
        // The harvests' tags and collections too, sorted: what the tag filter offers.
        QCOMPARE(ended.overview.tags, (QStringList{QStringLiteral("cats"), QStringLiteral("dogs"),
                                                   QStringLiteral("dropped"), QStringLiteral("holiday")}));
        QCOMPARE(session.overview().tags, ended.overview.tags);
    }

    void oneOperationAtATime()
    {
        QTemporaryDir dir;
        ProjectSession session;
        QSignalSpy failed(&session, &ProjectSession::failed);
        QSignalSpy opened(&session, &ProjectSession::opened);
        session.open(dir.filePath(QStringLiteral("a.taglens")));
        session.open(dir.filePath(QStringLiteral("b.taglens"))); // refused at once
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(2).value<Error>().code, ErrorCode::InvalidArgument);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(session.path(), QFileInfo(dir.filePath(QStringLiteral("a.taglens"))).absoluteFilePath());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("b.taglens"))));
    }

    void saveAsCopiesAndContinuesThere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        const QString copy = dir.filePath(QStringLiteral("copy.taglens"));
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            addPost(**store, QStringLiteral("cats"), 1);
        }
        ProjectSession session;
        QVERIFY(openAndWait(session, path).opened);
        const Ended saved = saveAsAndWait(session, copy);
        QVERIFY(saved.opened);
        QCOMPARE(saved.overview.path, QFileInfo(copy).absoluteFilePath());
        QCOMPARE(saved.overview.copiedFrom,
                 QFileInfo(path).absoluteFilePath()); // views may keep what they show
        QCOMPARE(saved.overview.tags, QStringList{QStringLiteral("cats")});
        QCOMPARE(session.path(), QFileInfo(copy).absoluteFilePath());
        QVERIFY(QFileInfo::exists(path)); // the original stays where it was
        auto reopened = ProjectStore::open(copy, ProjectStore::OpenMode::ReadOnly);
        QVERIFY(reopened);
        QCOMPARE((*reopened)->tags().valueOr(QStringList()), QStringList{QStringLiteral("cats")});
    }

    void saveAsRefusals_data()
    {
        QTest::addColumn<bool>("openFirst");
        QTest::addColumn<QString>("target"); // relative to the temporary folder
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("no project") << false << QStringLiteral("copy.taglens") << ErrorCode::InvalidArgument;
        QTest::newRow("a folder") << true << QStringLiteral("sub") << ErrorCode::InvalidArgument;
        QTest::newRow("missing folder") << true << QStringLiteral("no/such/copy.taglens") << ErrorCode::Io;
    }

    void saveAsRefusals()
    {
        QFETCH(bool, openFirst);
        QFETCH(QString, target);
        QFETCH(ErrorCode, code);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        ProjectSession session;
        if (openFirst) {
            QVERIFY(openAndWait(session, path).opened);
        }
        const Ended ended = saveAsAndWait(session, dir.filePath(target));
        QVERIFY(!ended.opened);
        QCOMPARE(ended.operation, ProjectSession::Operation::SaveAs);
        QCOMPARE(ended.error.code, code);
        QCOMPARE(session.isOpen(), openFirst);
        if (openFirst)
            QCOMPARE(session.path(), QFileInfo(path).absoluteFilePath()); // still the open project
    }

    void saveAsOntoItselfIsDone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        ProjectSession session;
        QVERIFY(openAndWait(session, path).opened);
        QSignalSpy opened(&session, &ProjectSession::opened);
        session.saveAs(path);
        QCOMPARE(opened.count(), 1);
        QVERIFY(!session.isBusy());
    }

    void tagsAreReadAgainOnRequest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        ProjectSession session;
        QVERIFY(openAndWait(session, path).opened);
        QSignalSpy changed(&session, &ProjectSession::tagsChanged);
        {
            auto writer = ProjectStore::open(path); // as a harvest writes, on a connection of its own
            QVERIFY(writer);
            addPost(**writer, QStringLiteral("birds"), 1);
        }
        session.refresh();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toStringList(), QStringList{QStringLiteral("birds")});
        QCOMPARE(session.tags(), QStringList{QStringLiteral("birds")});
        session.refresh(); // nothing new: no signal
        QTest::qWait(200);
        QCOMPARE(changed.count(), 1);
    }

    // Issue 17 #1: whose labels are shown is the user's choice, kept in the project; a harvest
    // that brings another model's labels is read by refresh() without changing what is shown.
    void theChosenLabelsAreKeptInTheProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        const QString a(64, QLatin1Char('a'));
        const QString b(64, QLatin1Char('b'));
        {
            auto store = ProjectStore::open(path);
            QVERIFY(store);
            QVERIFY((*store)->beginHarvest(harvest(QStringLiteral("local"), {QStringLiteral("x")}, a)));
            for (int n = 0; n < 3; ++n)
                addLabelled(**store, a, n);
        }
        ProjectSession session;
        Ended ended = openAndWait(session, path);
        QVERIFY(ended.opened);
        QCOMPARE(ended.overview.modelSha256, a);
        QCOMPARE(ended.overview.models.size(), 1);

        QSignalSpy labels(&session, &ProjectSession::labelsChanged);
        {
            auto writer = ProjectStore::open(path); // a harvest with b, on a connection of its own
            QVERIFY(writer);
            QVERIFY((*writer)->beginHarvest(harvest(QStringLiteral("local"), {QStringLiteral("x")}, b)));
            addLabelled(**writer, b, 0);
        }
        session.refresh();
        QTRY_COMPARE(labels.count(), 1);
        QCOMPARE(session.overview().models.size(), 2);
        QCOMPARE(session.overview().modelSha256, a); // still the one with the most images

        session.chooseLabels(b);
        QTRY_COMPARE(labels.count(), 2);
        QCOMPARE(session.overview().modelSha256, b);
        session.refresh(); // nothing new: no signal
        QTest::qWait(200);
        QCOMPARE(labels.count(), 2);

        session.close();
        ended = openAndWait(session, path); // the choice is the project's
        QVERIFY(ended.opened);
        QCOMPARE(ended.overview.modelSha256, b);
        session.chooseLabels(QString()); // back to the rule
        QTRY_COMPARE(labels.count(), 3);
        QCOMPARE(session.overview().modelSha256, a);

        session.close();
        QSignalSpy failed(&session, &ProjectSession::failed);
        session.chooseLabels(b);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).value<ProjectSession::Operation>(),
                 ProjectSession::Operation::ChooseLabels);
        QCOMPARE(failed.first().at(2).value<Error>().code, ErrorCode::InvalidArgument);
    }

    void lateTagReadsAreDroppedAfterClose()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.taglens"));
        ProjectSession session;
        QVERIFY(openAndWait(session, path).opened);
        {
            auto writer = ProjectStore::open(path);
            QVERIFY(writer);
            addPost(**writer, QStringLiteral("cats"), 1);
        }
        QSignalSpy changed(&session, &ProjectSession::tagsChanged);
        session.refresh(); // would report "cats", but the project is closed before it lands
        session.close();
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!session.isOpen());
        QVERIFY(session.tags().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProjectSession)
#include "tst_projectsession.moc"
