// SPDX-License-Identifier: GPL-3.0-or-later
#include "gridpane.h"

#include "filterbar.h"
#include "mediafiltermodel.h"
#include "projectmodel.h"
#include "thumbnaildelegate.h"
#include "thumbnailgridview.h"

#include <QLabel>
#include <QStyleOptionViewItem>
#include <QVBoxLayout>

namespace taglens::ui {

namespace {

QString emptyHintText()
{
    return GridPane::tr(
        "Type hashtags above and press Start,\nor drop images, folders or image addresses here.");
}

} // namespace

GridPane::GridPane(ProjectModel *model, MediaFilterModel *filter, ThumbnailDelegate *delegate,
                   QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(filter)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filterBar = new FilterBar(m_filter, this);
    layout->addWidget(m_filterBar);
    m_grid = new ThumbnailGridView(this);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true); // keeps layout O(1) per item with thousands of rows
    m_grid->setSpacing(4);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setItemDelegate(delegate);
    m_grid->setModel(m_filter);
    m_grid->setAccessibleName(tr("Images"));
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(200);
    layout->addWidget(m_grid, 1);
    m_emptyHint = new QLabel(emptyHintText(), m_grid->viewport());
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setEnabled(false); // drawn in the palette's disabled text colour
    auto *hintLayout = new QVBoxLayout(m_grid->viewport());
    hintLayout->addWidget(m_emptyHint);

    connect(m_model, &ProjectModel::loadingChanged, this, &GridPane::showLoading);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &GridPane::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &GridPane::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &GridPane::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &GridPane::updateCount);
    connect(m_filter, &MediaFilterModel::filterChanged, this, &GridPane::updateCount);
    updateCount();
}

void GridPane::selectFirstIfNone()
{
    if (!m_grid->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_grid->setCurrentIndex(m_filter->index(0, 0));
}

void GridPane::showLoading(bool loading)
{
    // A large project takes a moment to read (off the GUI thread): say so meanwhile.
    m_emptyHint->setText(loading ? tr("Reading the project…") : emptyHintText());
    if (loading) {
        m_emptyHint->show();
        m_filterBar->showReading();
        m_grid->viewport()->setCursor(Qt::BusyCursor);
    } else {
        m_grid->viewport()->unsetCursor();
        updateCount();
    }
}

void GridPane::updateCount()
{
    if (!m_model->isLoading())
        m_filterBar->showCount(m_filter->rowCount(), m_model->rowCount());
    m_emptyHint->setVisible(m_model->rowCount() == 0);
}

int GridPane::heightForRows(int rows) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_grid);
    const int row = m_grid->itemDelegate()->sizeHint(option, QModelIndex()).height() + m_grid->spacing();
    const int overhead = height() - m_grid->viewport()->height();
    return overhead + rows * row + m_grid->spacing();
}

} // namespace taglens::ui
