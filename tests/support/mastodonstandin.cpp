// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonstandin.h"

#include "mastodonstandinmedia.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QUrlQuery>
#include <algorithm>
#include <cmath>
#include <map>

Q_LOGGING_CATEGORY(lcStandIn, "taglens.tests.mastodonstandin")

namespace taglens::tests {

using Request = TestHttpServer::Request;
using Response = TestHttpServer::Response;

namespace {

constexpr int DefaultLimit = 20; // Mastodon's DEFAULT_STATUSES_LIMIT; the maximum is twice that
constexpr int MaxLimit = 40;
constexpr qint64 OversizedBytes = 26LL * 1024 * 1024;
constexpr int StallForeverMs = 24 * 60 * 60 * 1000;
// The newest status is from 2025-06-02T10:00:00Z: fixed, so ids never depend on the clock.
constexpr qint64 NewestMs = 1748858400000;
constexpr qint64 StatusSpacingMs = 7 * 60 * 1000;
const QByteArray JsonType = "application/json; charset=utf-8";

struct TextTemplate
{
    const char16_t *html;
    const char16_t *language; // nullptr: null
};

// Captions as Mastodon stores them (already HTML), with the entities and traps real posts have:
// escaped markup, a spreadsheet formula, line breaks, non-Latin scripts, emoji.
constexpr TextTemplate Texts[] = {
    {u"Morning light on the balcony &amp; a cup of tea. It&#39;s the little things.", u"en"},
    {u"Found this one in the archive &#8212; shot on film, scanned today.", u"en"},
    {u"Which one do you like best? 1 &lt; 2 &lt; 3", u"en"},
    {u"&quot;Photography is the story I fail to put into words.&quot;", u"en"},
    {u"=SUM(1+1) said the spreadsheet, and it was right.", u"en"},
    {u"Zürich, Kraków, Łódź — unterwegs mit der Kamera 🚆", u"de"},
    {u"&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; is not a caption", u"en"},
    {u"Line one<br />line two<br />line three", u"en"},
    {u"+1 for this view, 100\u00a0% worth the climb", nullptr},
    {u"今日の一枚。光がきれいでした。", u"ja"},
    {u"-- seen on a walk --", u"en"},
    {u"@here: new photos, comments welcome!", u"en"},
};

// Alt texts, null for some items, as people write them (quotes, line breaks, a formula).
constexpr const char16_t *Descriptions[] = {
    u"A tabby cat asleep on a windowsill, sun on its fur.",
    nullptr,
    u"Close-up, shallow depth of field.\nSecond line of the description.",
    u"=HYPERLINK(\"https://evil.example\",\"click me\")",
    u"Photo: \"untitled\", 2025",
    nullptr,
    u"Ein Foto – mit Umlauten: äöü ß",
};

// Valid BlurHash strings (from the BlurHash reference), so a client decoding them does not choke.
constexpr const char16_t *BlurHashes[] = {
    u"LEHV6nWB2yk8pyo0adR*.7kCMdnj",
    u"LGF5]+Yk^6#M@-5c,1J5@[or[Q6.",
    u"L6PZfSi_.AyE_3t7t7R**0o#DgR4",
    u"LKO2:N%2Tw=w]~RBVZRi};RPxuwH",
};

QString isoMillis(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
}

/// Rails' `Time#iso8601(6)`, as Mastodon sends X-RateLimit-Reset.
QByteArray isoMicros(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000Z'")).toLatin1();
}

/// Ruby's String#to_i: leading white space, an optional sign and digits; anything else gives 0.
qint64 rubyToInt(const QString &text, bool *hasDigits = nullptr)
{
    const QString trimmed = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < trimmed.size() && (trimmed.at(i) == u'-' || trimmed.at(i) == u'+'))
        negative = trimmed.at(i++) == u'-';
    qint64 value = 0;
    const qsizetype start = i;
    while (i < trimmed.size() && trimmed.at(i).isDigit() && trimmed.at(i).unicode() < 128 &&
           value < (1LL << 58))
        value = value * 10 + (trimmed.at(i++).unicode() - u'0');
    if (hasDigits)
        *hasDigits = i > start;
    return negative ? -value : value;
}

/// Rails' boolean cast as Mastodon's truthy_param? uses it.
bool truthy(const QString &value)
{
    static const QStringList falseValues{
        QStringLiteral("0"),     QStringLiteral("f"),   QStringLiteral("F"),   QStringLiteral("false"),
        QStringLiteral("FALSE"), QStringLiteral("off"), QStringLiteral("OFF"), QString()};
    return !falseValues.contains(value);
}

QString hex16(const QString &seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

/// \a count positions spread evenly over \a slots (count <= slots): all distinct.
QList<int> spread(int count, int slots)
{
    QList<int> positions;
    for (int j = 0; j < count; ++j)
        positions.append(int((2LL * j + 1) * slots / (2LL * count)));
    return positions;
}

QJsonObject sizeInfo(QSize size)
{
    return QJsonObject{
        {QStringLiteral("width"), size.width()},
        {QStringLiteral("height"), size.height()},
        {QStringLiteral("size"), QStringLiteral("%1x%2").arg(size.width()).arg(size.height())},
        {QStringLiteral("aspect"), size.height() > 0 ? double(size.width()) / size.height() : 0.0},
    };
}

void addHeader(Response &response, const std::pair<QByteArray, QByteArray> &header)
{
    response.headers.append(header);
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue urlOrNull(const QUrl &url)
{
    return url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(url.toString(QUrl::FullyEncoded));
}

std::shared_ptr<PhotoSet> sharedPhotoSet(int longSide)
{
    // Encoding hundreds of photos takes seconds; every stand-in of a process shares them.
    static QMutex mutex;
    static std::map<int, std::shared_ptr<PhotoSet>> sets;
    const QMutexLocker locker(&mutex);
    std::shared_ptr<PhotoSet> &set = sets[longSide];
    if (!set) {
        set = std::make_shared<PhotoSet>();
        set->setLongSide(longSide);
    }
    return set;
}

bool hasPreview(MastodonStandInScenario::MediaKind kind)
{
    using Kind = MastodonStandInScenario::MediaKind;
    return kind != Kind::Audio && kind != Kind::Unknown && kind != Kind::NoUrl;
}

} // namespace

/// The parameters of a tag timeline request, as Mastodon reads them.
struct MastodonStandIn::Query
{
    int limit = DefaultLimit;
    std::optional<qint64> maxId;
    std::optional<qint64> sinceId;
    std::optional<qint64> minId;
    std::optional<bool> onlyMedia;
    std::optional<bool> local;
    std::optional<bool> remote;
    QStringList any;
    QStringList all;
    QStringList none;
    /// "key=value" as Link URLs repeat them: limit, only_media, local, remote, any[], all[], none[].
    QStringList kept;

    static Query parse(const QUrlQuery &query)
    {
        Query q;
        const auto items = query.queryItems(QUrl::FullyDecoded);
        const auto keep = [&q](const QString &key, const QString &value) {
            q.kept.append(QString::fromLatin1(
                QByteArray(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value))));
        };
        for (const auto &[key, value] : items) {
            bool digits = false;
            if (key == QLatin1String("limit")) {
                // limit_param: [params[:limit].to_i.abs, DEFAULT * 2].min
                q.limit = int(qMin<qint64>(std::llabs(rubyToInt(value)), MaxLimit));
                keep(key, value);
            } else if (key == QLatin1String("max_id") || key == QLatin1String("since_id") ||
                       key == QLatin1String("min_id")) {
                const qint64 id = rubyToInt(value, &digits);
                if (!digits)
                    continue;
                (key == QLatin1String("max_id")     ? q.maxId
                 : key == QLatin1String("since_id") ? q.sinceId
                                                    : q.minId) = id;
            } else if (key == QLatin1String("only_media") || key == QLatin1String("local") ||
                       key == QLatin1String("remote")) {
                (key == QLatin1String("only_media") ? q.onlyMedia
                 : key == QLatin1String("local")    ? q.local
                                                    : q.remote) = truthy(value);
                keep(key, value);
            } else if (key == QLatin1String("any[]") || key == QLatin1String("all[]") ||
                       key == QLatin1String("none[]")) {
                QStringList &list = key.startsWith(u"any") ? q.any : key.startsWith(u"all") ? q.all : q.none;
                list.append(value.toCaseFolded());
                keep(key, value);
            }
        }
        return q;
    }
};

MastodonStandIn::MastodonStandIn(const Scenario &scenario, QObject *parent)
    : QObject(parent), m_scenario(scenario), m_photos(sharedPhotoSet(scenario.photoLongSide))
{
    if (const QString problem = m_scenario.problem(); !problem.isEmpty())
        qCWarning(lcStandIn).noquote() << "scenario:" << problem << "(the stand-in serves what it can)";
    if (!m_photos->isValid())
        qCWarning(lcStandIn).noquote() << "photos:" << m_photos->errorString();
    m_rateLimit = m_scenario.rateLimit;
    m_rateWindowSeconds = qMax(1, m_scenario.rateLimitWindowSeconds);
    m_apiErrors = m_scenario.apiErrors;
    m_apiErrorStatus = m_scenario.apiErrorStatus;
    m_apiResets = m_scenario.apiResets;
    m_apiStalls = m_scenario.apiStalls;
    m_apiDelayMs = m_scenario.apiDelayMs;
    for (const Scenario::PageFaultRule &rule : std::as_const(m_scenario.pageFaults))
        addPageFault(rule);
    build();
    m_server.setFallback([this](const Request &request) { return handle(request); });
}

MastodonStandIn::~MastodonStandIn() = default;

bool MastodonStandIn::isListening() const
{
    return m_server.isListening();
}

bool MastodonStandIn::listenOn(quint16 port)
{
    m_statusJson.clear();
    return m_server.listenOn(port);
}

quint16 MastodonStandIn::port() const
{
    return m_server.port();
}

QUrl MastodonStandIn::baseUrl() const
{
    return m_server.url(QString());
}

QUrl MastodonStandIn::timelineUrl(const QString &tag, int limit) const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/api/v1/timelines/tag/") + tag);
    if (limit > 0)
        url.setQuery(QStringLiteral("limit=%1").arg(limit));
    return url;
}

