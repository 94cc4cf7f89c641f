// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;

namespace taglens::ui {

/// The main window. For now it names the model in use; the hashtag search, the thumbnail grid
/// and the charts arrive with the desktop-app issue.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Shows which model classifies, or why none can.
    void setModelStatus(const QString &status);

private:
    QLabel *m_status;
};

} // namespace taglens::ui
