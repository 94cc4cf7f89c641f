// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelsstatus.h"

#include <QStringList>
#include <algorithm>

namespace taglens::ui {

LabelsStatus::LabelsStatus(QWidget *parent) : QLabel(parent)
{
    setAccessibleName(tr("Labels shown"));
}

void LabelsStatus::setModels(const QList<engine::ModelLabels> &models, const QString &shown)
{
    const auto it = std::find_if(models.cbegin(), models.cend(),
                                 [&shown](const engine::ModelLabels &m) { return m.sha256 == shown; });
    if (it == models.cend() || it->images == 0) {
        clear();
        setToolTip(QString());
        return;
    }
    QString text = tr("Labels: %1").arg(it->name);
    if (models.size() > 1)
        text += QLatin1Char(' ') + tr("(+%n other model(s))", nullptr, int(models.size() - 1));
    setText(text);
    QStringList lines{tr("The grid, the chart and the exports show the labels of %1.").arg(it->name)};
    for (const engine::ModelLabels &model : models)
        lines << tr("%1: labels for %n image(s)", nullptr, model.images).arg(model.name);
    if (models.size() > 1)
        lines << tr("View ▸ Labels From chooses another.");
    setToolTip(lines.join(QLatin1Char('\n')));
}

} // namespace taglens::ui
