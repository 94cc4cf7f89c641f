// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonstandinscenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace taglens::tests {

using engine::Error;
using engine::ErrorCode;
using engine::Expected;

namespace {

using Kind = MastodonStandInScenario::MediaKind;

struct KindName
{
    Kind kind;
    const char16_t *name;
};

constexpr KindName KindNames[] = {
    {Kind::Photo, u"photo"},
    {Kind::PngAsJpg, u"png-as-jpg"},
    {Kind::Duplicate, u"duplicate"},
    {Kind::Flaky, u"flaky"},
    {Kind::Video, u"video"},
    {Kind::Gifv, u"gifv"},
    {Kind::Audio, u"audio"},
    {Kind::Unknown, u"unknown"},
    {Kind::NoUrl, u"no-url"},
    {Kind::TruncatedJpeg, u"truncated-jpeg"},
    {Kind::HtmlAsJpeg, u"html-as-jpeg"},
    {Kind::DecompressionBomb, u"decompression-bomb"},
    {Kind::Oversized, u"oversized"},
    {Kind::OversizedUnannounced, u"oversized-unannounced"},
    {Kind::NotFound, u"not-found"},
    {Kind::ServerError, u"server-error"},
    {Kind::Stalled, u"stalled"},
    {Kind::ResetMidBody, u"reset-mid-body"},
};

using Fault = MastodonStandInScenario::PageFault;

struct FaultName
{
    Fault fault;
    const char16_t *name;
};

constexpr FaultName FaultNames[] = {
    {Fault::MalformedJson, u"malformed-json"},
    {Fault::ObjectInsteadOfArray, u"object-instead-of-array"},
    {Fault::LinkLoop, u"link-loop"},
    {Fault::RepeatPrevious, u"repeat-previous"},
};

Error invalid(const QString &message)
{
    return Error::make(ErrorCode::InvalidArgument, message);
}

/// Names the first key of \a object not in \a allowed, or returns an empty string.
QString unknownKey(const QJsonObject &object, const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return it.key();
    }
    return {};
}

std::optional<int> intValue(const QJsonObject &object, const QString &key, int fallback, QString *error,
                            const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble() || value.toDouble() != double(value.toInt())) {
        *error = QStringLiteral("%1: \"%2\" must be an integer").arg(where, key);
        return std::nullopt;
    }
    return value.toInt();
}

std::optional<QStringList> stringList(const QJsonObject &object, const QString &key, QString *error,
                                      const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray()) {
        *error = QStringLiteral("%1: \"%2\" must be an array of strings").arg(where, key);
        return std::nullopt;
    }
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            *error = QStringLiteral("%1: \"%2\" must be an array of strings").arg(where, key);
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

bool validTagName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing))
            return false;
    }
    return true;
}

} // namespace

