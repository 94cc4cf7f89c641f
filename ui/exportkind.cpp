// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportkind.h"

namespace taglens::ui {

QList<ExportKind> ExportKinds::all()
{
    return {ExportKind::ImagesCsv, ExportKind::SummaryCsv, ExportKind::Json,
            ExportKind::Gexf,      ExportKind::ChartPng,   ExportKind::ChartSvg};
}

ExportKinds::Info ExportKinds::info(ExportKind kind)
{
    switch (kind) {
    case ExportKind::ImagesCsv:
        return {tr("&Images CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), tr("Export Images CSV"),
                tr("CSV files (*.csv)"), QStringLiteral("-images.csv")};
    case ExportKind::SummaryCsv:
        return {tr("&Summary CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Export Summary CSV"),
                tr("CSV files (*.csv)"), QStringLiteral("-summary.csv")};
    case ExportKind::Json:
        return {tr("&JSON…"), {}, tr("Export JSON"), tr("JSON files (*.json)"), QStringLiteral(".json")};
    case ExportKind::Gexf:
        return {tr("&GEXF Network…"),
                {},
                tr("Export GEXF Network"),
                tr("GEXF files (*.gexf)"),
                QStringLiteral(".gexf")};
    case ExportKind::ChartPng:
        return {tr("Chart as &PNG…"),
                {},
                tr("Export Chart as PNG"),
                tr("PNG images (*.png)"),
                QStringLiteral("-chart.png")};
    case ExportKind::ChartSvg:
        return {tr("Chart as S&VG…"),
                {},
                tr("Export Chart as SVG"),
                tr("SVG images (*.svg)"),
                QStringLiteral("-chart.svg")};
    }
    return {};
}

bool ExportKinds::isChart(ExportKind kind)
{
    return kind == ExportKind::ChartPng || kind == ExportKind::ChartSvg;
}

std::optional<engine::ExportJob::Format> ExportKinds::jobFormat(ExportKind kind)
{
    switch (kind) {
    case ExportKind::ImagesCsv:
        return engine::ExportJob::Format::ImagesCsv;
    case ExportKind::SummaryCsv:
        return engine::ExportJob::Format::SummaryCsv;
    case ExportKind::Json:
        return engine::ExportJob::Format::Json;
    case ExportKind::Gexf:
        return engine::ExportJob::Format::Gexf;
    case ExportKind::ChartPng:
    case ExportKind::ChartSvg:
        break;
    }
    return std::nullopt;
}

} // namespace taglens::ui
