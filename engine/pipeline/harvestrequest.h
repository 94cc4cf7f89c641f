// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/sourcekind.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// What a harvest is asked to do. Sources are made per tag by the caller's factory; this only
/// carries what shapes the result and is recorded in the project for reproducibility.
struct HarvestRequest
{
    SourceKind source = SourceKind::Mastodon;
    QString instance;      ///< instance URL, or the folder of a local harvest
    QStringList tags;      ///< normalised, without '#'; a local harvest uses its collection name
    int limitPerTag = 200; ///< classifiable images per tag that end `ok`
    int topK = 5;
    int thumbnailSize = 256;     ///< longest side of the stored JPEG thumbnails
    int maxQueuedMedia = 64;     ///< media waiting for download or decode, per harvest (back-pressure)
    int maxDownloadsPerHost = 6; ///< requests to one host at once, 1–6 (HttpClient's ceiling)
    QJsonObject parameters;      ///< anything else worth recording (the command line, for instance)
};

} // namespace taglens::engine
