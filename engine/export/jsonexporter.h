// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "exportsnapshot.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace taglens::engine {

/// The reproducibility record: everything the project holds, as one JSON document.
///
///     { "format": "taglens-export", "format_version": 1, "taglens_version", "exported_at",
///       "options": {"top_k", "min_score"},
///       "model": {"name", "sha256", "trained"},
///       "harvests": [{"id", "source", "instance", "tags", "parameters", "model": {…},
///                     "started_at", "finished_at", "status"}],
///       "tags": {"<tag>": {"pending", "ok", "skipped", "failed", "total"}},
///       "items": [{"tag", "source", "instance", "post_id", "post_url", "created_at", "author",
///                  "text", "post_tags", "media_remote_id", "media_index", "media_type",
///                  "media_url", "preview_url", "remote_url", "alt_text", "local_path", "status",
///                  "error_code", "error", "sha256", "width", "height",
///                  "predictions": [{"rank", "label_index", "label", "score"}]}] }
///
/// Times are ISO 8601 UTC; absent values (error of an ok item, unknown width) are null;
/// scores are the stored float32 values written in their shortest exact form.
class JsonExporter
{
public:
    JsonExporter() = delete;

    static QJsonObject toJson(const ExportSnapshot &snapshot);
    static QByteArray render(const ExportSnapshot &snapshot);
    /// Errors: Io.
    static Expected<void> write(const ExportSnapshot &snapshot, const QString &path);
};

} // namespace taglens::engine
