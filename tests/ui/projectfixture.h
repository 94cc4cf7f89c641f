// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/projectstore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QTest>
#include <QTimeZone>

namespace taglens::tests {

/// Writes media rows straight into a project, as a harvest would, for GUI model tests.
class ProjectFixture
{
public:
    static constexpr auto ModelSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    explicit ProjectFixture(engine::ProjectStore *store, bool trained = true) : m_store(store)
    {
        engine::HarvestRecord record;
        record.source = QStringLiteral("mastodon");
        record.instance = QStringLiteral("https://example.org");
        record.modelName = QStringLiteral("fixture");
        record.modelSha256 = QLatin1String(ModelSha);
        record.modelTrained = trained;
        auto id = m_store->beginHarvest(record);
        QVERIFY(id);
    }

    /// Adds a post with one media item under \a tag; Ok with a top-1 \a label when \a status is Ok.
    qint64 add(const QString &tag, engine::MediaStatus status, const QString &label = {}, int labelIndex = 0,
               float score = 0.0f)
    {
        ++m_counter;
        engine::Post post;
        post.source = QStringLiteral("mastodon");
        post.instance = QStringLiteral("https://example.org");
        post.remoteId = QString::number(m_counter);
        post.url = QUrl(QStringLiteral("https://example.org/@alice/%1").arg(m_counter));
        post.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(m_counter * 60);
        post.author = QStringLiteral("alice@example.org");
        post.text = QStringLiteral("<b>post</b> %1").arg(m_counter);
        engine::MediaItem media;
        media.remoteId = QStringLiteral("m%1").arg(m_counter);
        media.type = QStringLiteral("image");
        media.url = QUrl(QStringLiteral("https://example.org/media/%1.png").arg(m_counter));
        media.altText = QStringLiteral("alt %1").arg(m_counter);
        post.media << media;
        auto ref = m_store->addPost(post, tag);
        if (!ref)
            return -1;
        const qint64 id = ref->media.first().id;
        settle(id, status, label, labelIndex, score);
        return id;
    }

    void settle(qint64 id, engine::MediaStatus status, const QString &label = {}, int labelIndex = 0,
                float score = 0.0f)
    {
        if (status == engine::MediaStatus::Failed) {
            QVERIFY(m_store->markFailed(
                id, engine::Error::make(engine::ErrorCode::Network, QStringLiteral("HTTP 404"))));
        } else if (status == engine::MediaStatus::Skipped) {
            QVERIFY(m_store->markSkipped(id, QStringLiteral("video")));
        } else if (status == engine::MediaStatus::Ok) {
            QImage image(40, 30, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(int(id * 37 % 360), 200, 200));
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            QByteArray jpeg;
            QBuffer thumbBuffer(&jpeg);
            thumbBuffer.open(QIODevice::WriteOnly);
            image.save(&thumbBuffer, "JPEG");
            engine::ImageRecord record;
            record.sha256 =
                QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
            record.bytes = png;
            record.thumbnail = jpeg;
            record.width = image.width();
            record.height = image.height();
            record.format = QStringLiteral("png");
            record.byteSize = png.size();
            QVERIFY(m_store->addImage(record));
            engine::Classification c;
            c.labels << engine::LabelScore{labelIndex, label, score}
                     << engine::LabelScore{labelIndex + 1000, QStringLiteral("runner-up"), score / 2};
            QVERIFY(m_store->addClassification(record.sha256, QLatin1String(ModelSha), c));
            QVERIFY(m_store->markOk(id, record.sha256));
        }
    }

private:
    engine::ProjectStore *m_store;
    int m_counter = 0;
};

} // namespace taglens::tests
