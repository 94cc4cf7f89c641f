// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "exportsnapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// The images CSV: one row per media item under each tag it was found under, every status,
/// with the top-K predictions of the snapshot's model:
///
///     tag,source,post_id,post_url,created_at,author,media_url,media_index,alt_text,status,error,
///     sha256,width,height,label_1,score_1,…,label_K,score_K
///
/// post_id is the id on the instance; created_at is ISO 8601 UTC with milliseconds; error is
/// why an item failed or was skipped; width and height are empty when unknown; scores have six
/// decimals; missing ranks are empty. Quoting and formula neutralisation as CsvWriter.
class ImagesCsvExporter
{
public:
    ImagesCsvExporter() = delete;

    static QStringList header(int labelColumns);
    static QByteArray render(const ExportSnapshot &snapshot);
    /// Errors: Io.
    static Expected<void> write(const ExportSnapshot &snapshot, const QString &path);
};

} // namespace taglens::engine
