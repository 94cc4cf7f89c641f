// SPDX-License-Identifier: GPL-3.0-or-later
#include "addprompt.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QRegularExpression>

namespace taglens::ui {

AddPrompt::AddPrompt(QWidget *window) : QObject(window), m_window(window)
{
}

void AddPrompt::ask(Kind kind, const QString &folder)
{
    if (m_chooser)
        return take(kind, m_chooser(kind));
    switch (kind) {
    case Kind::Images:
        return take(kind, QFileDialog::getOpenFileNames(
                              m_window, tr("Add Images"), folder,
                              tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp);;All files (*)")));
    case Kind::Folder: {
        const QString chosen =
            QFileDialog::getExistingDirectory(m_window, tr("Add a Folder of Images"), folder);
        return take(kind, chosen.isEmpty() ? QStringList() : QStringList{chosen});
    }
    case Kind::Addresses: {
        // Not exec(): the window goes on while the dialog is open.
        auto *dialog = new QInputDialog(m_window);
        dialog->setObjectName(QStringLiteral("addAddresses"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Add Image Addresses"));
        dialog->setLabelText(tr("Image addresses, one per line:"));
        dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
            take(Kind::Addresses, text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts));
        });
        dialog->open();
        return;
    }
    }
}

void AddPrompt::take(Kind kind, const QStringList &chosen)
{
    if (chosen.isEmpty())
        return;
    if (kind != Kind::Addresses)
        return Q_EMIT this->chosen(chosen, {});
    QList<QUrl> urls;
    for (const QString &item : chosen) {
        const QUrl url(item.trimmed(), QUrl::StrictMode);
        if (url.isValid() && !url.isRelative())
            urls << url;
    }
    if (urls.isEmpty())
        return Q_EMIT refused(tr("None of that is an image address (https://…)."));
    Q_EMIT this->chosen({}, urls); // the planner leaves out what cannot be fetched, and says so
}

} // namespace taglens::ui
