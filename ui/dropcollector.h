// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

class QMimeData;
class QWidget;

namespace taglens::ui {

/// What is dropped on the window: it reads the files, folders and image addresses out of a drop
/// and asks which collection they join; collected() says what to harvest.
class DropCollector : public QObject
{
    Q_OBJECT

public:
    /// Local files and folders, and http(s) addresses — as URLs, or as lines of text when the
    /// source offers no URL list.
    struct Items
    {
        QStringList paths;
        QList<QUrl> urls;
        bool isEmpty() const { return paths.isEmpty() && urls.isEmpty(); }
    };
    /// Asks which collection dropped items join (suggested name, the project's tags); empty when
    /// cancelled. Without one, an editable list asks without blocking.
    using CollectionChooser = std::function<QString(const QString &suggested, const QStringList &existing)>;

    /// \a window parents the question.
    explicit DropCollector(QWidget *window);

    /// What \a mime holds that can be harvested (at most UrlListSource::MaxUrls items).
    static Items itemsIn(const QMimeData *mime);

    void setChooser(CollectionChooser chooser) { m_chooser = std::move(chooser); }
    /// Asks for the collection ("local" for files only, "dropped" otherwise, or one of
    /// \a existing), then collected() — or nothing when the question is cancelled.
    void collect(const Items &items, const QStringList &existing);

Q_SIGNALS:
    void collected(const QStringList &paths, const QList<QUrl> &urls, const QString &collection);

private:
    QWidget *m_window;
    CollectionChooser m_chooser;
};

} // namespace taglens::ui
