// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace taglens::ui {

namespace {

QSpinBox *spinBox(QWidget *parent, const char *name, int min, int max, const QString &accessibleName)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(min, max);
    spin->setAccessibleName(accessibleName);
    return spin;
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &current, QWidget *parent)
    : QDialog(parent),
      m_threads(spinBox(this, "modelThreads", 0, AppSettings::MaxModelThreads, tr("Model threads"))),
      m_batch(spinBox(this, "batchSize", 1, AppSettings::MaxBatchSize, tr("Batch size"))),
      m_topK(spinBox(this, "topK", 1, AppSettings::MaxTopK, tr("Labels stored per image"))),
      m_downloads(spinBox(this, "downloadsPerHost", 1, AppSettings::MaxDownloadsPerHost,
                          tr("Concurrent downloads per server"))),
      m_thumbnail(spinBox(this, "thumbnailSize", 64, 1024, tr("Thumbnail size"))),
      m_folder(new QLineEdit(this))
{
    setWindowTitle(tr("Preferences"));
    m_chooseFolder = [this](const QString &start) {
        return QFileDialog::getExistingDirectory(this, tr("Projects Folder"), start);
    };

    m_threads->setSpecialValueText(tr("One per core (%1)").arg(QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Threads the model uses for one batch; more is faster until the cores run out."));
    m_batch->setToolTip(tr("Images classified together; larger batches are a little faster and use more memory."));
    m_topK->setToolTip(tr("How many of the best labels are stored for each image."));
    m_downloads->setToolTip(tr("Requests sent to one server at the same time. Fewer is kinder to small instances."));
    m_thumbnail->setSingleStep(32);
    m_thumbnail->setSuffix(tr(" px"));
    m_thumbnail->setToolTip(tr("Longest side of the thumbnails stored in the project."));
    m_folder->setObjectName(QStringLiteral("projectFolder"));
    m_folder->setAccessibleName(tr("Projects folder"));
    m_folder->setPlaceholderText(
        QDir::toNativeSeparators(AppSettings().effectiveProjectFolder()));
    m_folder->setToolTip(tr("Where New Project and Open Project start."));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setIcon(QIcon::fromTheme(QStringLiteral("document-open-folder"),
                                     QIcon::fromTheme(QStringLiteral("folder-open"))));
    browse->setAccessibleName(tr("Choose the projects folder"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Model &threads:"), m_threads);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("&Labels per image:"), m_topK);
    form->addRow(tr("&Downloads per server:"), m_downloads);
    form->addRow(tr("T&humbnail size:"), m_thumbnail);
    form->addRow(tr("&Projects folder:"), folderRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(folderRow)))
        label->setBuddy(m_folder);

    auto *note = new QLabel(tr("Changes apply to the next harvest."), this);
    note->setEnabled(false); // drawn in the palette's secondary text colour
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(AppSettings()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setSettings(current);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.modelThreads = m_threads->value();
    s.batchSize = m_batch->value();
    s.topK = m_topK->value();
    s.downloadsPerHost = m_downloads->value();
    s.thumbnailSize = m_thumbnail->value();
    s.projectFolder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    return s;
}

void SettingsDialog::setSettings(const AppSettings &settings)
{
    m_threads->setValue(settings.modelThreads);
    m_batch->setValue(settings.batchSize);
    m_topK->setValue(settings.topK);
    m_downloads->setValue(settings.downloadsPerHost);
    m_thumbnail->setValue(settings.thumbnailSize);
    m_folder->setText(QDir::toNativeSeparators(settings.projectFolder));
}

void SettingsDialog::chooseFolder()
{
    const QString start = m_folder->text().trimmed().isEmpty() ? AppSettings().effectiveProjectFolder()
                                                               : m_folder->text().trimmed();
    const QString chosen = m_chooseFolder ? m_chooseFolder(start) : QString();
    if (!chosen.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(chosen));
}

} // namespace taglens::ui
