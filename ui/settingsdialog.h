// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QDialog>
#include <functional>

class QLineEdit;
class QSpinBox;

namespace taglens::ui {

/// Edit ▸ Preferences: model threads, batch size, labels kept per image, downloads per server,
/// thumbnail size and the projects folder. The caller stores and applies what it returns; every
/// value takes effect with the next harvest.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Asks for a folder, starting at the given one; empty when cancelled. Tests replace it.
    using FolderChooser = std::function<QString(const QString &current)>;

    explicit SettingsDialog(const AppSettings &current, QWidget *parent = nullptr);

    AppSettings settings() const;
    void setSettings(const AppSettings &settings);
    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }

private:
    void chooseFolder();

    QSpinBox *m_threads;
    QSpinBox *m_batch;
    QSpinBox *m_topK;
    QSpinBox *m_downloads;
    QSpinBox *m_thumbnail;
    QLineEdit *m_folder;
    FolderChooser m_chooseFolder;
};

} // namespace taglens::ui
