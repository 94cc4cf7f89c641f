// SPDX-License-Identifier: GPL-3.0-or-later
#include "dropcollector.h"

#include "engine/sources/urllistsource.h"

#include <QInputDialog>
#include <QMimeData>
#include <QWidget>

namespace taglens::ui {

DropCollector::DropCollector(QWidget *window) : QObject(window), m_window(window)
{
}

DropCollector::Items DropCollector::itemsIn(const QMimeData *mime)
{
    Items items;
    if (!mime)
        return items;
    if (mime->hasUrls()) {
        const auto urls = mime->urls();
        for (const QUrl &url : urls) {
            const QString scheme = url.scheme().toLower();
            if (url.isLocalFile())
                items.paths << url.toLocalFile();
            else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
                items.urls << url;
            if (items.paths.size() + items.urls.size() >= engine::UrlListSource::MaxUrls)
                break;
        }
    } else if (mime->hasText()) {
        items.urls = engine::UrlListSource::urlsInText(mime->text());
    }
    return items;
}

void DropCollector::collect(const Items &items, const QStringList &existing)
{
    if (items.isEmpty())
        return;
    const QString suggested = items.urls.isEmpty() ? QStringLiteral("local") : QStringLiteral("dropped");
    if (m_chooser) {
        const QString collection = m_chooser(suggested, existing).trimmed();
        if (!collection.isEmpty())
            Q_EMIT collected(items.paths, items.urls, collection);
        return;
    }
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add Dropped Images"));
    const QString files = tr("%n file(s) or folder(s)", nullptr, int(items.paths.size()));
    const QString addresses = tr("%n image address(es)", nullptr, int(items.urls.size()));
    const QString what = items.urls.isEmpty() ? files
                         : items.paths.isEmpty()
                             ? addresses
                             : tr("%1 and %2", "files and addresses").arg(files, addresses);
    dialog->setLabelText(tr("Classify %1 as the collection:").arg(what));
    QStringList choices = existing;
    choices.removeAll(suggested);
    choices.prepend(suggested);
    dialog->setComboBoxItems(choices);
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(suggested);
    dialog->setOkButtonText(tr("&Classify"));
    dialog->setAccessibleName(tr("Collection for the dropped images"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, items](const QString &name) {
        if (!name.trimmed().isEmpty())
            Q_EMIT collected(items.paths, items.urls, name.trimmed());
    });
    dialog->open();
}

} // namespace taglens::ui
