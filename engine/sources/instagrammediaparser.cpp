// SPDX-License-Identifier: GPL-3.0-or-later
#include "instagrammediaparser.h"

#include "../core/sourcekind.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>
#include <cmath>

namespace taglens::engine {

namespace {

// Graph ids are strings of digits; some stand-ins and older answers send numbers.
QString readId(const QJsonValue &value)
{
    QString id;
    if (value.isString()) {
        id = value.toString();
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number >= 0 && number < 9.0e15 && number == std::floor(number))
            id = QString::number(qint64(number));
    }
    if (id.isEmpty() || id.size() > InstagramMediaParser::MaxIdLength)
        return QString();
    for (const QChar c : std::as_const(id)) {
        // Ids end up in URL paths and in the project: digits, letters, '_' and '-' only.
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            return QString();
    }
    return id;
}

QUrl readUrl(const QJsonValue &value)
{
    if (!value.isString())
        return QUrl();
    const QString text = value.toString();
    if (text.size() > 8192)
        return QUrl();
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return QUrl();
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return QUrl();
    return url;
}

QString mediaTypeName(const QJsonValue &value)
{
    const QString type = value.toString();
    if (type == u"IMAGE")
        return QStringLiteral("image");
    if (type == u"VIDEO")
        return QStringLiteral("video");
    return QStringLiteral("unknown");
}

MediaItem readItem(const QJsonObject &object, const QString &fallbackId)
{
    MediaItem item;
    item.remoteId = readId(object.value(u"id"));
    if (item.remoteId.isEmpty())
        item.remoteId = fallbackId;
    item.type = mediaTypeName(object.value(u"media_type"));
    item.url = readUrl(object.value(u"media_url"));
    if (item.type == u"image" && item.url.isEmpty())
        item.skipReason = InstagramMediaParser::noMediaUrlReason();
    return item;
}

} // namespace

QString InstagramMediaParser::sourceName()
{
    return sourceKindName(SourceKind::Instagram);
}

QString InstagramMediaParser::instanceName()
{
    return instagramInstance();
}

QString InstagramMediaParser::noMediaUrlReason()
{
    return tr("Instagram gives no media URL for this post (copyrighted audio or downloads turned off)");
}

Expected<QString> InstagramMediaParser::parseHashtagSearch(const QByteArray &body, const QString &tag)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::make(
            ErrorCode::Network,
            tr("The hashtag search for #%1 answered something that is not a JSON object.").arg(tag));
    const QJsonValue data = document.object().value(u"data");
    if (!data.isArray())
        return Error::make(ErrorCode::Network,
                           tr("The hashtag search for #%1 answered without a data list.").arg(tag));
    const QJsonArray results = data.toArray();
    if (results.isEmpty())
        return Error::make(ErrorCode::NotFound, tr("Instagram knows no hashtag #%1.").arg(tag));
    const QString id = readId(results.first().toObject().value(u"id"));
    if (id.isEmpty())
        return Error::make(ErrorCode::Network,
                           tr("The hashtag search for #%1 answered without a usable hashtag id.").arg(tag));
    return id;
}

