// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>

namespace taglens::tests {

/// Real photographs for tests and benchmarks: the pictures Debian's python3-skimage ships
/// (a cat, an astronaut, coffee, a rocket, a motorcycle, the moon, coins, ...), read with Qt's
/// own image plugins, so no Python is needed at run time.
///
/// From a handful of base photos it makes as many distinct pictures as asked for, always the
/// same for the same index: variant `i` is base `i % baseCount()`, the first round unchanged,
/// later rounds cropped, turned, mirrored and encoded differently. Each is served like Mastodon
/// serves a photo (long side about 1080 pixels, JPEG) with a small preview (about 230,400
/// pixels, Mastodon's "small" style). Grey photos stay grey (one-channel JPEGs).
///
/// Encoded pictures are kept in memory, and also in a directory when one is set, so a second
/// run (a benchmark) does not encode again. All const functions may be called from several
/// threads at once.
class PhotoSet
{
public:
    struct Base
    {
        QString name; ///< "chelsea", "astronaut", ... (the file name without extension)
        QString path;
        bool grey = false;
        QSize size;
    };

    /// How one variant is made from its base; cheap to compute, no pixels involved.
    struct Recipe
    {
        int base = 0;
        QRect crop;       ///< in the base photo's pixels
        int rotation = 0; ///< 0, 90, 180 or 270 degrees clockwise, after cropping
        bool mirrored = false;
        QSize size;       ///< the final size, long side about longSide()
        int quality = 85; ///< JPEG quality
        bool progressive = false;
    };

    /// The base photos used, by file name in the skimage data directory.
    static QStringList photoFileNames();

    /// Reads the headers of the base photos in \a dataDir (default: Debian's skimage data).
    explicit PhotoSet(const QString &dataDir = QString());
    ~PhotoSet();
    PhotoSet(const PhotoSet &) = delete;
    PhotoSet &operator=(const PhotoSet &) = delete;

    /// False when no base photo could be read (python3-skimage is not installed).
    bool isValid() const;
    QString errorString() const;
    int baseCount() const;
    QList<Base> bases() const;

    /// The long side of full-size variants (default 1080). Set it before asking for pictures.
    void setLongSide(int pixels);
    int longSide() const;
    /// Keeps encoded pictures in \a dir as well (created when missing), for later runs.
    void setCacheDir(const QString &dir);

    Recipe recipe(int index) const;
    QSize size(int index) const;
    QSize previewSize(int index) const;
    QString baseName(int index) const;
    bool isGrey(int index) const;

    /// The variant's pixels at full size (Grayscale8 for grey photos, RGB888 otherwise).
    QImage image(int index) const;
    /// The variant as Mastodon would serve the original: a JPEG, long side longSide().
    QByteArray jpeg(int index) const;
    /// The small preview JPEG.
    QByteArray previewJpeg(int index) const;
    /// The same picture as jpeg(index), encoded as PNG (not cached: rarely needed).
    QByteArray png(int index) const;

    /// Encodes variants 0 .. count-1 (full size and preview) on the global thread pool, so
    /// serving them later costs nothing.
    void prepare(int count) const;

private:
    enum class Rendition
    {
        Full,
        Preview
    };

    QImage baseImage(int base) const;
    QByteArray encoded(int index, Rendition rendition) const;
    QString cachePath(int index, Rendition rendition) const;

    QList<Base> m_bases;
    QString m_error;
    int m_longSide = 1080;
    QString m_cacheDir;

    mutable QMutex m_mutex; // guards the caches below
    mutable QHash<int, QImage> m_baseImages;
    mutable QHash<qint64, QByteArray> m_encoded;
};

} // namespace taglens::tests
