// SPDX-License-Identifier: GPL-3.0-or-later
#include "photoset.h"

#include "testpaths.h"

#include <QBuffer>
#include <QColorSpace>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSaveFile>
#include <QTransform>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcPhotoSet, "taglens.tests.photoset")

namespace taglens::tests {

namespace {

// Bump when the recipes or the encoding change, so stale files in a cache directory are not used.
constexpr int RecipeVersion = 2;
// Mastodon's "small" style: the preview is scaled to about this many pixels.
constexpr qint64 PreviewPixels = 230'400;
constexpr int MinCropSide = 96;

/// A small deterministic random source (splitmix64): the same index always gives the same variant,
/// on every machine, which QRandomGenerator does not promise across Qt versions.
class Dice
{
public:
    explicit Dice(quint64 seed) : m_state(seed) {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    double unit() { return double(next() >> 11) / double(1ULL << 53); }

private:
    quint64 m_state;
};

QSize scaledToLongSide(QSize size, int longSide)
{
    const int longest = qMax(size.width(), size.height());
    if (longest <= 0)
        return {};
    const double factor = double(longSide) / longest;
    return QSize(qMax(1, int(std::lround(size.width() * factor))),
                 qMax(1, int(std::lround(size.height() * factor))));
}

QByteArray encode(const QImage &image, const char *format, int quality, bool progressive)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    writer.setOptimizedWrite(true);
    if (!writer.write(image)) {
        qCWarning(lcPhotoSet) << "cannot encode" << format << writer.errorString();
        return {};
    }
    return bytes;
}

} // namespace

QStringList PhotoSet::photoFileNames()
{
    // Only photographs of real scenes, colour first: no drawings, logos, synthetic charts or
    // bi-level scans. motorcycle_right.png is left out: it is nearly the same view as the left.
    return {
        QStringLiteral("chelsea.png"),
        QStringLiteral("astronaut.png"),
        QStringLiteral("coffee.png"),
        QStringLiteral("rocket.jpg"),
        QStringLiteral("motorcycle_left.png"),
        QStringLiteral("hubble_deep_field.jpg"),
        QStringLiteral("retina.jpg"),
        QStringLiteral("ihc.png"),
        QStringLiteral("camera.png"),
        QStringLiteral("moon.png"),
        QStringLiteral("coins.png"),
        QStringLiteral("brick.png"),
        QStringLiteral("grass.png"),
        QStringLiteral("gravel.png"),
        QStringLiteral("cell.png"),
        QStringLiteral("page.png"),
        QStringLiteral("text.png"),
        QStringLiteral("clock_motion.png"),
    };
}

PhotoSet::PhotoSet(const QString &dataDir)
{
    const QString dir = dataDir.isEmpty() ? skimageDataDir() : dataDir;
    if (dir.isEmpty()) {
        m_error = QStringLiteral("no photo directory (install python3-skimage for its sample photos)");
        return;
    }
    const QStringList names = photoFileNames();
    for (const QString &fileName : names) {
        const QString path = QDir(dir).filePath(fileName);
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (!size.isValid()) {
            qCWarning(lcPhotoSet) << "skipping" << path << reader.errorString();
            continue;
        }
        Base base;
        base.name = QFileInfo(fileName).completeBaseName();
        base.path = path;
        base.size = size;
        base.grey = reader.imageFormat() == QImage::Format_Grayscale8 ||
                    reader.imageFormat() == QImage::Format_Grayscale16;
        m_bases.append(base);
    }
    if (m_bases.isEmpty())
        m_error = QStringLiteral("none of the sample photos could be read in %1").arg(dir);
}

PhotoSet::~PhotoSet() = default;

bool PhotoSet::isValid() const
{
    return !m_bases.isEmpty();
}

QString PhotoSet::errorString() const
{
    return m_error;
}

int PhotoSet::baseCount() const
{
    return int(m_bases.size());
}

QList<PhotoSet::Base> PhotoSet::bases() const
{
    return m_bases;
}

void PhotoSet::setLongSide(int pixels)
{
    const QMutexLocker locker(&m_mutex);
    if (pixels == m_longSide)
        return;
    m_longSide = qMax(16, pixels);
    m_encoded.clear();
}

int PhotoSet::longSide() const
{
    return m_longSide;
}

void PhotoSet::setCacheDir(const QString &dir)
{
    if (!dir.isEmpty() && !QDir().mkpath(dir)) {
        qCWarning(lcPhotoSet) << "cannot create the photo cache" << dir;
        return;
    }
    m_cacheDir = dir;
}

PhotoSet::Recipe PhotoSet::recipe(int index) const
{
    Recipe recipe;
    if (m_bases.isEmpty() || index < 0)
        return recipe;
    const int count = baseCount();
    recipe.base = index % count;
    const int round = index / count;
    const QSize baseSize = m_bases.at(recipe.base).size;
    recipe.crop = QRect(QPoint(0, 0), baseSize);
    recipe.quality = 88;
    int longSide = m_longSide;

    if (round > 0) {
        // Later rounds: a different framing of the same scene, as other people would post it.
        Dice dice(quint64(index) * 0x2545F4914F6CDD1DULL + 0x5AB1E);
        static constexpr double Aspects[] = {0.0,        4.0 / 3.0, 3.0 / 2.0, 1.0,
                                             16.0 / 9.0, 4.0 / 5.0, 3.0 / 4.0};
        const double native = double(baseSize.width()) / baseSize.height();
        double aspect = Aspects[dice.below(int(std::size(Aspects)))];
        if (aspect <= 0)
            aspect = native;
        const double area = (0.45 + 0.5 * dice.unit()) * baseSize.width() * baseSize.height();
        double w = std::sqrt(area * aspect);
        double h = w / aspect;
        if (w > baseSize.width()) {
            w = baseSize.width();
            h = w / aspect;
        }
        if (h > baseSize.height()) {
            h = baseSize.height();
            w = h * aspect;
        }
        const int cropW = std::clamp(int(w), qMin(MinCropSide, baseSize.width()), baseSize.width());
        const int cropH = std::clamp(int(h), qMin(MinCropSide, baseSize.height()), baseSize.height());
        const int x = dice.below(baseSize.width() - cropW + 1);
        const int y = dice.below(baseSize.height() - cropH + 1);
        recipe.crop = QRect(x, y, cropW, cropH);

        const int turn = dice.below(10);
        recipe.rotation = turn == 7 ? 90 : turn == 8 ? 270 : turn == 9 ? 180 : 0;
        recipe.mirrored = dice.below(2) == 1;
        recipe.quality = 75 + dice.below(18);
        recipe.progressive = dice.below(4) == 0;
        const int scale = dice.below(8);
        if (scale == 0)
            longSide = m_longSide * 32 / 27; // 1280 next to 1080
        else if (scale == 1)
            longSide = m_longSide * 2 / 3; // 720
    }

    QSize oriented = recipe.crop.size();
    if (recipe.rotation == 90 || recipe.rotation == 270)
        oriented.transpose();
    recipe.size = scaledToLongSide(oriented, longSide);
    return recipe;
}

QSize PhotoSet::size(int index) const
{
    return recipe(index).size;
}

QSize PhotoSet::previewSize(int index) const
{
    const QSize full = size(index);
    const qint64 pixels = qint64(full.width()) * full.height();
    if (pixels <= PreviewPixels)
        return full;
    const double factor = std::sqrt(double(PreviewPixels) / double(pixels));
    return QSize(qMax(1, int(full.width() * factor)), qMax(1, int(full.height() * factor)));
}

QString PhotoSet::baseName(int index) const
{
    return m_bases.isEmpty() ? QString() : m_bases.at(recipe(index).base).name;
}

bool PhotoSet::isGrey(int index) const
{
    return !m_bases.isEmpty() && m_bases.at(recipe(index).base).grey;
}

QImage PhotoSet::baseImage(int base) const
{
    const QMutexLocker locker(&m_mutex);
    if (const auto it = m_baseImages.constFind(base); it != m_baseImages.cend())
        return it.value();
    QImageReader reader(m_bases.at(base).path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        qCWarning(lcPhotoSet) << "cannot read" << m_bases.at(base).path << reader.errorString();
        return {};
    }
    // Smooth scaling is exact and fast on 32-bit pixels; grey photos go back to one channel later.
    image = image.convertToFormat(QImage::Format_RGB32);
    // Some of the PNGs carry a broken sRGB profile; Mastodon re-encodes without it, and so do we.
    image.setColorSpace(QColorSpace());
    m_baseImages.insert(base, image);
    return image;
}

QImage PhotoSet::image(int index) const
{
    if (m_bases.isEmpty() || index < 0)
        return {};
    const Recipe r = recipe(index);
    const QImage base = baseImage(r.base);
    if (base.isNull())
        return {};
    QImage picture = base.copy(r.crop);
    if (r.mirrored)
        picture = picture.mirrored(true, false);
    if (r.rotation != 0)
        picture = picture.transformed(QTransform().rotate(r.rotation));
    picture = picture.scaled(r.size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return picture.convertToFormat(m_bases.at(r.base).grey ? QImage::Format_Grayscale8
                                                           : QImage::Format_RGB888);
}

QString PhotoSet::cachePath(int index, Rendition rendition) const
{
    if (m_cacheDir.isEmpty())
        return {};
    return QStringLiteral("%1/v%2-%3-%4-%5-%6.jpg")
        .arg(m_cacheDir)
        .arg(RecipeVersion)
        .arg(m_longSide)
        .arg(rendition == Rendition::Full ? QStringLiteral("original") : QStringLiteral("small"))
        .arg(index)
        .arg(baseName(index));
}

QByteArray PhotoSet::encoded(int index, Rendition rendition) const
{
    if (m_bases.isEmpty() || index < 0)
        return {};
    const qint64 key = qint64(index) * 2 + (rendition == Rendition::Preview ? 1 : 0);
    {
        const QMutexLocker locker(&m_mutex);
        if (const auto it = m_encoded.constFind(key); it != m_encoded.cend())
            return it.value();
    }

    const QString path = cachePath(index, rendition);
    QByteArray bytes;
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes = file.readAll();
    }
    if (bytes.isEmpty()) {
        const Recipe r = recipe(index);
        QImage picture = image(index);
        if (picture.isNull())
            return {};
        if (rendition == Rendition::Preview)
            picture = picture.scaled(previewSize(index), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        bytes = encode(picture, "jpeg", rendition == Rendition::Preview ? 80 : r.quality,
                       rendition == Rendition::Full && r.progressive);
        if (!bytes.isEmpty() && !path.isEmpty()) {
            QSaveFile file(path); // whole or not at all: a concurrent run may read it
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                qCWarning(lcPhotoSet) << "cannot write the photo cache file" << path;
        }
    }

    const QMutexLocker locker(&m_mutex);
    m_encoded.insert(key, bytes);
    return bytes;
}

QByteArray PhotoSet::jpeg(int index) const
{
    return encoded(index, Rendition::Full);
}

QByteArray PhotoSet::previewJpeg(int index) const
{
    return encoded(index, Rendition::Preview);
}

QByteArray PhotoSet::png(int index) const
{
    const QImage picture = image(index);
    return picture.isNull() ? QByteArray() : encode(picture, "png", -1, false);
}

void PhotoSet::prepare(int count) const
{
    QList<int> indices;
    for (int i = 0; i < count; ++i)
        indices.append(i);
    QtConcurrent::blockingMap(indices, [this](int index) {
        jpeg(index);
        previewJpeg(index);
    });
}

} // namespace taglens::tests
