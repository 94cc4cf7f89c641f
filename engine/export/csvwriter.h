// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// Builds RFC 4180 CSV in UTF-8: CRLF after every record; a cell is quoted when it holds a
/// comma, a quote, CR or LF, with its quotes doubled.
///
/// Cells are also made safe to open in a spreadsheet: one starting with '=', '+', '-', '@',
/// a tab or CR would run as a formula there (OWASP "CSV injection"), so it gets a leading
/// apostrophe and is quoted. A reader sees the apostrophe; a spreadsheet shows it as text.
class CsvWriter
{
public:
    void writeRow(const QStringList &cells);
    /// The CSV so far, UTF-8 without a byte-order mark.
    const QByteArray &data() const { return m_data; }

    /// One cell as it appears in the file.
    static QString escapeCell(const QString &cell);

private:
    QByteArray m_data;
};

} // namespace taglens::engine