Expected<InstagramMediaParser::Page> InstagramMediaParser::parsePage(const QByteArray &body,
                                                                     const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::make(ErrorCode::Network,
                           tr("A page of %1 is not valid JSON (%2 at byte %3).")
                               .arg(what, parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return Error::make(ErrorCode::Network, tr("A page of %1 is not a JSON object.").arg(what));
    const QJsonObject root = document.object();
    const QJsonValue data = root.value(u"data");
    if (!data.isArray())
        return Error::make(ErrorCode::Network, tr("A page of %1 has no data list.").arg(what));
    Page page;
    const QJsonArray all = data.toArray();
    if (all.size() > MaxMediaPerPage) {
        page.cutOff = int(all.size()) - MaxMediaPerPage;
        for (int i = 0; i < MaxMediaPerPage; ++i)
            page.media.append(all.at(i));
    } else {
        page.media = all;
    }
    const QJsonObject paging = root.value(u"paging").toObject();
    const QJsonValue after = paging.value(u"cursors").toObject().value(u"after");
    if (after.isString() && after.toString().size() <= 4096)
        page.afterCursor = after.toString();
    page.next = readUrl(paging.value(u"next"));
    if (page.afterCursor.isEmpty() && page.next.isValid()) {
        const QString fromNext =
            QUrlQuery(page.next).queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
        if (fromNext.size() <= 4096)
            page.afterCursor = fromNext;
    }
    return page;
}

QDateTime InstagramMediaParser::parseTimestamp(const QJsonValue &value)
{
    if (!value.isString())
        return QDateTime();
    QString text = value.toString();
    if (text.size() > 64)
        return QDateTime();
    // The Graph API writes offsets without a colon ("+0000"); Qt's ISO reader wants "+00:00".
    static const QRegularExpression compactOffset(QStringLiteral("([+-])(\\d\\d)(\\d\\d)$"));
    const auto match = compactOffset.match(text);
    if (match.hasMatch() && text.contains(u'T'))
        text = text.left(match.capturedStart()) + match.captured(1) + match.captured(2) + u':' +
               match.captured(3);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return QDateTime();
    return time.toUTC();
}

QStringList InstagramMediaParser::hashtagsIn(const QString &caption)
{
    // Instagram hashtags: letters, digits and '_' after '#'.
    static const QRegularExpression tagPattern(QStringLiteral("#([\\p{L}\\p{N}_]{1,100})"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList tags;
    QSet<QString> seen;
    auto it = tagPattern.globalMatch(caption);
    while (it.hasNext() && tags.size() < MaxTagsPerPost) {
        const QString tag = it.next().captured(1).toLower();
        if (!seen.contains(tag)) {
            seen.insert(tag);
            tags.append(tag);
        }
    }
    return tags;
}

QList<MediaItem> InstagramMediaParser::mediaItems(const QJsonObject &media, const QString &mediaId,
                                                  QStringList *warnings)
{
    QList<MediaItem> items;
    if (media.value(u"media_type").toString() != u"CAROUSEL_ALBUM") {
        items.append(readItem(media, mediaId));
        items.first().remoteId = mediaId;
        return items;
    }
    const QJsonArray children = media.value(u"children").toObject().value(u"data").toArray();
    if (children.isEmpty()) {
        // An album whose children were not sent: account for it as one item that cannot be read.
        MediaItem item;
        item.remoteId = mediaId;
        item.type = QStringLiteral("unknown");
        items.append(item);
        if (warnings)
            warnings->append(tr("Instagram album %1 came without its pictures.").arg(mediaId));
        return items;
    }
    for (qsizetype i = 0; i < children.size(); ++i) {
        if (i >= MaxChildren) {
            if (warnings)
                warnings->append(
                    tr("Instagram album %1 has %2 items; only the first %3 were read.")
                        .arg(mediaId, QString::number(children.size()), QString::number(MaxChildren)));
            break;
        }
        const QString fallbackId = QStringLiteral("%1_%2").arg(mediaId).arg(i + 1);
        if (!children.at(i).isObject()) {
            MediaItem item;
            item.remoteId = fallbackId;
            item.type = QStringLiteral("unknown");
            items.append(item);
            continue;
        }
        // Albums do not nest: a child album reads as "unknown", never recursed into.
        items.append(readItem(children.at(i).toObject(), fallbackId));
    }
    return items;
}

Expected<Post> InstagramMediaParser::parseMedia(const QJsonValue &value, QStringList *warnings)
{
    if (!value.isObject())
        return Error::make(ErrorCode::InvalidArgument, tr("the media entry is not an object"));
    const QJsonObject media = value.toObject();
    const QString id = readId(media.value(u"id"));
    if (id.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("the media entry has no usable id"));
    Post post;
    post.source = sourceName();
    post.instance = instanceName();
    post.remoteId = id;
    post.url = readUrl(media.value(u"permalink"));
    post.createdAt = parseTimestamp(media.value(u"timestamp"));
    // The API gives no username for hashtag media.
    const QJsonValue caption = media.value(u"caption");
    if (caption.isString())
        post.text = caption.toString().left(MaxCaptionLength);
    post.tags = hashtagsIn(post.text);
    post.media = mediaItems(media, id, warnings);
    return post;
}

} // namespace taglens::engine