QUrl MastodonStandIn::pageUrl(const QString &tag, int page, int limit) const
{
    if (page <= 1 || limit <= 0)
        return timelineUrl(tag, limit);
    const QList<int> list = m_timelines.value(tag.toCaseFolded());
    const qsizetype position = qsizetype(page - 1) * limit - 1;
    if (position >= list.size())
        return {};
    QUrl url = timelineUrl(tag, limit);
    url.setQuery(QStringLiteral("limit=%1&max_id=%2").arg(limit).arg(m_statuses.at(list.at(position)).id));
    return url;
}

const MastodonStandIn::Scenario &MastodonStandIn::scenario() const
{
    return m_scenario;
}

const PhotoSet &MastodonStandIn::photos() const
{
    return *m_photos;
}

TestHttpServer &MastodonStandIn::http()
{
    return m_server;
}

void MastodonStandIn::setRequiresLogin(bool required)
{
    m_scenario.requiresLogin = required;
}

void MastodonStandIn::setTokens(const QStringList &tokens)
{
    m_scenario.tokens = tokens;
}

void MastodonStandIn::setRateLimit(int limit, int windowSeconds)
{
    m_rateLimit = qMax(0, limit);
    m_rateWindowSeconds = qMax(1, windowSeconds);
    m_rateUsed = 0;
    m_rateWindowStart = QDateTime();
}

void MastodonStandIn::failTimelineRequests(int times, int status)
{
    m_apiErrors = qMax(0, times);
    m_apiErrorStatus = status;
}

void MastodonStandIn::resetTimelineRequests(int times)
{
    m_apiResets = qMax(0, times);
}

void MastodonStandIn::stallTimelineRequests(int times)
{
    m_apiStalls = qMax(0, times);
}

void MastodonStandIn::setTimelineDelay(int ms)
{
    m_apiDelayMs = qMax(0, ms);
}

void MastodonStandIn::addPageFault(const Scenario::PageFaultRule &rule)
{
    PageFaultState state;
    state.rule = rule;
    state.rule.tag = rule.tag.toCaseFolded();
    state.remaining = rule.times;
    m_pageFaults.append(state);
}

void MastodonStandIn::clearFaults()
{
    m_apiErrors = 0;
    m_apiResets = 0;
    m_apiStalls = 0;
    m_apiDelayMs = 0;
    m_pageFaults.clear();
    setRateLimit(300, 300);
}

QList<TestHttpServer::Request> MastodonStandIn::requests() const
{
    QList<Request> list = m_server.requests();
    list.removeIf([](const Request &request) { return request.path.startsWith(u"/_standin/"); });
    return list;
}

QList<TestHttpServer::Request> MastodonStandIn::timelineRequests(const QString &tag) const
{
    const QString prefix = QStringLiteral("/api/v1/timelines/tag/");
    QList<Request> list = m_server.requests();
    list.removeIf([&](const Request &request) {
        if (!request.path.startsWith(prefix))
            return true;
        return !tag.isEmpty() && request.path.mid(prefix.size()).toCaseFolded() != tag.toCaseFolded();
    });
    return list;
}

int MastodonStandIn::fetchCount(const QUrl &url) const
{
    return m_fetches.value(url.path());
}

QHash<QString, int> MastodonStandIn::fetchCounts() const
{
    return m_fetches;
}

QStringList MastodonStandIn::tagNames() const
{
    QStringList names = m_timelines.keys();
    names.sort();
    return names;
}

QJsonArray MastodonStandIn::timeline(const QString &tag) const
{
    QJsonArray statuses;
    for (const int status : m_timelines.value(tag.toCaseFolded()))
        statuses.append(statusJson(status));
    return statuses;
}

QStringList MastodonStandIn::statusIds(const QString &tag) const
{
    QStringList ids;
    for (const int status : m_timelines.value(tag.toCaseFolded()))
        ids.append(QString::number(m_statuses.at(status).id));
    return ids;
}

QList<MastodonStandIn::ExpectedMedia> MastodonStandIn::expectedMedia(const QString &tag) const
{
    QList<ExpectedMedia> list;
    if (tag.isEmpty()) {
        for (int media = 0; media < m_media.size(); ++media)
            list.append(expected(media));
        return list;
    }
    for (const int status : m_timelines.value(tag.toCaseFolded())) {
        for (const int media : m_statuses.at(status).media)
            list.append(expected(media));
    }
    return list;
}

