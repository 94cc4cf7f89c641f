// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

#include <algorithm>

namespace taglens::engine {

namespace {

bool startsLikeFormula(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

bool needsQuotes(const QString &cell)
{
    return std::any_of(cell.cbegin(), cell.cend(),
                       [](QChar c) { return c == u',' || c == u'"' || c == u'\r' || c == u'\n'; });
}

} // namespace

QString CsvWriter::escapeCell(const QString &cell)
{
    const bool formula = startsLikeFormula(cell);
    if (!formula && !needsQuotes(cell))
        return cell;
    QString quoted = cell;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return QStringLiteral("\"") + (formula ? QStringLiteral("'") : QString()) + quoted + QStringLiteral("\"");
}

void CsvWriter::writeRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        line += escapeCell(cells.at(i));
    }
    line += QStringLiteral("\r\n");
    m_data += line.toUtf8();
}

} // namespace taglens::engine
