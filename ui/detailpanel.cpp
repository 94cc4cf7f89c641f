// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpanel.h"

#include "engine/inference/labelscore.h"
#include "engine/sources/mediastatus.h"
#include "projectmodel.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcDetailPanel, "taglens.ui.detailpanel")

namespace taglens::ui {

DetailPanel::DetailPanel(QWidget *parent)
    : QWidget(parent), m_image(new QLabel(this)), m_labels(new QWidget(this)),
      m_labelsLayout(new QVBoxLayout(m_labels)), m_meta(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_alt(new QLabel(this)), m_mediaUrl(new QLineEdit(this)),
      m_openPost(new QPushButton(tr("&Open post in browser"), this))
{
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setWordWrap(true);
    m_image->setMinimumSize(ImageBox, ImageBox);
    m_image->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_image->setAccessibleName(tr("Selected image"));
    m_labelsLayout->setContentsMargins(0, 0, 0, 0);
    m_labels->setAccessibleName(tr("Top labels"));
    m_meta->setWordWrap(true);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setAccessibleName(tr("Author and date"));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Post text"));
    m_text->setMaximumHeight(120);
    m_alt->setWordWrap(true);
    m_alt->setTextFormat(Qt::PlainText);
    m_alt->setAccessibleName(tr("Alt text"));
    m_mediaUrl->setReadOnly(true); // long URLs scroll inside it instead of widening the panel
    m_mediaUrl->setFrame(false);
    m_mediaUrl->setAccessibleName(tr("Media URL"));
    m_openPost->setAccessibleName(tr("Open post in browser"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_image);
    layout->addWidget(m_labels);
    layout->addWidget(m_meta);
    layout->addWidget(m_text);
    layout->addWidget(m_alt);
    layout->addWidget(m_mediaUrl);
    layout->addWidget(m_openPost);
    layout->addStretch();
    connect(m_openPost, &QPushButton::clicked, this, [this] { Q_EMIT openPostRequested(m_postUrl); });
    setIndex({});
}

void DetailPanel::setIndex(const QModelIndex &index)
{
    m_index = index;
    refresh();
}

void DetailPanel::refresh()
{
    while (QLayoutItem *item = m_labelsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QModelIndex index = m_index;
    if (!index.isValid()) {
        m_image->setPixmap({});
        m_image->setText(tr("Select an image to see what the model saw in it."));
        m_meta->clear();
        m_text->clear();
        m_alt->clear();
        m_mediaUrl->clear();
        m_mediaUrl->hide();
        m_postUrl.clear();
        m_openPost->setEnabled(false);
        for (QWidget *w : {static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_alt),
                           static_cast<QWidget *>(m_openPost)})
            w->hide();
        return;
    }
    for (QWidget *w :
         {static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_alt), static_cast<QWidget *>(m_openPost)})
        w->show();
    // The preview comes decoded and fitted to the box off the GUI thread; until it is in, the
    // grid's thumbnail stands in, stretched the cheap way.
    QImage image = index.data(ProjectModel::PreviewRole).value<QImage>();
    const bool preview = !image.isNull();
    if (!preview)
        image = index.data(ProjectModel::ThumbnailRole).value<QImage>();
    if (image.isNull()) {
        m_image->setPixmap({});
        const auto status = engine::MediaStatus(index.data(ProjectModel::StatusRole).toInt());
        const QString reason = index.data(ProjectModel::ErrorRole).toString();
        switch (status) {
        case engine::MediaStatus::Ok:
            m_image->setText(tr("Loading…"));
            break;
        case engine::MediaStatus::Pending: // an interrupted harvest: the next one resumes it
            m_image->setText(tr("Not fetched yet: harvesting this tag again fetches and classifies it."));
            break;
        case engine::MediaStatus::Skipped:
            m_image->setText(reason.isEmpty() ? tr("Skipped: not a still image.")
                                              : tr("Skipped: %1").arg(reason));
            break;
        case engine::MediaStatus::Failed:
            m_image->setText(reason.isEmpty() ? tr("Could not be fetched or read.")
                                              : tr("Could not be fetched or read: %1").arg(reason));
            break;
        }
    } else {
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap =
            QPixmap::fromImage(preview ? image
                                       : image.scaled(QSize(ImageBox, ImageBox) * ratio, Qt::KeepAspectRatio,
                                                      Qt::FastTransformation));
        pixmap.setDevicePixelRatio(ratio);
        m_image->setPixmap(pixmap);
    }

    const auto predictions = index.data(ProjectModel::PredictionsRole).value<QList<engine::LabelScore>>();
    const bool untrained = index.data(ProjectModel::UntrainedModelRole).toBool();
    if (untrained) {
        auto *warning = new QLabel(tr("Untrained test model: these labels mean nothing."), m_labels);
        warning->setStyleSheet(QStringLiteral("color: #d35400; font-weight: bold"));
        warning->setWordWrap(true);
        m_labelsLayout->addWidget(warning);
    }
    for (int i = 0; i < predictions.size() && i < 5; ++i) {
        auto *bar = new QProgressBar(m_labels);
        bar->setRange(0, 1000);
        bar->setValue(qRound(double(predictions.at(i).score) * 1000.0));
        bar->setFormat(tr("%1 — %2%")
                           .arg(predictions.at(i).label)
                           .arg(double(predictions.at(i).score) * 100.0, 0, 'f', 1));
        bar->setAccessibleName(predictions.at(i).label);
        bar->setTextVisible(true);
        m_labelsLayout->addWidget(bar);
    }

    const QDateTime created = index.data(ProjectModel::CreatedAtRole).toDateTime();
    const QString author = index.data(ProjectModel::AuthorRole).toString();
    m_meta->setText(tr("#%1 · %2 · %3")
                        .arg(index.data(ProjectModel::TagRole).toString(),
                             author.isEmpty() ? tr("unknown author") : author,
                             created.isValid()
                                 ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)
                                 : tr("unknown date")));
    // Post text arrives from strangers: shown as plain text, never interpreted as markup.
    m_text->setPlainText(index.data(ProjectModel::PostTextRole).toString());
    const QString alt = index.data(ProjectModel::AltTextRole).toString();
    m_alt->setText(alt.isEmpty() ? tr("No alt text.") : tr("Alt text: %1").arg(alt));
    const QUrl mediaUrl = index.data(ProjectModel::MediaUrlRole).toUrl();
    m_mediaUrl->setText(mediaUrl.toDisplayString());
    m_mediaUrl->setToolTip(mediaUrl.toDisplayString());
    m_mediaUrl->setCursorPosition(0);
    m_mediaUrl->setVisible(!mediaUrl.isEmpty());
    m_postUrl = index.data(ProjectModel::PostUrlRole).toUrl();
    m_openPost->setEnabled(m_postUrl.isValid() && !m_postUrl.isEmpty());
    qCDebug(lcDetailPanel) << "showing media" << index.data(ProjectModel::MediaIdRole).toLongLong();
}

QString DetailPanel::labelsText() const
{
    QStringList lines;
    const auto bars = m_labels->findChildren<QProgressBar *>();
    for (const QProgressBar *bar : bars)
        lines << bar->text();
    return lines.join(QLatin1Char('\n'));
}

QString DetailPanel::postText() const
{
    return m_text->toPlainText();
}

QImage DetailPanel::shownImage() const
{
    return m_image->pixmap().toImage();
}

} // namespace taglens::ui
