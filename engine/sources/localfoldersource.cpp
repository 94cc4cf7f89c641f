// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfoldersource.h"

#include "../imaging/imagedecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QLoggingCategory>
#include <QSet>
#include <QUrl>
#include <QtConcurrentRun>
#include <atomic>
#include <deque>
#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcLocalFolder, "taglens.engine.sources.local")

namespace taglens::engine {

/// One page read by the walker, with what it has to report.
struct LocalFolderSource::WalkerPage
{
    QList<Post> posts;
    QStringList warnings;
    bool last = false;
    std::optional<Error> error;
};

/// The state of the walk, shared with the pool thread that reads the next page. Only one page is
/// read at a time (PostSource allows one fetch at a time), so it needs no lock; the flag stops a
/// page early when the source is cancelled or destroyed.
struct LocalFolderSource::Walker
{
    struct Entry
    {
        QString path; // absolute, as walked (links keep their names)
        QString base; // the folder the post belongs to: its instance
    };

    using Page = WalkerPage;

    QStringList roots;
    qsizetype nextRoot = 0;
    std::vector<Entry> folders; // a stack: depth first
    std::deque<Entry> files;
    // Symbolic links, to folders or files, wait until every real path was walked, so that the
    // real path names what is found and a link only adds what lies outside the tree.
    std::deque<Entry> links;
    QSet<QString> visitedFolders; // canonical paths
    QSet<QString> seenFiles;      // canonical paths
    std::atomic_bool cancelled{false};

