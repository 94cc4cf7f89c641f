// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/modellabels.h"

#include <QLabel>
#include <QList>

namespace taglens::ui {

/// The status bar's note of whose labels are on screen ("Labels: inception_v3 (+1 other
/// model)"), with every model's count in its tooltip. Labels are kept per model, so a project
/// extended with another model holds both; this says which the grid, the chart and the exports show.
class LabelsStatus : public QLabel
{
    Q_OBJECT

public:
    explicit LabelsStatus(QWidget *parent = nullptr);

    /// \a models as ModelLabels::of() lists them; \a shown the one on screen. Empty when the
    /// shown model has no labels yet.
    void setModels(const QList<engine::ModelLabels> &models, const QString &shown);
};

} // namespace taglens::ui
