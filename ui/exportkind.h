// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/workflow/exportjob.h"

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <optional>

namespace taglens::ui {

/// What File ▸ Export writes: the project's files (through engine::ExportJob) or the chart.
enum class ExportKind
{
    ImagesCsv,
    SummaryCsv,
    Json,
    Gexf,
    ChartPng,
    ChartSvg,
};

/// Each export's menu item, file dialog and file format, in one table.
class ExportKinds
{
    Q_DECLARE_TR_FUNCTIONS(ExportKinds)

public:
    struct Info
    {
        QString menuText; ///< with its access key
        QKeySequence shortcut;
        QString dialogTitle; ///< of the save dialog
        QString fileFilter;  ///< the dialog's name filter
        QString suffix;      ///< appended to the project's base name for the suggested file
    };

    ExportKinds() = delete;

    /// In menu order.
    static QList<ExportKind> all();
    static Info info(ExportKind kind);
    static bool isChart(ExportKind kind);
    /// The project file format (empty for the chart's images).
    static std::optional<engine::ExportJob::Format> jobFormat(ExportKind kind);
};

} // namespace taglens::ui