    Page next(int pageSize);
    void addRoot(const QString &path, Page &page);
    void readFolder(const Entry &folder, Page &page);
    void followLink(const Entry &link);
    Post makePost(const Entry &file, Page &page) const;
};

LocalFolderSource::Walker::Page LocalFolderSource::Walker::next(int pageSize)
{
    Page page;
    while (page.posts.size() < pageSize) {
        if (cancelled.load())
            return page;
        if (!files.empty()) {
            const Entry file = files.front();
            files.pop_front();
            page.posts.append(makePost(file, page));
        } else if (!folders.empty()) {
            const Entry folder = folders.back();
            folders.pop_back();
            readFolder(folder, page);
        } else if (nextRoot < roots.size()) {
            addRoot(roots.at(nextRoot++), page);
            if (page.error)
                return page;
        } else if (!links.empty()) {
            const Entry link = links.front();
            links.pop_front();
            followLink(link);
        } else {
            page.last = true;
            break;
        }
    }
    return page;
}

void LocalFolderSource::Walker::addRoot(const QString &path, Page &page)
{
    const QFileInfo info(path);
    const QString absolute = QDir::cleanPath(info.absoluteFilePath());
    if (info.isDir()) {
        visitedFolders.insert(info.canonicalFilePath());
        folders.push_back({absolute, absolute});
        return;
    }
    if (info.isFile()) {
        if (!seenFiles.contains(info.canonicalFilePath())) {
            seenFiles.insert(info.canonicalFilePath());
            files.push_back({absolute, QDir::cleanPath(info.absolutePath())});
        }
        return;
    }
    const QString message = info.exists()
                                ? LocalFolderSource::tr("%1 is neither a file nor a folder.").arg(path)
                                : LocalFolderSource::tr("%1 does not exist.").arg(path);
    if (roots.size() == 1)
        page.error = Error::make(info.exists() ? ErrorCode::InvalidArgument : ErrorCode::NotFound, message);
    else
        page.warnings.append(message);
}

void LocalFolderSource::Walker::readFolder(const Entry &folder, Page &page)
{
    const QDir dir(folder.path);
    if (!QFileInfo(folder.path).isReadable()) {
        page.warnings.append(LocalFolderSource::tr("Cannot read the folder %1.").arg(folder.path));
        return;
    }
    // Without QDir::System there are no devices, pipes, sockets or broken links; without
    // QDir::Hidden no dot-files.
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    std::vector<Entry> subfolders;
    for (const QFileInfo &entry : entries) {
        const QString canonical = entry.canonicalFilePath();
        if (canonical.isEmpty())
            continue;
        if (entry.isSymLink()) {
            links.push_back({entry.absoluteFilePath(), folder.base});
        } else if (entry.isDir()) {
            if (visitedFolders.contains(canonical))
                continue;
            visitedFolders.insert(canonical);
            subfolders.push_back({entry.absoluteFilePath(), folder.base});
        } else if (entry.isFile()) {
            if (seenFiles.contains(canonical))
                continue;
            seenFiles.insert(canonical);
            files.push_back({entry.absoluteFilePath(), folder.base});
        }
    }
    // Reversed onto the stack, so that subfolders are read in name order.
    folders.insert(folders.end(), subfolders.rbegin(), subfolders.rend());
}

void LocalFolderSource::Walker::followLink(const Entry &link)
{
    const QFileInfo info(link.path);
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        return; // broken meanwhile
    if (info.isDir()) {
        if (visitedFolders.contains(canonical)) {
            qCDebug(lcLocalFolder) << "not reading" << link.path << "again: it links to" << canonical;
            return;
        }
        visitedFolders.insert(canonical);
        folders.push_back(link);
    } else if (info.isFile() && !seenFiles.contains(canonical)) {
        seenFiles.insert(canonical);
        files.push_back(link);
    }
}

Post LocalFolderSource::Walker::makePost(const Entry &file, Page &page) const
{
    const QFileInfo info(file.path);
    Post post;
    post.source = QStringLiteral("local");
    post.instance = file.base;
    post.remoteId = QDir(file.base).relativeFilePath(file.path);
    post.url = QUrl::fromLocalFile(file.path);
    post.createdAt = info.lastModified().toUTC();

    MediaItem item;
    item.remoteId = post.remoteId;
    item.type = QStringLiteral("unknown");
    item.url = post.url;
    item.localPath = file.path;
    QFile handle(file.path);
    if (handle.open(QIODevice::ReadOnly)) {
        if (!ImageDecoder::sniffFormat(handle.read(SniffBytes)).isEmpty())
            item.type = QStringLiteral("image");
    } else {
        page.warnings.append(
            LocalFolderSource::tr("Cannot read %1: %2").arg(file.path, handle.errorString()));
    }
    post.media.append(item);
    return post;
}

LocalFolderSource::LocalFolderSource(const QString &folder, QObject *parent)
    : LocalFolderSource(QStringList{folder}, parent)
{
}

LocalFolderSource::LocalFolderSource(const QStringList &paths, QObject *parent)
    : PostSource(parent), m_paths(paths), m_walker(std::make_shared<Walker>())
{
    m_walker->roots = paths;
}

LocalFolderSource::~LocalFolderSource()
{
    m_walker->cancelled = true;
}

void LocalFolderSource::setPageSize(int files)
{
    m_pageSize = qMax(1, files);
}

QString LocalFolderSource::description() const
{
    return m_paths.join(QStringLiteral(", "));
}

void LocalFolderSource::fetchPage()
{
    if (m_paths.isEmpty()) {
        failLater(Error::make(ErrorCode::InvalidArgument, tr("No folder or file was given.")));
        return;
    }
    const quint64 generation = m_generation;
    auto walker = m_walker;
    const int pageSize = m_pageSize;
    auto future = QtConcurrent::run([walker, pageSize] {
                      return walker->next(pageSize);
                  }).then(this, [this, generation](const Walker::Page &page) {
        // then() runs this at once when the page was ready before it was
        // attached; reports must never come from inside fetchNext().
        QMetaObject::invokeMethod(
            this, [this, generation, page] { onPage(generation, page); }, Qt::QueuedConnection);
    });
    Q_UNUSED(future)
}

void LocalFolderSource::onPage(quint64 generation, const WalkerPage &page)
{
    if (generation != m_generation || state() != State::Fetching)
        return;
    if (page.error) {
        fail(*page.error);
        return;
    }
    for (const QString &note : page.warnings) {
        qCWarning(lcLocalFolder).noquote() << note;
        Q_EMIT warning(note);
        if (state() != State::Fetching)
            return; // cancelled by a receiver
    }
    deliver(page.posts, page.last);
}

void LocalFolderSource::abortFetch()
{
    ++m_generation;
    m_walker->cancelled = true;
}

} // namespace taglens::engine
