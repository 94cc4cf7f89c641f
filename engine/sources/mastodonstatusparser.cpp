// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonstatusparser.h"

#include "htmltext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QUrl>
#include <cmath>

Q_LOGGING_CATEGORY(lcStatusParser, "taglens.engine.sources.mastodon.parser")

namespace taglens::engine {

namespace {

constexpr qsizetype MaxIdLength = 256;

/// An id as Mastodon sends it (a string), or as some servers do (a whole number).
QString idString(const QJsonValue &value)
{
    if (value.isString()) {
        const QString id = value.toString().trimmed();
        return id.size() <= MaxIdLength ? id : QString();
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number >= 0 && number <= 9007199254740992.0 &&
            number == std::floor(number))
            return QString::number(qint64(number));
    }
    return QString();
}

QString string(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

/// An http(s) URL, or an empty one: a status must not point the pipeline at file:// or worse.
QUrl webUrl(const QJsonValue &value)
{
    if (!value.isString())
        return QUrl();
    QUrl url(value.toString().trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return QUrl();
    return url;
}

int dimension(const QJsonValue &value)
{
    if (!value.isDouble())
        return 0;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 1 || number > MastodonStatusParser::MaxDimension)
        return 0;
    return int(number);
}

} // namespace

Expected<QJsonArray> MastodonStatusParser::parsePage(const QByteArray &body, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::make(ErrorCode::Network,
                           tr("The server's answer for %1 is not valid JSON (%2 at byte %3).")
                               .arg(what, parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!document.isArray()) {
        QString detail;
        if (document.isObject() && document.object().value(u"error").isString())
            detail = tr(" It says: “%1”").arg(document.object().value(u"error").toString().left(200));
        return Error::make(ErrorCode::Network,
                           tr("The server's answer for %1 is not a list of posts.%2").arg(what, detail));
    }
    return document.array();
}

MediaItem MastodonStatusParser::parseMedia(const QJsonValue &attachment)
{
    MediaItem item;
    item.type = QStringLiteral("unknown");
    if (!attachment.isObject())
        return item;
    const QJsonObject object = attachment.toObject();
    item.remoteId = idString(object.value(u"id"));
    const QString type = string(object.value(u"type")).trimmed().toLower();
    if (!type.isEmpty() && type.size() <= 32)
        item.type = type;
    item.url = webUrl(object.value(u"url"));
    item.previewUrl = webUrl(object.value(u"preview_url"));
    item.remoteUrl = webUrl(object.value(u"remote_url"));
    item.altText = string(object.value(u"description"));
    const QJsonObject original = object.value(u"meta").toObject().value(u"original").toObject();
    item.width = dimension(original.value(u"width"));
    item.height = dimension(original.value(u"height"));
    if (item.width == 0 || item.height == 0)
        item.width = item.height = 0;
    return item;
}

Expected<Post> MastodonStatusParser::parseStatus(const QJsonValue &value, const QString &source,
                                                 const QString &instance, QStringList *warnings)
{
    if (!value.isObject())
        return Error::make(ErrorCode::Network, tr("a status that is not a JSON object"));
    QJsonObject status = value.toObject();
    // A reblog carries the original status; that is the post that was tagged.
    if (status.value(u"reblog").isObject())
        status = status.value(u"reblog").toObject();

    Post post;
    post.source = source;
    post.instance = instance;
    post.remoteId = idString(status.value(u"id"));
    if (post.remoteId.isEmpty())
        return Error::make(ErrorCode::Network, tr("a status without an id"));

    post.url = webUrl(status.value(u"url"));
    if (post.url.isEmpty())
        post.url = webUrl(status.value(u"uri"));
    const QString created = string(status.value(u"created_at"));
    post.createdAt = QDateTime::fromString(created, Qt::ISODateWithMs);
    if (!post.createdAt.isValid() && !created.isEmpty())
        qCDebug(lcStatusParser) << "status" << post.remoteId << "has an unreadable created_at" << created;
    post.author = string(status.value(u"account").toObject().value(u"acct"));
    post.text = HtmlText::toPlainText(string(status.value(u"content")));

    const QJsonArray tags = status.value(u"tags").toArray();
    for (const auto &tag : tags) {
        QString name = string(tag.toObject().value(u"name")).trimmed().toLower();
        while (name.startsWith(u'#'))
            name.remove(0, 1);
        if (!name.isEmpty() && !post.tags.contains(name))
            post.tags.append(name);
    }

    const QJsonArray media = status.value(u"media_attachments").toArray();
    for (const auto &attachment : media) {
        if (post.media.size() >= MaxMediaPerStatus) {
            const QString note =
                tr("status %1 has %2 attachments; only the first %3 are read")
                    .arg(post.remoteId, QString::number(media.size()), QString::number(MaxMediaPerStatus));
            qCWarning(lcStatusParser).noquote() << note;
            if (warnings)
                warnings->append(note);
            break;
        }
        post.media.append(parseMedia(attachment));
    }
    return post;
}

} // namespace taglens::engine
