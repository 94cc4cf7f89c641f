// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace taglens::bench {

/// Writes a large project as a harvest would have left it: posts under several tags, each image
/// with a distinct real JPEG thumbnail (crops of real photos), top-5 predictions and a 2048-float
/// embedding, plus a few failed and skipped items. Thumbnails are encoded on the thread pool a
/// chunk at a time, and each chunk is written in one transaction.
class BigProjectBuilder
{
public:
    struct Options
    {
        int images = 10000;      ///< media items that end `ok`
        QStringList tags;        ///< the hashtags; the first gets the most posts
        QStringList labels;      ///< the model's labels (ImageNet's 1000)
        QString modelSha256;     ///< the predictions are stored under this model
        int thumbnailSize = 256; ///< as HarvestRequest::thumbnailSize
    };
    struct Result
    {
        int ok = 0;
        int failed = 0;
        int skipped = 0;
        qint64 thumbnailBytes = 0;
        double seconds = 0;
        QString error; ///< empty on success
    };

    static Result build(const QString &path, const Options &options);
};

} // namespace taglens::bench
