// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "engine/sources/mediastatus.h"
#include "ui/mediafiltermodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <utility>

namespace taglens::ui {

FilterBar::FilterBar(MediaFilterModel *filter, QWidget *parent)
    : QWidget(parent), m_filter(filter), m_tag(new QComboBox(this)), m_status(new QComboBox(this)),
      m_sort(new QComboBox(this)), m_clearLabel(new QToolButton(this)), m_count(new QLabel(this))
{
    m_tag->setAccessibleName(tr("Filter by tag"));
    m_tag->addItem(tr("All tags"), QString());
    m_status->setAccessibleName(tr("Filter by status"));
    m_status->addItem(tr("Any status"), MediaFilterModel::AnyStatus);
    m_status->addItem(tr("Classified"), int(engine::MediaStatus::Ok));
    m_status->addItem(tr("Skipped"), int(engine::MediaStatus::Skipped));
    m_status->addItem(tr("Failed"), int(engine::MediaStatus::Failed));
    m_status->addItem(tr("Pending"), int(engine::MediaStatus::Pending));
    m_sort->setAccessibleName(tr("Sort order"));
    m_sort->addItem(tr("Project order"), int(MediaFilterModel::SortKey::Project));
    m_sort->addItem(tr("Best score first"), int(MediaFilterModel::SortKey::Score));
    m_sort->addItem(tr("Newest first"), int(MediaFilterModel::SortKey::Date));
    m_sort->addItem(tr("By label"), int(MediaFilterModel::SortKey::Label));
    m_clearLabel->setAccessibleName(tr("Clear label filter"));
    m_clearLabel->setToolTip(tr("Show every label again"));
    m_clearLabel->hide();
    m_count->setAccessibleName(tr("Images shown"));

    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_tag);
    bar->addWidget(m_status);
    bar->addWidget(m_sort);
    bar->addWidget(m_clearLabel);
    bar->addStretch();
    bar->addWidget(m_count);

    connect(m_tag, &QComboBox::currentIndexChanged, this, [this] {
        const QString tag = m_tag->currentData().toString();
        m_filter->setTag(tag);
        Q_EMIT tagChosen(tag);
    });
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatus(m_status->currentData().toInt()); });
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSortKey(MediaFilterModel::SortKey(m_sort->currentData().toInt())); });
    connect(m_clearLabel, &QToolButton::clicked, this, [this] { m_filter->setLabel(QString()); });
    connect(m_filter, &MediaFilterModel::filterChanged, this, [this] {
        // Set elsewhere (a click on the chart's bar): shown here without choosing the tag anew.
        if (const int index = m_tag->findData(m_filter->tag());
            index >= 0 && index != m_tag->currentIndex()) {
            const QSignalBlocker quiet(m_tag);
            m_tag->setCurrentIndex(index);
        }
        m_clearLabel->setVisible(!m_filter->label().isEmpty());
        m_clearLabel->setText(tr("Label: %1 ✕").arg(m_filter->label()));
    });
}

void FilterBar::setTags(const QStringList &tags)
{
    if (this->tags() == tags)
        return;
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    for (const QString &tag : tags)
        m_tag->addItem(QLatin1Char('#') + tag, tag);
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(qMax(0, index));
    if (index < 0 && !current.isEmpty()) { // the tag shown is gone (another project)
        m_filter->setTag(QString());
        Q_EMIT tagChosen(QString());
    }
}

QStringList FilterBar::tags() const
{
    QStringList shown;
    for (int i = 1; i < m_tag->count(); ++i)
        shown << m_tag->itemData(i).toString();
    return shown;
}

void FilterBar::showCount(int shown, int total)
{
    m_count->setText(tr("%n image(s) shown", nullptr, shown) + tr(" of %1").arg(total));
}

void FilterBar::reset()
{
    m_tag->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_filter->setLabel(QString());
}

namespace {

// Names that stay when the list's order or wording changes: what the settings file holds.
const std::pair<MediaFilterModel::SortKey, QLatin1String> SortNames[] = {
    {MediaFilterModel::SortKey::Project, QLatin1String("project")},
    {MediaFilterModel::SortKey::Score, QLatin1String("score")},
    {MediaFilterModel::SortKey::Date, QLatin1String("date")},
    {MediaFilterModel::SortKey::Label, QLatin1String("label")},
};

} // namespace

bool FilterBar::setSortName(const QString &name)
{
    for (const auto &[key, keyName] : SortNames) {
        if (keyName != name)
            continue;
        const int index = m_sort->findData(int(key));
        if (index < 0)
            return false;
        m_sort->setCurrentIndex(index);
        return true;
    }
    return false;
}

QString FilterBar::sortName() const
{
    const auto key = MediaFilterModel::SortKey(m_sort->currentData().toInt());
    for (const auto &[known, keyName] : SortNames) {
        if (known == key)
            return keyName;
    }
    return {};
}

void FilterBar::showReading()
{
    m_count->setText(tr("Reading the project…"));
}

} // namespace taglens::ui