QJsonArray MastodonStandIn::expectedMediaJson() const
{
    QJsonArray array;
    const QList<ExpectedMedia> list = expectedMedia();
    for (const ExpectedMedia &item : list) {
        QJsonObject object{
            {QStringLiteral("tag"), item.tag},
            {QStringLiteral("tags"), QJsonArray::fromStringList(item.tags)},
            {QStringLiteral("statusId"), item.statusId},
            {QStringLiteral("statusUrl"), item.statusUrl.toString()},
            {QStringLiteral("account"), item.account},
            {QStringLiteral("position"), item.position},
            {QStringLiteral("mediaId"), item.mediaId},
            {QStringLiteral("kind"), Scenario::kindName(item.kind)},
            {QStringLiteral("type"), item.type},
            {QStringLiteral("url"), urlOrNull(item.url)},
            {QStringLiteral("previewUrl"), urlOrNull(item.previewUrl)},
            {QStringLiteral("status"), engine::mediaStatusName(item.status)},
            {QStringLiteral("motif"), item.motif},
        };
        if (item.failure != Failure::None) {
            object.insert(QStringLiteral("failure"), failureName(item.failure));
            object.insert(QStringLiteral("errorCode"), engine::errorCodeName(errorCode(item.failure)));
        }
        if (item.httpStatus != 0)
            object.insert(QStringLiteral("httpStatus"), item.httpStatus);
        if (!item.sha256.isEmpty())
            object.insert(QStringLiteral("sha256"), QString::fromLatin1(item.sha256));
        if (!item.duplicateOf.isEmpty())
            object.insert(QStringLiteral("duplicateOf"), item.duplicateOf);
        array.append(object);
    }
    return array;
}

int MastodonStandIn::rateLimitRemaining() const
{
    const bool expired = !m_rateWindowStart.isValid() ||
                         QDateTime::currentDateTimeUtc() >= m_rateWindowStart.addSecs(m_rateWindowSeconds);
    return expired ? m_rateLimit : qMax(0, m_rateLimit - m_rateUsed);
}

void MastodonStandIn::prepareMedia() const
{
    int count = 0;
    for (const MediaRecord &media : m_media)
        count = qMax(count, media.photoIndex + 1);
    m_photos->prepare(count);
    for (int media = 0; media < m_media.size(); ++media) {
        if (m_media.at(media).kind == MediaKind::PngAsJpg)
            mediaBytes(media);
    }
}

void MastodonStandIn::setPhotoCacheDir(const QString &dir)
{
    m_photos->setCacheDir(dir);
}

QString MastodonStandIn::failureName(Failure failure)
{
    switch (failure) {
    case Failure::None:
        return {};
    case Failure::HttpStatus:
        return QStringLiteral("http-status");
    case Failure::Timeout:
        return QStringLiteral("timeout");
    case Failure::ConnectionLost:
        return QStringLiteral("connection-lost");
    case Failure::TooLarge:
        return QStringLiteral("too-large");
    case Failure::NotAnImage:
        return QStringLiteral("not-an-image");
    case Failure::Decode:
        return QStringLiteral("decode");
    case Failure::DecompressionBomb:
        return QStringLiteral("decompression-bomb");
    }
    return {};
}

engine::ErrorCode MastodonStandIn::errorCode(Failure failure)
{
    switch (failure) {
    case Failure::TooLarge:
    case Failure::DecompressionBomb:
        return engine::ErrorCode::TooLarge;
    case Failure::NotAnImage:
        return engine::ErrorCode::NotAnImage;
    case Failure::Decode:
        return engine::ErrorCode::Decode;
    case Failure::None:
    case Failure::HttpStatus:
    case Failure::Timeout:
    case Failure::ConnectionLost:
        break;
    }
    return engine::ErrorCode::Network;
}

