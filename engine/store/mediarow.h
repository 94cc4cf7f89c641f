// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../inference/labelscore.h"
#include "../sources/mediastatus.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// One media item as seen under one tag, with its post and the predictions of one model: the row
/// exports and the GUI list. A post found under two tags gives two rows per media item.
struct MediaRow
{
    QString tag; ///< the hashtag the post was found under

    qint64 postId = 0; ///< the project's row id
    QString source;
    QString instance;
    QString postRemoteId; ///< the id on the instance
    QUrl postUrl;
    QDateTime createdAt; ///< UTC
    QString author;
    QString text;
    QStringList postTags; ///< the post's own hashtags

    qint64 mediaId = 0; ///< the project's row id
    int mediaIndex = 0; ///< the position among the post's attachments
    QString mediaRemoteId;
    QString mediaType; ///< "image", "video", … as the source said
    QUrl mediaUrl;
    QUrl previewUrl;
    QUrl remoteUrl;
    QString altText;
    QString localPath;

    MediaStatus status = MediaStatus::Pending;
    QString errorCode; ///< errorCodeName() of the failure; empty unless failed
    QString error;     ///< why it failed or was skipped

    QString sha256; ///< the image's SHA-256; set when status is Ok
    int width = 0;  ///< decoded size when the image is stored, else the source's metadata (0 = unknown)
    int height = 0;

    QList<LabelScore> predictions; ///< best first; empty without a model or when not classified
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::MediaRow)
