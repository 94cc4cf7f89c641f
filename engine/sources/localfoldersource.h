// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "postsource.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace taglens::engine {

/// Image files on this computer as posts: folders (recursively) and single files.
///
/// - One Post per file: source "local", instance = the folder's absolute path (for a single file:
///   its folder's), remoteId = the path relative to that folder, createdAt = the file's
///   modification time (UTC), url = a file:// URL; its single MediaItem has localPath set.
/// - Images are recognised by content (ImageDecoder::sniffFormat() on the first bytes), never by
///   name: a PNG called .txt is an "image", a text file called .jpg is "unknown" — and still
///   reported, so that the pipeline marks it skipped. Nothing found is dropped silently; a file
///   that cannot be read is reported as "unknown" with a warning().
/// - Hidden entries (names starting with '.') and things that are not regular files (devices,
///   pipes, sockets, broken links) are not posts. Symbolic links (to folders or files) are
///   followed after everything else was walked, and every folder and file is read once (by its
///   canonical path): link loops end, a file is reported under its real path when it has one in
///   the tree, and a link adds only what lies outside it.
/// - Folders are walked lazily, a page at a time (pageSize() files), in name order, on a
///   thread-pool thread.
/// - A folder or file given that does not exist: failed(NotFound) when it is the only one given,
///   otherwise a warning() and the rest are read.
class LocalFolderSource : public PostSource
{
    Q_OBJECT

public:
    /// Reads \a folder recursively.
    explicit LocalFolderSource(const QString &folder, QObject *parent = nullptr);
    /// Reads each of \a paths: folders recursively, files as they are.
    explicit LocalFolderSource(const QStringList &paths, QObject *parent = nullptr);
    ~LocalFolderSource() override;

    /// Files per page (default 100).
    void setPageSize(int files);
    int pageSize() const { return m_pageSize; }

    QString description() const override;

    /// How many leading bytes are read to recognise an image.
    static constexpr qint64 SniffBytes = 512;

protected:
    void fetchPage() override;
    void abortFetch() override;

private:
    struct Walker;
    struct WalkerPage;
    void onPage(quint64 generation, const WalkerPage &page);

    QStringList m_paths;
    std::shared_ptr<Walker> m_walker;
    int m_pageSize = 100;
    quint64 m_generation = 0;
};

} // namespace taglens::engine