void MastodonStandIn::build()
{
    m_accounts = {
        {QStringLiteral("109300000000000001"), QStringLiteral("alice"), QString(), QStringLiteral("Alice 🌻"),
         false},
        {QStringLiteral("109300000000000002"), QStringLiteral("bob"), QStringLiteral("pixel.example"),
         QStringLiteral("Bob Photography"), false},
        {QStringLiteral("109300000000000003"), QStringLiteral("zoe"), QString(), QStringLiteral("Zoë Çelik"),
         false},
        {QStringLiteral("109300000000000004"), QStringLiteral("yamada"), QStringLiteral("social.example.jp"),
         QStringLiteral("山田太郎"), false},
        {QStringLiteral("109300000000000005"), QStringLiteral("mallory"), QString(),
         QStringLiteral("=HYPERLINK(\"https://evil.example\",\"me\")"), false},
        {QStringLiteral("109300000000000006"), QStringLiteral("catbot"), QStringLiteral("bots.example"),
         QStringLiteral("Daily Cat Bot"), true},
        {QStringLiteral("109300000000000007"), QStringLiteral("obrien"), QString(),
         QStringLiteral("O'Brien \"Quotes\", Inc."), false},
    };

    int photoCounter = 0;
    quint64 sequence = 0;
    for (int t = 0; t < m_scenario.tags.size(); ++t) {
        const Scenario::Tag &tag = m_scenario.tags.at(t);
        const QString name = tag.name.toCaseFolded();
        m_timelines.insert(name, {}); // declared: 200 with [] even when empty
        const int mediaStatuses = qMax(0, tag.statuses);
        const int textOnly = qMax(0, tag.textOnly);
        const int perStatus = std::clamp(tag.mediaPerStatus, 1, 4);
        const int total = mediaStatuses + textOnly;
        QList<bool> isTextOnly(total, false);
        for (const int position : spread(textOnly, total))
            isTextOnly[position] = true;

        const int slots = mediaStatuses * perStatus;
        QList<MediaKind> specials;
        for (const auto &[kind, count] : tag.media) {
            for (int i = 0; i < count; ++i)
                specials.append(kind);
        }
        specials.resize(qMin<qsizetype>(specials.size(), slots));
        QList<MediaKind> slotKinds(slots, MediaKind::Photo);
        const QList<int> positions = spread(int(specials.size()), slots);
        for (int j = 0; j < specials.size(); ++j)
            slotKinds[positions.at(j)] = specials.at(j);

        QStringList tags{name};
        for (const QString &other : tag.alsoTagged) {
            if (!tags.contains(other.toCaseFolded()))
                tags.append(other.toCaseFolded());
        }

        int slot = 0;
        QList<int> tagMedia;
        for (int k = 0; k < total; ++k) {
            StatusRecord status;
            // Newest first; the jitter stays below the spacing, so ids fall strictly with k.
            const qint64 ms = NewestMs - k * StatusSpacingMs - t * 53'000 - (k * 7919LL) % 60'000;
            status.id = (ms << 16) | qint64(sequence++ & 0xFFFF);
            status.createdAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            status.account = (k * 3 + t) % int(m_accounts.size());
            status.tag = name;
            status.tags = tags;
            status.variant = k + t * 5;
            const int statusIndex = int(m_statuses.size());
            if (!isTextOnly.at(k)) {
                for (int p = 0; p < perStatus; ++p) {
                    MediaRecord media;
                    media.kind = slotKinds.at(slot++);
                    media.status = statusIndex;
                    media.position = p;
                    media.id =
                        QString::number(((ms - 45'000 - p * 1000LL) << 16) | qint64(sequence++ & 0xFFFF));
                    media.photoIndex = media.kind == MediaKind::Duplicate ? -1 : photoCounter++;
                    media.stem = hex16(media.id);
                    const int variety = int(m_media.size());
                    media.description =
                        Descriptions[variety % std::size(Descriptions)]
                            ? QString::fromUtf16(Descriptions[variety % std::size(Descriptions)])
                            : QString();
                    if (media.kind != MediaKind::Audio && media.kind != MediaKind::Unknown)
                        media.blurhash = QString::fromUtf16(BlurHashes[variety % std::size(BlurHashes)]);
                    status.media.append(int(m_media.size()));
                    tagMedia.append(int(m_media.size()));
                    m_media.append(media);
                }
            }
            m_statuses.append(status);
        }

        // A duplicate carries the bytes of the nearest photo before it (newest first), else after it.
        for (int i = 0; i < tagMedia.size(); ++i) {
            MediaRecord &media = m_media[tagMedia.at(i)];
            if (media.kind != MediaKind::Duplicate)
                continue;
            int source = -1;
            for (int d = 1; d < tagMedia.size() && source < 0; ++d) {
                for (const int j : {i - d, i + d}) {
                    if (j >= 0 && j < tagMedia.size() &&
                        m_media.at(tagMedia.at(j)).kind == MediaKind::Photo) {
                        source = tagMedia.at(j);
                        break;
                    }
                }
            }
            if (source >= 0) {
                media.duplicateOf = source;
                media.photoIndex = m_media.at(source).photoIndex;
            } else {
                media.photoIndex = photoCounter++; // nothing to duplicate: an ordinary photo
            }
        }
    }

    for (int s = 0; s < m_statuses.size(); ++s) {
        for (const QString &tag : std::as_const(m_statuses.at(s).tags))
            m_timelines[tag].append(s);
    }
    for (auto it = m_timelines.begin(); it != m_timelines.end(); ++it) {
        std::sort(it->begin(), it->end(),
                  [this](int a, int b) { return m_statuses.at(a).id > m_statuses.at(b).id; });
    }
    for (int m = 0; m < m_media.size(); ++m) {
        if (m_media.at(m).kind == MediaKind::NoUrl)
            continue;
        m_mediaByPath.insert(mediaPath(m, false), {m, false});
        if (hasPreview(m_media.at(m).kind))
            m_mediaByPath.insert(mediaPath(m, true), {m, true});
    }
}

QString MastodonStandIn::mediaPath(int index, bool preview) const
{
    const MediaRecord &media = m_media.at(index);
    if (media.kind == MediaKind::Unknown) // Mastodon proxies attachments it could not fetch
        return QStringLiteral("/media_proxy/%1/%2")
            .arg(media.id, preview ? QStringLiteral("small") : QStringLiteral("original"));

    QString extension = QStringLiteral(".jpeg");
    if (!preview) {
        switch (media.kind) {
        case MediaKind::PngAsJpg:
            extension = QStringLiteral(".jpg");
            break;
        case MediaKind::DecompressionBomb:
            extension = QStringLiteral(".png");
            break;
        case MediaKind::Video:
        case MediaKind::Gifv:
            extension = QStringLiteral(".mp4");
            break;
        case MediaKind::Audio:
            extension = QStringLiteral(".mp3");
            break;
        default:
            break;
        }
    }
    const Account &account = m_accounts.at(m_statuses.at(media.status).account);
    if (m_scenario.flavour == QLatin1String("pixelfed")) {
        return QStringLiteral("/storage/m/_v2/%1/%2-%3/%4%5%6")
            .arg(account.id, media.stem.left(8), media.stem.mid(8), media.stem,
                 preview ? QStringLiteral("_thumb") : QString(), extension);
    }
    // Paperclip's id partition: the id in groups of three digits.
    QString partition;
    const QString id = media.id.rightJustified(9, u'0');
    for (qsizetype i = 0; i < id.size(); i += 3)
        partition += id.mid(i, 3) + u'/';
    const QString root = account.domain.isEmpty() ? QStringLiteral("/system/media_attachments/files/")
                                                  : QStringLiteral("/system/cache/media_attachments/files/");
    return root + partition + (preview ? QStringLiteral("small/") : QStringLiteral("original/")) +
           media.stem + extension;
}

QByteArray MastodonStandIn::mediaBytes(int index) const
{
    const MediaRecord &media = m_media.at(index);
    if (media.kind == MediaKind::PngAsJpg) {
        auto it = m_pngBytes.find(index);
        if (it == m_pngBytes.end())
            it = m_pngBytes.insert(index, m_photos->png(media.photoIndex));
        return it.value();
    }
    return m_photos->jpeg(media.photoIndex);
}

MastodonStandIn::ExpectedMedia MastodonStandIn::expected(int index) const
{
    const MediaRecord &media = m_media.at(index);
    const StatusRecord &status = m_statuses.at(media.status);
    const Account &account = m_accounts.at(status.account);
    const QJsonObject json = statusJson(media.status);

    ExpectedMedia item;
    item.tag = status.tag;
    item.tags = status.tags;
    item.statusId = QString::number(status.id);
    item.statusUrl = QUrl(json.value(QStringLiteral("url")).toString());
    item.account = account.domain.isEmpty() ? account.username : account.username + u'@' + account.domain;
    item.position = media.position;
    item.mediaId = media.id;
    item.kind = media.kind;
    item.type = Scenario::attachmentType(media.kind);
    if (media.kind != MediaKind::NoUrl) {
        item.url = baseUrl();
        item.url.setPath(mediaPath(index, false));
        if (hasPreview(media.kind)) {
            item.previewUrl = baseUrl();
            item.previewUrl.setPath(mediaPath(index, true));
        }
    }
    item.description = media.description;
    item.photoIndex = media.photoIndex;
    item.motif = m_photos->baseName(media.photoIndex);
    if (media.duplicateOf >= 0)
        item.duplicateOf = m_media.at(media.duplicateOf).id;

    const auto fail = [&item](Failure failure, int httpStatus = 0) {
        item.status = engine::MediaStatus::Failed;
        item.failure = failure;
        item.httpStatus = httpStatus;
    };
    switch (media.kind) {
    case MediaKind::Photo:
    case MediaKind::PngAsJpg:
    case MediaKind::Duplicate:
    case MediaKind::Flaky:
        item.status = engine::MediaStatus::Ok;
        item.sha256 = QCryptographicHash::hash(mediaBytes(index), QCryptographicHash::Sha256).toHex();
        break;
    case MediaKind::Video:
    case MediaKind::Gifv:
    case MediaKind::Audio:
    case MediaKind::Unknown:
    case MediaKind::NoUrl:
        item.status = engine::MediaStatus::Skipped;
        break;
    case MediaKind::TruncatedJpeg:
        fail(Failure::Decode);
        break;
    case MediaKind::HtmlAsJpeg:
        fail(Failure::NotAnImage);
        break;
    case MediaKind::DecompressionBomb:
        fail(Failure::DecompressionBomb);
        break;
    case MediaKind::Oversized:
    case MediaKind::OversizedUnannounced:
        fail(Failure::TooLarge);
        break;
    case MediaKind::NotFound:
        fail(Failure::HttpStatus, 404);
        break;
    case MediaKind::ServerError:
        fail(Failure::HttpStatus, 500);
        break;
    case MediaKind::Stalled:
        fail(Failure::Timeout);
        break;
    case MediaKind::ResetMidBody:
        fail(Failure::ConnectionLost);
        break;
    }
    return item;
}

QJsonObject MastodonStandIn::accountJson(int index) const
{
    const Account &account = m_accounts.at(index);
    const QString base = baseUrl().toString();
    const bool local = account.domain.isEmpty();
    const QString url = local ? base + QStringLiteral("/@") + account.username
                              : QStringLiteral("https://%1/@%2").arg(account.domain, account.username);
    const QString uri = local ? base + QStringLiteral("/users/") + account.username
                              : QStringLiteral("https://%1/users/%2").arg(account.domain, account.username);
    const QString avatar = base + QStringLiteral("/avatars/original/missing.png");
    const QString header = base + QStringLiteral("/headers/original/missing.png");
    return QJsonObject{
        {QStringLiteral("id"), account.id},
        {QStringLiteral("username"), account.username},
        {QStringLiteral("acct"), local ? account.username : account.username + u'@' + account.domain},
        {QStringLiteral("display_name"), account.displayName},
        {QStringLiteral("locked"), false},
        {QStringLiteral("bot"), account.bot},
        {QStringLiteral("discoverable"), true},
        {QStringLiteral("indexable"), true},
        {QStringLiteral("group"), false},
        {QStringLiteral("created_at"), QStringLiteral("2022-11-0%1T00:00:00.000Z").arg(index % 9 + 1)},
        {QStringLiteral("note"), QStringLiteral("<p>Photos &amp; notes.</p>")},
        {QStringLiteral("url"), url},
        {QStringLiteral("uri"), uri},
        {QStringLiteral("avatar"), avatar},
        {QStringLiteral("avatar_static"), avatar},
        {QStringLiteral("header"), header},
        {QStringLiteral("header_static"), header},
        {QStringLiteral("followers_count"), 10 + index * 17},
        {QStringLiteral("following_count"), 5 + index * 3},
        {QStringLiteral("statuses_count"), 100 + index * 41},
        {QStringLiteral("last_status_at"), QStringLiteral("2025-06-02")},
        {QStringLiteral("hide_collections"), false},
        {QStringLiteral("emojis"), QJsonArray()},
        {QStringLiteral("fields"), QJsonArray()},
    };
}

QJsonObject MastodonStandIn::mediaJson(int index) const
{
    const MediaRecord &media = m_media.at(index);
    const StatusRecord &status = m_statuses.at(media.status);
    const Account &account = m_accounts.at(status.account);
    QUrl url;
    QUrl preview;
    if (media.kind != MediaKind::NoUrl) {
        url = baseUrl();
        url.setPath(mediaPath(index, false));
        if (hasPreview(media.kind)) {
            preview = baseUrl();
            preview.setPath(mediaPath(index, true));
        }
    }
    QJsonValue remoteUrl(QJsonValue::Null);
    if (!account.domain.isEmpty() && media.kind != MediaKind::NoUrl)
        remoteUrl =
            QStringLiteral("https://%1/media/%2%3").arg(account.domain, media.stem, QStringLiteral(".jpg"));

    const QSize previewSize = media.photoIndex >= 0 ? m_photos->previewSize(media.photoIndex) : QSize();
    QJsonValue meta = QJsonObject();
    switch (media.kind) {
    case MediaKind::Video:
    case MediaKind::Gifv: {
        QJsonObject original = sizeInfo(m_photos->size(media.photoIndex));
        original.insert(QStringLiteral("frame_rate"), QStringLiteral("30/1"));
        original.insert(QStringLiteral("duration"), 4.5);
        original.insert(QStringLiteral("bitrate"), 1205000);
        meta = QJsonObject{{QStringLiteral("original"), original},
                           {QStringLiteral("small"), sizeInfo(previewSize)}};
        break;
    }
    case MediaKind::Audio:
        meta = QJsonObject{{QStringLiteral("original"), QJsonObject{{QStringLiteral("duration"), 31.4},
                                                                    {QStringLiteral("bitrate"), 128000}}}};
        break;
    case MediaKind::Unknown:
        meta = QJsonValue(QJsonValue::Null);
        break;
    case MediaKind::NoUrl:
        break;
    case MediaKind::DecompressionBomb:
        meta = QJsonObject{{QStringLiteral("original"), sizeInfo(QSize(30000, 30000))},
                           {QStringLiteral("small"), sizeInfo(previewSize)}};
        break;
    default:
        meta = QJsonObject{
            {QStringLiteral("original"), sizeInfo(m_photos->size(media.photoIndex))},
            {QStringLiteral("small"), sizeInfo(previewSize)},
            {QStringLiteral("focus"), QJsonObject{{QStringLiteral("x"), 0.0}, {QStringLiteral("y"), 0.0}}},
        };
        break;
    }

    return QJsonObject{
        {QStringLiteral("id"), media.id},
        {QStringLiteral("type"), Scenario::attachmentType(media.kind)},
        {QStringLiteral("url"), urlOrNull(url)},
        {QStringLiteral("preview_url"), urlOrNull(preview)},
        {QStringLiteral("remote_url"), remoteUrl},
        {QStringLiteral("preview_remote_url"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("text_url"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("meta"), meta},
        {QStringLiteral("description"), stringOrNull(media.description)},
        {QStringLiteral("blurhash"), stringOrNull(media.blurhash)},
    };
}

QJsonObject MastodonStandIn::statusJson(int index) const
{
    if (const auto it = m_statusJson.constFind(index); it != m_statusJson.cend())
        return it.value();
    const StatusRecord &status = m_statuses.at(index);
    const Account &account = m_accounts.at(status.account);
    const QString base = baseUrl().toString();
    const QString id = QString::number(status.id);
    QString url;
    QString uri;
    if (account.domain.isEmpty()) {
        url = base + QStringLiteral("/@") + account.username + u'/' + id;
        uri = base + QStringLiteral("/users/") + account.username + QStringLiteral("/statuses/") + id;
    } else {
        url = QStringLiteral("https://%1/p/%2/%3").arg(account.domain, account.username, id);
        uri = url;
    }

    const TextTemplate &text = Texts[status.variant % std::size(Texts)];
    QString first = QString::fromUtf16(text.html);
    QJsonArray mentions;
    if (status.variant % 5 == 1) {
        const int other = (status.account + 1) % int(m_accounts.size());
        const QJsonObject mentioned = accountJson(other);
        const QString acct = mentioned.value(QStringLiteral("acct")).toString();
        first =
            QStringLiteral("<span class=\"h-card\" translate=\"no\"><a href=\"%1\" class=\"u-url mention\">"
                           "@<span>%2</span></a></span> ")
                .arg(mentioned.value(QStringLiteral("url")).toString(), m_accounts.at(other).username) +
            first;
        mentions.append(QJsonObject{{QStringLiteral("id"), m_accounts.at(other).id},
                                    {QStringLiteral("username"), m_accounts.at(other).username},
                                    {QStringLiteral("url"), mentioned.value(QStringLiteral("url"))},
                                    {QStringLiteral("acct"), acct}});
    }
    if (status.variant % 7 == 3) {
        first += QStringLiteral(
            " <a href=\"https://example.org/photos/2025?ref=feed&amp;x=1\" target=\"_blank\" "
            "rel=\"nofollow noopener noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span>"
            "<span class=\"ellipsis\">example.org/photos/2025?ref=fe</span><span class=\"invisible\">"
            "ed&amp;x=1</span></a>");
    }
    QStringList links;
    QJsonArray tags;
    for (const QString &tag : status.tags) {
        const QString tagUrl =
            base + QStringLiteral("/tags/") + QString::fromLatin1(QUrl::toPercentEncoding(tag));
        links.append(
            QStringLiteral("<a href=\"%1\" class=\"mention hashtag\" rel=\"tag\">#<span>%2</span></a>")
                .arg(tagUrl, tag));
        tags.append(QJsonObject{{QStringLiteral("name"), tag}, {QStringLiteral("url"), tagUrl}});
    }
    const QString content = QStringLiteral("<p>%1</p><p>%2</p>").arg(first, links.join(u' '));

    QJsonArray attachments;
    for (const int media : status.media)
        attachments.append(mediaJson(media));
    const bool sensitive = status.variant % 11 == 5;
    const QString spoiler = status.variant % 22 == 5 ? QStringLiteral("cw: eye contact") : QString();

    const QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("created_at"), isoMillis(status.createdAt.toMSecsSinceEpoch())},
        {QStringLiteral("in_reply_to_id"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("in_reply_to_account_id"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("sensitive"), sensitive},
        {QStringLiteral("spoiler_text"), spoiler},
        {QStringLiteral("visibility"), QStringLiteral("public")},
        {QStringLiteral("language"),
         text.language ? QJsonValue(QString::fromUtf16(text.language)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("uri"), uri},
        {QStringLiteral("url"), url},
        {QStringLiteral("replies_count"), status.variant % 4},
        {QStringLiteral("reblogs_count"), status.variant % 9},
        {QStringLiteral("favourites_count"), status.variant % 23},
        {QStringLiteral("edited_at"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("content"), content},
        {QStringLiteral("reblog"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("account"), accountJson(status.account)},
        {QStringLiteral("media_attachments"), attachments},
        {QStringLiteral("mentions"), mentions},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("emojis"), QJsonArray()},
        {QStringLiteral("card"), QJsonValue(QJsonValue::Null)},
        {QStringLiteral("poll"), QJsonValue(QJsonValue::Null)},
    };
    m_statusJson.insert(index, json);
    return json;
}

Response MastodonStandIn::apiJson(int status, const QByteArray &json)
{
    Response response = Response::json(json, status);
    response.contentType = JsonType;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime reset = m_rateWindowStart.isValid() ? m_rateWindowStart.addSecs(m_rateWindowSeconds)
                                                        : now.addSecs(m_rateWindowSeconds);
    addHeader(response, {"X-RateLimit-Limit", QByteArray::number(m_rateLimit)});
    addHeader(response, {"X-RateLimit-Remaining", QByteArray::number(rateLimitRemaining())});
    addHeader(response, {"X-RateLimit-Reset", isoMicros(reset)});
    addHeader(response, {"Cache-Control", "private, no-store"});
    addHeader(response, {"Vary", "Accept, Origin"});
    response.headers.append(
        {"X-Request-Id", hex16(QStringLiteral("request-%1").arg(++m_requestCounter)).toLatin1()});
    return response;
}

std::optional<Response> MastodonStandIn::rateLimited()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_rateWindowStart.isValid() || now >= m_rateWindowStart.addSecs(m_rateWindowSeconds)) {
        m_rateWindowStart = now;
        m_rateUsed = 0;
    }
    ++m_rateUsed;
    if (m_rateUsed <= m_rateLimit)
        return std::nullopt;
    Response response = apiJson(429, R"({"error":"Too many requests"})");
    const qint64 waitMs = now.msecsTo(m_rateWindowStart.addSecs(m_rateWindowSeconds));
    addHeader(response, {"Retry-After", QByteArray::number(qMax<qint64>(1, (waitMs + 999) / 1000))});
    return response;
}

Response MastodonStandIn::handle(const Request &request)
{
    const QString &path = request.path;
    if (path.startsWith(u"/_standin/"))
        return handleIntrospection(path);

    const QString timelinePrefix = QStringLiteral("/api/v1/timelines/tag/");
    if (path.startsWith(timelinePrefix)) {
        const QString tag = path.mid(timelinePrefix.size());
        if (!tag.isEmpty() && !tag.contains(u'/'))
            return handleTimeline(request, tag);
    }
    if (path == QLatin1String("/api/v2/instance") || path == QLatin1String("/api/v1/instance")) {
        if (auto limited = rateLimited())
            return *limited;
        return handleInstance(path.startsWith(u"/api/v2") ? 2 : 1);
    }
    if (path.startsWith(u"/api/")) {
        if (auto limited = rateLimited())
            return *limited;
        return apiJson(404, R"({"error":"Record not found"})");
    }
    if (const auto it = m_mediaByPath.constFind(path); it != m_mediaByPath.cend())
        return handleMedia(request, it->first, it->second);

    Response notFound = Response::withStatus(404, MastodonStandInMedia::htmlErrorPage(404));
    notFound.contentType = "text/html";
    return notFound;
}

QList<int> MastodonStandIn::filteredTimeline(const QString &tag, const Query &query) const
{
    QList<int> list;
    for (const int index : m_timelines.value(tag)) {
        const StatusRecord &status = m_statuses.at(index);
        const bool local = m_accounts.at(status.account).domain.isEmpty();
        if (query.onlyMedia.value_or(false) && status.media.isEmpty())
            continue;
        if (query.local.value_or(false) && !local)
            continue;
        if (query.remote.value_or(false) && local)
            continue;
        if (!query.all.isEmpty() && !std::all_of(query.all.cbegin(), query.all.cend(),
                                                 [&](const QString &t) { return status.tags.contains(t); }))
            continue;
        if (std::any_of(query.none.cbegin(), query.none.cend(),
                        [&](const QString &t) { return status.tags.contains(t); }))
            continue;
        list.append(index);
    }
    // any[]: statuses under the other tags join the timeline.
    if (!query.any.isEmpty()) {
        for (const QString &other : query.any) {
            Query without = query;
            without.any.clear();
            for (const int index : filteredTimeline(other, without)) {
                if (!list.contains(index))
                    list.append(index);
            }
        }
        std::sort(list.begin(), list.end(),
                  [this](int a, int b) { return m_statuses.at(a).id > m_statuses.at(b).id; });
    }
    return list;
}

int MastodonStandIn::pageNumber(const QList<int> &timeline, const Query &query) const
{
    if (query.sinceId || query.minId || query.limit <= 0)
        return 0;
    if (!query.maxId)
        return 1;
    for (qsizetype p = 0; p < timeline.size(); ++p) {
        if (m_statuses.at(timeline.at(p)).id == *query.maxId)
            return (p + 1) % query.limit == 0 ? int((p + 1) / query.limit + 1) : 0;
    }
    return 0;
}

QUrl MastodonStandIn::linkUrl(const QString &tagAsSent, const Query &query, const QString &cursorName,
                              qint64 cursor) const
{
    // Rails' Hash#to_query: "key=value" pairs, sorted.
    QStringList pairs = query.kept;
    if (!cursorName.isEmpty())
        pairs.append(cursorName + u'=' + QString::number(cursor));
    pairs.sort();
    QByteArray encoded =
        baseUrl().toEncoded() + "/api/v1/timelines/tag/" + QUrl::toPercentEncoding(tagAsSent);
    if (!pairs.isEmpty())
        encoded += '?' + pairs.join(u'&').toLatin1();
    return QUrl::fromEncoded(encoded);
}

Response MastodonStandIn::handleTimeline(const Request &request, const QString &tagAsSent)
{
    if (m_apiResets > 0) {
        --m_apiResets;
        Response response;
        response.resetWithoutResponse = true;
        return response;
    }
    if (m_apiStalls > 0) {
        --m_apiStalls;
        Response response = Response::withStatus(504);
        response.delayMs = StallForeverMs;
        return response;
    }
    if (m_apiErrors > 0) {
        --m_apiErrors;
        Response response =
            Response::withStatus(m_apiErrorStatus, MastodonStandInMedia::htmlErrorPage(m_apiErrorStatus));
        response.contentType = "text/html";
        return response;
    }
    if (auto limited = rateLimited())
        return *limited;

    const QByteArray authorization = request.header("Authorization");
    const bool bearer =
        authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    if (bearer && !m_scenario.tokens.contains(QString::fromLatin1(authorization.mid(7).trimmed()))) {
        Response response = apiJson(401, R"({"error":"The access token is invalid"})");
        addHeader(response, {"WWW-Authenticate", R"(Bearer realm="Doorkeeper", error="invalid_token", )"
                                                 R"(error_description="The access token is invalid")"});
        return response;
    }
    if (m_scenario.requiresLogin && !bearer)
        return apiJson(401, R"({"error":"This API requires an authenticated user"})");

    const QString tag = tagAsSent.toCaseFolded();
    if (!m_timelines.contains(tag))
        return apiJson(404, R"({"error":"Record not found"})");

    const Query query = Query::parse(request.query);
    const QList<int> list = filteredTimeline(tag, query);
    const int page = pageNumber(list, query);
    PageFaultState *fault = nullptr;
    for (PageFaultState &state : m_pageFaults) {
        if (state.remaining != 0 && state.rule.tag == tag && state.rule.page == page) {
            fault = &state;
            break;
        }
    }
    if (fault && fault->remaining > 0)
        --fault->remaining;
    const PageFault faultKind = fault ? fault->rule.fault : PageFault::MalformedJson;

    QList<int> selected;
    if (fault && faultKind == PageFault::RepeatPrevious && page >= 2) {
        const qsizetype first = qsizetype(page - 1) * query.limit;
        const qsizetype repeated = qMax(1, query.limit / 2);
        selected = list.mid(first - repeated, query.limit);
    } else {
        QList<int> candidates;
        for (const int index : list) {
            const qint64 id = m_statuses.at(index).id;
            if ((query.maxId && id >= *query.maxId) || (query.sinceId && id <= *query.sinceId) ||
                (query.minId && id <= *query.minId))
                continue;
            candidates.append(index);
        }
        // min_id: the statuses right above it (the oldest of the newer ones), still newest first.
        selected = query.minId ? candidates.mid(qMax<qsizetype>(0, candidates.size() - query.limit))
                               : candidates.mid(0, query.limit);
    }

    QJsonArray statuses;
    for (const int index : std::as_const(selected))
        statuses.append(statusJson(index));
    QByteArray body = QJsonDocument(statuses).toJson(QJsonDocument::Compact);
    if (fault && faultKind == PageFault::MalformedJson)
        body.truncate(qMax<qsizetype>(1, body.size() / 2));
    if (fault && faultKind == PageFault::ObjectInsteadOfArray)
        body = R"({"error":"An unexpected error occurred"})";
    Response response = apiJson(200, body);

    QStringList links;
    if (fault && faultKind == PageFault::LinkLoop && page >= 2) {
        const QUrl back = page - 1 == 1
                              ? linkUrl(tagAsSent, query, QString(), 0)
                              : linkUrl(tagAsSent, query, QStringLiteral("max_id"),
                                        m_statuses.at(list.at(qsizetype(page - 2) * query.limit - 1)).id);
        links.append(u'<' + QString::fromLatin1(back.toEncoded()) + QStringLiteral(">; rel=\"next\""));
    } else if (!selected.isEmpty() && selected.size() == query.limit) {
        const QUrl next =
            linkUrl(tagAsSent, query, QStringLiteral("max_id"), m_statuses.at(selected.last()).id);
        links.append(u'<' + QString::fromLatin1(next.toEncoded()) + QStringLiteral(">; rel=\"next\""));
    }
    if (!selected.isEmpty()) {
        const QUrl prev =
            linkUrl(tagAsSent, query, QStringLiteral("min_id"), m_statuses.at(selected.first()).id);
        links.append(u'<' + QString::fromLatin1(prev.toEncoded()) + QStringLiteral(">; rel=\"prev\""));
    }
    if (!links.isEmpty())
        addHeader(response, {"Link", links.join(QStringLiteral(", ")).toLatin1()});
    response.delayMs = m_apiDelayMs;
    return response;
}

Response MastodonStandIn::handleInstance(int apiVersion)
{
    const QString host = baseUrl().authority();
    const QString base = baseUrl().toString();
    const bool pixelfed = m_scenario.flavour == QLatin1String("pixelfed");
    if (apiVersion == 1) {
        const QJsonObject v1{
            {QStringLiteral("uri"), host},
            {QStringLiteral("title"), m_scenario.title},
            {QStringLiteral("short_description"), QStringLiteral("A stand-in instance for TagLens tests")},
            {QStringLiteral("description"), QStringLiteral("A stand-in instance for TagLens tests")},
            {QStringLiteral("email"), QStringLiteral("admin@example.org")},
            {QStringLiteral("version"), m_scenario.version},
            {QStringLiteral("urls"),
             QJsonObject{{QStringLiteral("streaming_api"), QString(QStringLiteral("ws://") + host)}}},
            {QStringLiteral("stats"), QJsonObject{{QStringLiteral("user_count"), int(m_accounts.size())},
                                                  {QStringLiteral("status_count"), int(m_statuses.size())},
                                                  {QStringLiteral("domain_count"), 4}}},
            {QStringLiteral("languages"), QJsonArray{QStringLiteral("en")}},
            {QStringLiteral("registrations"), false},
            {QStringLiteral("approval_required"), false},
        };
        return apiJson(200, QJsonDocument(v1).toJson(QJsonDocument::Compact));
    }

    QJsonObject configuration{
        {QStringLiteral("urls"),
         QJsonObject{{QStringLiteral("streaming"), QString(QStringLiteral("ws://") + host)}}},
        {QStringLiteral("statuses"), QJsonObject{{QStringLiteral("max_characters"), 500},
                                                 {QStringLiteral("max_media_attachments"), 4},
                                                 {QStringLiteral("characters_reserved_per_url"), 23}}},
        {QStringLiteral("media_attachments"),
         QJsonObject{{QStringLiteral("supported_mime_types"),
                      QJsonArray{QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
                                 QStringLiteral("image/gif"), QStringLiteral("image/webp"),
                                 QStringLiteral("video/mp4"), QStringLiteral("audio/mpeg")}},
                     {QStringLiteral("image_size_limit"), 16777216},
                     {QStringLiteral("image_matrix_limit"), 33177600},
                     {QStringLiteral("video_size_limit"), 103809024}}},
        {QStringLiteral("translation"), QJsonObject{{QStringLiteral("enabled"), false}}},
    };
    // timelines_access exists from Mastodon 4.5 on; older versions and Pixelfed do not say.
    const QStringList parts = m_scenario.version.split(u'.');
    const int major = parts.value(0).toInt();
    const int minor = parts.value(1).toInt();
    if (!pixelfed && (major > 4 || (major == 4 && minor >= 5))) {
        const QString fallback =
            m_scenario.requiresLogin ? QStringLiteral("authenticated") : QStringLiteral("public");
        const QString local =
            m_scenario.hashtagFeedsLocal.isEmpty() ? fallback : m_scenario.hashtagFeedsLocal;
        const QString remote =
            m_scenario.hashtagFeedsRemote.isEmpty() ? fallback : m_scenario.hashtagFeedsRemote;
        const QJsonObject open{{QStringLiteral("local"), QStringLiteral("public")},
                               {QStringLiteral("remote"), QStringLiteral("public")}};
        configuration.insert(
            QStringLiteral("timelines_access"),
            QJsonObject{{QStringLiteral("live_feeds"), open},
                        {QStringLiteral("hashtag_feeds"),
                         QJsonObject{{QStringLiteral("local"), local}, {QStringLiteral("remote"), remote}}},
                        {QStringLiteral("trending_link_feeds"), open}});
    }
    const QJsonObject v2{
        {QStringLiteral("domain"), host},
        {QStringLiteral("title"), m_scenario.title},
        {QStringLiteral("version"), m_scenario.version},
        {QStringLiteral("source_url"), pixelfed ? QStringLiteral("https://github.com/pixelfed/pixelfed")
                                                : QStringLiteral("https://github.com/mastodon/mastodon")},
        {QStringLiteral("description"), QStringLiteral("A stand-in instance for TagLens tests")},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("users"),
                      QJsonObject{{QStringLiteral("active_month"), int(m_accounts.size())}}}}},
        {QStringLiteral("thumbnail"),
         QJsonObject{{QStringLiteral("url"), QString(base + QStringLiteral("/packs/thumbnail.png"))}}},
        {QStringLiteral("languages"), QJsonArray{QStringLiteral("en")}},
        {QStringLiteral("configuration"), configuration},
        {QStringLiteral("registrations"),
         QJsonObject{{QStringLiteral("enabled"), false},
                     {QStringLiteral("approval_required"), false},
                     {QStringLiteral("message"), QJsonValue(QJsonValue::Null)}}},
        {QStringLiteral("contact"),
         QJsonObject{{QStringLiteral("email"), QStringLiteral("admin@example.org")},
                     {QStringLiteral("account"), QJsonValue(QJsonValue::Null)}}},
        {QStringLiteral("rules"), QJsonArray()},
    };
    return apiJson(200, QJsonDocument(v2).toJson(QJsonDocument::Compact));
}

Response MastodonStandIn::handleMedia(const Request &request, int index, bool preview)
{
    const MediaRecord &media = m_media.at(index);
    int fetches = 0;
    if (request.method == "GET")
        fetches = ++m_fetches[request.path];

    Response response;
    addHeader(response, {"Cache-Control", "public, max-age=315576000, immutable"});
    if (preview) {
        response.body = m_photos->previewJpeg(media.photoIndex);
        response.contentType = "image/jpeg";
        return response;
    }

    const auto errorPage = [](int status) {
        Response error = Response::withStatus(status, MastodonStandInMedia::htmlErrorPage(status));
        error.contentType = "text/html";
        return error;
    };
    switch (media.kind) {
    case MediaKind::Photo:
    case MediaKind::Duplicate:
        response.body = mediaBytes(index);
        response.contentType = "image/jpeg";
        break;
    case MediaKind::PngAsJpg: // the server goes by the name, as a misconfigured one does
        response.body = mediaBytes(index);
        response.contentType = "image/jpeg";
        break;
    case MediaKind::Flaky:
        if (fetches == 1)
            return errorPage(503);
        response.body = mediaBytes(index);
        response.contentType = "image/jpeg";
        break;
    case MediaKind::Video:
    case MediaKind::Gifv:
        response.body = MastodonStandInMedia::mp4();
        response.contentType = "video/mp4";
        break;
    case MediaKind::Audio:
        response.body = MastodonStandInMedia::mp3();
        response.contentType = "audio/mpeg";
        break;
    case MediaKind::Unknown:
    case MediaKind::NoUrl:
        response.body = MastodonStandInMedia::unknownBytes();
        response.contentType = "application/octet-stream";
        break;
    case MediaKind::TruncatedJpeg:
        response.body = MastodonStandInMedia::truncated(mediaBytes(index), 60);
        response.contentType = "image/jpeg";
        break;
    case MediaKind::HtmlAsJpeg:
        response.body = MastodonStandInMedia::htmlErrorPage(502);
        response.contentType = "image/jpeg";
        break;
    case MediaKind::DecompressionBomb:
        response.body = MastodonStandInMedia::decompressionBombPng();
        response.contentType = "image/png";
        break;
    case MediaKind::Oversized:
    case MediaKind::OversizedUnannounced: {
        // A real JPEG start, then zeros: 26 MiB made while sending, never held in memory.
        const QByteArray head = mediaBytes(index).left(4096);
        response.streamedSize = OversizedBytes;
        response.streamedBody = [head](qint64 offset, qint64 maxBytes) {
            return MastodonStandInMedia::streamedPiece(head, OversizedBytes, offset, maxBytes);
        };
        response.closeDelimited = media.kind == MediaKind::OversizedUnannounced;
        response.contentType = "image/jpeg";
        break;
    }
    case MediaKind::NotFound:
        return errorPage(404);
    case MediaKind::ServerError:
        return errorPage(500);
    case MediaKind::Stalled:
        response.body = mediaBytes(index);
        response.contentType = "image/jpeg";
        response.stallAfterBytes = 0;
        break;
    case MediaKind::ResetMidBody:
        response.body = mediaBytes(index);
        response.contentType = "image/jpeg";
        response.resetAfterBytes = response.body.size() / 2;
        break;
    }
    return response;
}

Response MastodonStandIn::handleIntrospection(const QString &path) const
{
    if (path == QLatin1String("/_standin/expected"))
        return Response::json(QJsonDocument(expectedMediaJson()).toJson(QJsonDocument::Compact));
    if (path == QLatin1String("/_standin/fetches")) {
        QJsonObject fetches;
        for (auto it = m_fetches.cbegin(); it != m_fetches.cend(); ++it)
            fetches.insert(it.key(), it.value());
        return Response::json(QJsonDocument(fetches).toJson(QJsonDocument::Compact));
    }
    if (path == QLatin1String("/_standin/requests")) {
        QJsonArray list;
        for (const Request &request : requests()) {
            list.append(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                                    {QStringLiteral("target"), QString::fromLatin1(request.target)}});
        }
        return Response::json(QJsonDocument(list).toJson(QJsonDocument::Compact));
    }
    return Response::json(R"({"error":"Record not found"})", 404);
}

} // namespace taglens::tests
