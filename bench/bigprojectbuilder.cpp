// SPDX-License-Identifier: GPL-3.0-or-later
#include "bigprojectbuilder.h"

#include "engine/store/projectstore.h"
#include "support/photoset.h"

#include <QBuffer>
#include "engine/core/sha256.h"
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace taglens::bench {

namespace {

constexpr int Chunk = 250;
constexpr int EmbeddingSize = 2048;
constexpr int TopK = 5;

quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// A few hundred pixels per side: thumbnails are crops of these.
QList<QImage> baseImages()
{
    QList<QImage> bases;
    const tests::PhotoSet photos;
    if (photos.isValid()) {
        const int count = photos.baseCount() * 2; // the first round and one round of variants
        for (int i = 0; i < count; ++i) {
            bases << photos.image(i)
                         .scaled(QSize(560, 560), Qt::KeepAspectRatio, Qt::SmoothTransformation)
                         .convertToFormat(QImage::Format_RGB32);
        }
    }
    if (bases.isEmpty()) { // no python3-skimage: gradients, still compressible like photos
        for (int i = 0; i < 8; ++i) {
            QImage image(560, 420, QImage::Format_RGB32);
            QPainter painter(&image);
            QLinearGradient gradient(0, 0, 560, 420);
            gradient.setColorAt(0, QColor::fromHsv(i * 45, 180, 220));
            gradient.setColorAt(1, QColor::fromHsv((i * 45 + 120) % 360, 200, 80));
            painter.fillRect(image.rect(), gradient);
            bases << image;
        }
    }
    return bases;
}

struct Thumbnail
{
    QByteArray jpeg;
    QSize size;
};

Thumbnail makeThumbnail(const QList<QImage> &bases, int i, int longSide)
{
    const quint32 h = mix(quint32(i) * 2654435761U + 1);
    const QImage &base = bases.at(i % bases.size());
    const double fraction = 0.5 + 0.45 * double(h & 0xff) / 255.0;
    int w = qMax(16, int(base.width() * fraction));
    int ht = qMax(16, int(base.height() * fraction));
    switch ((h >> 8) % 3) {
    case 1: // landscape 4:3
        ht = qMin(ht, w * 3 / 4);
        break;
    case 2: // square
        w = ht = qMin(w, ht);
        break;
    default:
        break;
    }
    const int x = int((h >> 12) % quint32(base.width() - w + 1));
    const int y = int((h >> 20) % quint32(base.height() - ht + 1));
    QImage image = base.copy(x, y, w, ht);
    if ((h >> 28) & 1)
        image = image.mirrored(true, false);
    image = image.scaled(QSize(longSide, longSide), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // The item's number in tiny squares, so that no two thumbnails have the same bytes.
    for (int bit = 0; bit < 20; ++bit) {
        const QRgb colour = (i >> bit) & 1 ? qRgb(250, 250, 250) : qRgb(5, 5, 5);
        for (int dy = 0; dy < 3; ++dy)
            for (int dx = 0; dx < 3; ++dx)
                image.setPixel(2 + bit * 3 + dx, image.height() - 5 + dy, colour);
    }
    Thumbnail t;
    t.size = image.size();
    QBuffer buffer(&t.jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 82);
    return t;
}

QString postText(int i, const QString &tag, std::mt19937 &random)
{
    static const QStringList words = {
        QStringLiteral("morning"), QStringLiteral("light"), QStringLiteral("walk"),   QStringLiteral("garden"),
        QStringLiteral("friends"), QStringLiteral("coffee"), QStringLiteral("city"),   QStringLiteral("rain"),
        QStringLiteral("weekend"), QStringLiteral("colours"), QStringLiteral("river"), QStringLiteral("old"),
        QStringLiteral("new"),     QStringLiteral("photo"),  QStringLiteral("quiet"),  QStringLiteral("street")};
    QString text = QStringLiteral("Day %1 ").arg(i);
    const int count = 8 + int(random() % 40);
    for (int w = 0; w < count; ++w)
        text += words.at(int(random() % quint32(words.size()))) + QLatin1Char(' ');
    return text + QLatin1Char('#') + tag;
}

} // namespace

BigProjectBuilder::Result BigProjectBuilder::build(const QString &path, const Options &options)
{
    Result result;
    QElapsedTimer clock;
    clock.start();
    auto opened = engine::ProjectStore::open(path);
    if (!opened) {
        result.error = opened.error().message;
        return result;
    }
    engine::ProjectStore &store = **opened;
    const QStringList tags = options.tags.isEmpty() ? QStringList{QStringLiteral("photography")} : options.tags;
    QStringList labels = options.labels;
    for (int i = int(labels.size()); i < 1000; ++i)
        labels << QStringLiteral("label %1").arg(i);

    engine::HarvestRecord harvest;
    harvest.source = QStringLiteral("mastodon");
    harvest.instance = QStringLiteral("https://bench.example");
    harvest.tags = tags;
    harvest.modelName = QStringLiteral("Inception-v3 (bench)");
    harvest.modelSha256 = options.modelSha256;
    harvest.modelTrained = true;
    auto harvestId = store.beginHarvest(harvest);
    if (!harvestId) {
        result.error = harvestId.error().message;
        return result;
    }

    // Each tag has its own favourite motifs: ranks follow Zipf's law over its own label order.
    std::vector<std::vector<int>> motifOrder(size_t(tags.size()));
    for (qsizetype t = 0; t < tags.size(); ++t) {
        motifOrder[size_t(t)].resize(size_t(labels.size()));
        std::iota(motifOrder[size_t(t)].begin(), motifOrder[size_t(t)].end(), 0);
        std::mt19937 shuffle(quint32(t) + 7);
        std::shuffle(motifOrder[size_t(t)].begin(), motifOrder[size_t(t)].end(), shuffle);
    }
    std::vector<double> zipf(200);
    for (size_t r = 0; r < zipf.size(); ++r)
        zipf[r] = 1.0 / std::pow(double(r + 1), 1.1);
    std::discrete_distribution<int> motifRank(zipf.begin(), zipf.end());
    // Tag shares 40 %, 30 %, 20 %, 10 % for four tags; even otherwise.
    std::vector<double> shares;
    for (qsizetype t = 0; t < tags.size(); ++t)
        shares.push_back(double(tags.size() - t));
    std::discrete_distribution<int> tagOf(shares.begin(), shares.end());
    std::mt19937 random(12345);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    const QList<QImage> bases = baseImages();
    const int longSide = options.thumbnailSize;
    int item = 0;
    while (result.ok < options.images) {
        // Every 50th item failed, every 100th skipped, as a real harvest leaves a few.
        QList<int> indices;
        for (int k = 0; k < Chunk && result.ok + int(indices.size()) < options.images; ++k)
            indices << item + k;
        const QList<Thumbnail> thumbnails = QtConcurrent::blockingMapped(
            indices, [&bases, longSide](int i) { return makeThumbnail(bases, i, longSide); });
        if (auto begun = store.transaction(); !begun) {
            result.error = begun.error().message;
            return result;
        }
        for (qsizetype k = 0; k < indices.size(); ++k) {
            const int i = indices.at(k);
            const int t = tagOf(random);
            const QString &tag = tags.at(t);
            engine::Post post;
            post.source = QStringLiteral("mastodon");
            post.instance = harvest.instance;
            post.remoteId = QString::number(100000000 + i);
            post.url = QUrl(QStringLiteral("https://bench.example/@user%1/%2").arg(i % 997).arg(100000000 + i));
            post.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(i) * 97);
            post.author = QStringLiteral("user%1@bench.example").arg(i % 997);
            post.text = postText(i, tag, random);
            post.tags = {tag};
            engine::MediaItem media;
            media.remoteId = QStringLiteral("m%1").arg(i);
            media.type = QStringLiteral("image");
            media.url = QUrl(QStringLiteral("https://files.bench.example/media/%1.jpg").arg(i));
            media.previewUrl = QUrl(QStringLiteral("https://files.bench.example/small/%1.jpg").arg(i));
            media.altText = i % 3 ? QStringLiteral("A photo, number %1").arg(i) : QString();
            post.media << media;
            auto ref = store.addPost(post, tag);
            if (!ref) {
                result.error = ref.error().message;
                store.rollback();
                return result;
            }
            const qint64 mediaId = ref->media.first().id;
            engine::Expected<void> written;
            if (i % 50 == 49) {
                written = store.markFailed(mediaId, engine::Error::make(engine::ErrorCode::Network,
                                                                        QStringLiteral("HTTP 404")));
                ++result.failed;
            } else if (i % 100 == 98) {
                written = store.markSkipped(mediaId, QStringLiteral("video"));
                ++result.skipped;
            } else {
                const Thumbnail &thumb = thumbnails.at(k);
                engine::ImageRecord image;
                // The thumbnail stands in for the original's bytes, keeping the file at a few
                // hundred MB; rows and thumbnails, which the GUI reads, are as a harvest writes them.
                image.bytes = thumb.jpeg;
                image.thumbnail = thumb.jpeg;
                image.sha256 = QString::fromLatin1(
                    engine::Sha256::hash(thumb.jpeg).toHex());
                image.width = thumb.size.width() * 1080 / longSide;
                image.height = thumb.size.height() * 1080 / longSide;
                image.format = QStringLiteral("jpeg");
                image.byteSize = thumb.jpeg.size();
                result.thumbnailBytes += thumb.jpeg.size();
                written = store.addImage(image);
                if (written) {
                    engine::Classification c;
                    QList<int> chosen;
                    chosen << motifOrder[size_t(t)][size_t(motifRank(random))];
                    while (chosen.size() < TopK) {
                        const int other = int(random() % quint32(labels.size()));
                        if (!chosen.contains(other))
                            chosen << other;
                    }
                    double remaining = 1.0;
                    double score = 0.08 + 0.9 * std::pow(unit(random), 0.7);
                    for (int r = 0; r < TopK; ++r) {
                        c.labels << engine::LabelScore{chosen.at(r), labels.at(chosen.at(r)), float(score)};
                        remaining -= score;
                        score = qMin(score, remaining * (0.3 + 0.4 * unit(random)));
                    }
                    c.embedding.resize(EmbeddingSize);
                    for (float &v : c.embedding)
                        v = qMax(0.0f, normal(random)); // post-ReLU, as Inception's pool features
                    written = store.addClassification(image.sha256, options.modelSha256, c);
                }
                if (written)
                    written = store.markOk(mediaId, image.sha256);
                ++result.ok;
            }
            if (!written) {
                result.error = written.error().message;
                store.rollback();
                return result;
            }
        }
        if (auto committed = store.commit(); !committed) {
            result.error = committed.error().message;
            return result;
        }
        item += int(indices.size());
    }
    if (auto finished = store.finishHarvest(*harvestId, engine::HarvestStatus::Completed); !finished)
        result.error = finished.error().message;
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace taglens::bench
