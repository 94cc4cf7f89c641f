// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace taglens::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_status(new QLabel(this))
{
    setWindowTitle(tr("TagLens"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("<h2>TagLens</h2><p>What do people actually show in the pictures they post "
                                "under a hashtag?</p>"),
                             central);
    title->setTextFormat(Qt::RichText);
    title->setAlignment(Qt::AlignCenter);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Model status"));
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addStretch();
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    resize(900, 600);
}

void MainWindow::setModelStatus(const QString &status)
{
    m_status->setText(status);
    statusBar()->showMessage(status);
}

} // namespace taglens::ui
