// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "exportsnapshot.h"

#include <QByteArray>
#include <QString>

namespace taglens::engine {

/// A co-label network as GEXF 1.3, the format Gephi reads natively.
///
/// Nodes are the labels that at least one `ok` image has in its top-K with a score of at least
/// options.minScore; attribute "images" counts those images, "label_index" is the model's class
/// index. An undirected edge joins two labels that are both in the top-K (each scoring at least
/// minScore) of the same image; its weight counts such images. An image is a media item: one
/// found under two tags counts once, the same picture in two posts counts twice.
class GexfExporter
{
public:
    GexfExporter() = delete;

    static QByteArray render(const ExportSnapshot &snapshot);
    /// Errors: Io.
    static Expected<void> write(const ExportSnapshot &snapshot, const QString &path);
};

} // namespace taglens::engine
