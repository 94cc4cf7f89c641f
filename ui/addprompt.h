// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>

class QWidget;

namespace taglens::ui {

/// File ▸ Add Images…, Add Folder… and Add Image Addresses…: what a drop does, without
/// dragging. It asks (file dialogs; the addresses in a dialog that does not block), turns the
/// answer into what a drop carries, and hands it on; the window harvests it as a drop.
class AddPrompt : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Images,
        Folder,
        Addresses,
    };
    /// What the user chose: paths (images, or one folder) or addresses (one per item); empty
    /// when cancelled. Tests answer for the dialogs with this.
    using Chooser = std::function<QStringList(Kind kind)>;

    explicit AddPrompt(QWidget *window);

    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }
    /// Asks for \a kind; the dialogs start in \a folder.
    void ask(Kind kind, const QString &folder);

Q_SIGNALS:
    /// Files or folders, or addresses, to harvest as a drop of them would be.
    void chosen(const QStringList &paths, const QList<QUrl> &urls);
    /// Nothing of what was typed is an address (InvalidArgument).
    void refused(const QString &message);

private:
    void take(Kind kind, const QStringList &chosen);

    QWidget *m_window;
    Chooser m_chooser;
};

} // namespace taglens::ui