QString MastodonStandInScenario::kindName(MediaKind kind)
{
    for (const KindName &entry : KindNames) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<MastodonStandInScenario::MediaKind> MastodonStandInScenario::kindFromName(const QString &name)
{
    for (const KindName &entry : KindNames) {
        if (name == QString::fromUtf16(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

QList<MastodonStandInScenario::MediaKind> MastodonStandInScenario::allKinds()
{
    QList<MediaKind> kinds;
    for (const KindName &entry : KindNames)
        kinds.append(entry.kind);
    return kinds;
}

QString MastodonStandInScenario::pageFaultName(PageFault fault)
{
    for (const FaultName &entry : FaultNames) {
        if (entry.fault == fault)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<MastodonStandInScenario::PageFault>
MastodonStandInScenario::pageFaultFromName(const QString &name)
{
    for (const FaultName &entry : FaultNames) {
        if (name == QString::fromUtf16(entry.name))
            return entry.fault;
    }
    return std::nullopt;
}

QString MastodonStandInScenario::attachmentType(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Video:
        return QStringLiteral("video");
    case MediaKind::Gifv:
        return QStringLiteral("gifv");
    case MediaKind::Audio:
        return QStringLiteral("audio");
    case MediaKind::Unknown:
        return QStringLiteral("unknown");
    default:
        return QStringLiteral("image");
    }
}

Expected<MastodonStandInScenario> MastodonStandInScenario::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(
            QStringLiteral("scenario: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("scenario: the top level must be an object"));
    const QJsonObject root = document.object();

    MastodonStandInScenario scenario;
    QString error;
    const QString top = QStringLiteral("scenario");
    if (const QString key =
            unknownKey(root, {QStringLiteral("flavour"), QStringLiteral("version"), QStringLiteral("title"),
                              QStringLiteral("requiresLogin"), QStringLiteral("tokens"),
                              QStringLiteral("hashtagFeeds"), QStringLiteral("photoLongSide"),
                              QStringLiteral("tags"), QStringLiteral("faults"), QStringLiteral("comment")});
        !key.isEmpty()) {
        return invalid(QStringLiteral("scenario: unknown key \"%1\"").arg(key));
    }

    scenario.flavour = root.value(QStringLiteral("flavour")).toString(scenario.flavour);
    if (scenario.flavour != QLatin1String("mastodon") && scenario.flavour != QLatin1String("pixelfed"))
        return invalid(QStringLiteral("scenario: \"flavour\" must be \"mastodon\" or \"pixelfed\""));
    scenario.version = root.value(QStringLiteral("version")).toString(scenario.version);
    scenario.title = root.value(QStringLiteral("title")).toString(scenario.title);
    scenario.requiresLogin = root.value(QStringLiteral("requiresLogin")).toBool(false);
    const auto tokens = stringList(root, QStringLiteral("tokens"), &error, top);
    if (!tokens)
        return invalid(error);
    scenario.tokens = *tokens;

    const QJsonObject feeds = root.value(QStringLiteral("hashtagFeeds")).toObject();
    const QStringList feedValues{QStringLiteral("public"), QStringLiteral("authenticated"),
                                 QStringLiteral("disabled")};
    scenario.hashtagFeedsLocal = feeds.value(QStringLiteral("local")).toString();
    scenario.hashtagFeedsRemote = feeds.value(QStringLiteral("remote")).toString();
    for (const QString &value : {scenario.hashtagFeedsLocal, scenario.hashtagFeedsRemote}) {
        if (!value.isEmpty() && !feedValues.contains(value))
            return invalid(
                QStringLiteral("scenario: hashtagFeeds values are public, authenticated or disabled"));
    }

    const auto longSide =
        intValue(root, QStringLiteral("photoLongSide"), scenario.photoLongSide, &error, top);
    if (!longSide)
        return invalid(error);
    if (*longSide < 64 || *longSide > 4096)
        return invalid(QStringLiteral("scenario: \"photoLongSide\" must be between 64 and 4096"));
    scenario.photoLongSide = *longSide;

    const QJsonValue tagsValue = root.value(QStringLiteral("tags"));
    if (!tagsValue.isArray() || tagsValue.toArray().isEmpty())
        return invalid(QStringLiteral("scenario: \"tags\" must be a non-empty array"));
    QSet<QString> seen;
    for (const QJsonValue &tagValue : tagsValue.toArray()) {
        const QJsonObject object = tagValue.toObject();
        Tag tag;
        tag.name = object.value(QStringLiteral("name")).toString();
        const QString where = QStringLiteral("tag \"%1\"").arg(tag.name);
        if (!validTagName(tag.name))
            return invalid(QStringLiteral("scenario: every tag needs a \"name\" of letters, digits and _"));
        if (seen.contains(tag.name.toCaseFolded()))
            return invalid(QStringLiteral("%1: declared twice").arg(where));
        seen.insert(tag.name.toCaseFolded());
        if (const QString key = unknownKey(
                object, {QStringLiteral("name"), QStringLiteral("statuses"), QStringLiteral("mediaPerStatus"),
                         QStringLiteral("textOnly"), QStringLiteral("alsoTagged"), QStringLiteral("media")});
            !key.isEmpty()) {
            return invalid(QStringLiteral("%1: unknown key \"%2\"").arg(where, key));
        }
        const auto statuses = intValue(object, QStringLiteral("statuses"), tag.statuses, &error, where);
        const auto perStatus =
            intValue(object, QStringLiteral("mediaPerStatus"), tag.mediaPerStatus, &error, where);
        const auto textOnly = intValue(object, QStringLiteral("textOnly"), tag.textOnly, &error, where);
        const auto alsoTagged = stringList(object, QStringLiteral("alsoTagged"), &error, where);
        if (!statuses || !perStatus || !textOnly || !alsoTagged)
            return invalid(error);
        tag.statuses = *statuses;
        tag.mediaPerStatus = *perStatus;
        tag.textOnly = *textOnly;
        tag.alsoTagged = *alsoTagged;
        for (const QString &other : std::as_const(tag.alsoTagged)) {
            if (!validTagName(other))
                return invalid(QStringLiteral("%1: \"alsoTagged\" has an invalid tag name").arg(where));
        }
        const QJsonObject media = object.value(QStringLiteral("media")).toObject();
        for (auto it = media.begin(); it != media.end(); ++it) {
            const auto kind = kindFromName(it.key());
            if (!kind)
                return invalid(QStringLiteral("%1: unknown media kind \"%2\"").arg(where, it.key()));
            if (!it.value().isDouble() || it.value().toInt() < 0)
                return invalid(
                    QStringLiteral("%1: the count of \"%2\" must be a number >= 0").arg(where, it.key()));
            if (*kind != MediaKind::Photo && it.value().toInt() > 0)
                tag.media.append({*kind, it.value().toInt()});
        }
        scenario.tags.append(tag);
    }

    const QJsonObject faults = root.value(QStringLiteral("faults")).toObject();
    const QString faultsWhere = QStringLiteral("faults");
    if (const QString key = unknownKey(faults, {QStringLiteral("rateLimit"), QStringLiteral("apiErrors"),
                                                QStringLiteral("apiResets"), QStringLiteral("apiStalls"),
                                                QStringLiteral("apiDelayMs"), QStringLiteral("pages")});
        !key.isEmpty()) {
        return invalid(QStringLiteral("faults: unknown key \"%1\"").arg(key));
    }
    const QJsonObject rate = faults.value(QStringLiteral("rateLimit")).toObject();
    const auto limit = intValue(rate, QStringLiteral("limit"), scenario.rateLimit, &error, faultsWhere);
    const auto window =
        intValue(rate, QStringLiteral("windowSeconds"), scenario.rateLimitWindowSeconds, &error, faultsWhere);
    const QJsonObject apiErrors = faults.value(QStringLiteral("apiErrors")).toObject();
    const auto errorStatus =
        intValue(apiErrors, QStringLiteral("status"), scenario.apiErrorStatus, &error, faultsWhere);
    const auto errorTimes = intValue(apiErrors, QStringLiteral("times"), 0, &error, faultsWhere);
    const auto resets = intValue(faults, QStringLiteral("apiResets"), 0, &error, faultsWhere);
    const auto stalls = intValue(faults, QStringLiteral("apiStalls"), 0, &error, faultsWhere);
    const auto delay = intValue(faults, QStringLiteral("apiDelayMs"), 0, &error, faultsWhere);
    if (!limit || !window || !errorStatus || !errorTimes || !resets || !stalls || !delay)
        return invalid(error);
    scenario.rateLimit = *limit;
    scenario.rateLimitWindowSeconds = qMax(1, *window);
    scenario.apiErrorStatus = *errorStatus;
    scenario.apiErrors = *errorTimes;
    scenario.apiResets = *resets;
    scenario.apiStalls = *stalls;
    scenario.apiDelayMs = *delay;
    for (const QJsonValue &pageValue : faults.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject object = pageValue.toObject();
        PageFaultRule rule;
        rule.tag = object.value(QStringLiteral("tag")).toString();
        const auto fault = pageFaultFromName(object.value(QStringLiteral("fault")).toString());
        if (rule.tag.isEmpty() || !fault)
            return invalid(QStringLiteral("faults: every page fault needs a \"tag\" and a known \"fault\""));
        rule.fault = *fault;
        const int defaultTimes =
            rule.fault == PageFault::LinkLoop || rule.fault == PageFault::RepeatPrevious ? -1 : 1;
        const auto page = intValue(object, QStringLiteral("page"), 2, &error, faultsWhere);
        const auto times = intValue(object, QStringLiteral("times"), defaultTimes, &error, faultsWhere);
        if (!page || !times)
            return invalid(error);
        if (*page < 1 ||
            ((rule.fault == PageFault::LinkLoop || rule.fault == PageFault::RepeatPrevious) && *page < 2))
            return invalid(
                QStringLiteral("faults: \"page\" must be >= 1 (>= 2 for link-loop and repeat-previous)"));
        rule.page = *page;
        rule.times = *times;
        scenario.pageFaults.append(rule);
    }
    if (const QString problem = scenario.problem(); !problem.isEmpty())
        return invalid(problem);
    return scenario;
}

QString MastodonStandInScenario::problem() const
{
    if (tags.isEmpty())
        return QStringLiteral("scenario: no tags");
    for (const Tag &tag : tags) {
        if (tag.statuses < 0 || tag.textOnly < 0)
            return QStringLiteral("tag \"%1\": status counts must be >= 0").arg(tag.name);
        if (tag.mediaPerStatus < 1 || tag.mediaPerStatus > 4)
            return QStringLiteral("tag \"%1\": \"mediaPerStatus\" must be 1 to 4").arg(tag.name);
        qint64 special = 0;
        for (const auto &[kind, count] : tag.media) {
            if (count < 0)
                return QStringLiteral("tag \"%1\": media counts must be >= 0").arg(tag.name);
            special += count;
        }
        if (special > qint64(tag.statuses) * tag.mediaPerStatus) {
            return QStringLiteral(
                       "tag \"%1\": %2 special media do not fit into %3 statuses with %4 media each")
                .arg(tag.name)
                .arg(special)
                .arg(tag.statuses)
                .arg(tag.mediaPerStatus);
        }
    }
    for (const PageFaultRule &rule : pageFaults) {
        if (rule.page < 1)
            return QStringLiteral("page faults: \"page\" counts from 1");
    }
    if (rateLimit < 0 || rateLimitWindowSeconds < 1)
        return QStringLiteral("faults: the rate limit needs a limit >= 0 and a window >= 1 s");
    return {};
}

Expected<MastodonStandInScenario> MastodonStandInScenario::fromTagList(const QString &list)
{
    MastodonStandInScenario scenario;
    const QStringList entries = list.split(u',', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        Tag tag;
        const qsizetype colon = entry.indexOf(u':');
        tag.name = entry.left(colon).trimmed();
        if (colon >= 0) {
            bool ok = false;
            tag.statuses = entry.mid(colon + 1).trimmed().toInt(&ok);
            if (!ok || tag.statuses < 0)
                return invalid(QStringLiteral("--tags: \"%1\" is not NAME:COUNT").arg(entry));
        }
        if (!validTagName(tag.name))
            return invalid(QStringLiteral("--tags: \"%1\" is not a hashtag").arg(tag.name));
        scenario.tags.append(tag);
    }
    if (scenario.tags.isEmpty())
        return invalid(QStringLiteral("--tags: no tag given"));
    return scenario;
}

QJsonObject MastodonStandInScenario::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("flavour"), flavour);
    root.insert(QStringLiteral("version"), version);
    root.insert(QStringLiteral("title"), title);
    root.insert(QStringLiteral("requiresLogin"), requiresLogin);
    root.insert(QStringLiteral("tokens"), QJsonArray::fromStringList(tokens));
    QJsonObject feeds;
    if (!hashtagFeedsLocal.isEmpty())
        feeds.insert(QStringLiteral("local"), hashtagFeedsLocal);
    if (!hashtagFeedsRemote.isEmpty())
        feeds.insert(QStringLiteral("remote"), hashtagFeedsRemote);
    root.insert(QStringLiteral("hashtagFeeds"), feeds);
    root.insert(QStringLiteral("photoLongSide"), photoLongSide);
    QJsonArray tagArray;
    for (const Tag &tag : tags) {
        QJsonObject object;
        object.insert(QStringLiteral("name"), tag.name);
        object.insert(QStringLiteral("statuses"), tag.statuses);
        object.insert(QStringLiteral("mediaPerStatus"), tag.mediaPerStatus);
        object.insert(QStringLiteral("textOnly"), tag.textOnly);
        object.insert(QStringLiteral("alsoTagged"), QJsonArray::fromStringList(tag.alsoTagged));
        QJsonObject media;
        for (const auto &[kind, count] : tag.media)
            media.insert(kindName(kind), media.value(kindName(kind)).toInt() + count);
        object.insert(QStringLiteral("media"), media);
        tagArray.append(object);
    }
    root.insert(QStringLiteral("tags"), tagArray);
    QJsonObject faults;
    faults.insert(QStringLiteral("rateLimit"),
                  QJsonObject{{QStringLiteral("limit"), rateLimit},
                              {QStringLiteral("windowSeconds"), rateLimitWindowSeconds}});
    faults.insert(QStringLiteral("apiErrors"), QJsonObject{{QStringLiteral("status"), apiErrorStatus},
                                                           {QStringLiteral("times"), apiErrors}});
    faults.insert(QStringLiteral("apiResets"), apiResets);
    faults.insert(QStringLiteral("apiStalls"), apiStalls);
    faults.insert(QStringLiteral("apiDelayMs"), apiDelayMs);
    QJsonArray pages;
    for (const PageFaultRule &rule : pageFaults) {
        pages.append(QJsonObject{{QStringLiteral("tag"), rule.tag},
                                 {QStringLiteral("page"), rule.page},
                                 {QStringLiteral("fault"), pageFaultName(rule.fault)},
                                 {QStringLiteral("times"), rule.times}});
    }
    faults.insert(QStringLiteral("pages"), pages);
    root.insert(QStringLiteral("faults"), faults);
    return root;
}

} // namespace taglens::tests
