// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphapistandin.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QTimeZone>
#include <QUrlQuery>

namespace taglens::tests {

namespace {

const QString Version = QStringLiteral("/v21.0");

QString param(const TestHttpServer::Request &request, const char *name)
{
    return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

QString encodeCursor(int offset)
{
    return QString::fromLatin1(QByteArray("offset:" + QByteArray::number(offset))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int decodeCursor(const QString &cursor)
{
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    if (!raw.startsWith("offset:"))
        return -1;
    bool ok = false;
    const int offset = raw.mid(7).toInt(&ok);
    return ok ? offset : -1;
}

} // namespace

GraphApiStandIn::GraphApiStandIn(QObject *parent) : QObject(parent)
{
    m_server.setFallback([this](const TestHttpServer::Request &request) { return handle(request); });
}

GraphApiStandIn::~GraphApiStandIn() = default;

QUrl GraphApiStandIn::graphBase() const
{
    return m_server.url(Version);
}

QUrl GraphApiStandIn::dialogBase() const
{
    return m_server.url(Version + QStringLiteral("/dialog/oauth"));
}

QUrl GraphApiStandIn::mediaFileUrl(const QString &mediaId) const
{
    return m_server.url(QStringLiteral("/media/%1.jpg").arg(mediaId));
}

void GraphApiStandIn::addHashtag(const QString &name, const QString &id, const QList<Media> &recent,
                                 const QList<Media> &top)
{
    m_hashtags.append(Hashtag{name.toLower(), id, recent, top});
}

void GraphApiStandIn::failNext(Endpoint endpoint, int code, int times, int subcode)
{
    m_failures.insert(int(endpoint), Failure{code, subcode, times});
}

int GraphApiStandIn::httpStatusFor(int code)
{
    switch (code) {
    case 1:
    case 2:
        return 500;
    case 4:
    case 17:
    case 32:
    case 613:
    case 10:
        return 403;
    default:
        break;
    }
    if (code >= 200 && code <= 299)
        return 403;
    return 400; // 190, 100, 24 and most others
}

QByteArray GraphApiStandIn::errorBody(int code, int subcode, const QString &message, const QString &type)
{
    QJsonObject error{{QStringLiteral("message"), message},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("fbtrace_id"), QStringLiteral("AbCdEfGhIjK")}};
    if (subcode != 0)
        error.insert(QStringLiteral("error_subcode"), subcode);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

TestHttpServer::Response GraphApiStandIn::graphError(int code, const QString &message, int subcode,
                                                     const QString &type)
{
    auto response =
        TestHttpServer::Response::json(errorBody(code, subcode, message, type), httpStatusFor(code));
    response.headers.emplaceBack(QByteArray("WWW-Authenticate"),
                                 QByteArray("OAuth \"Facebook Platform\" \"invalid_token\""));
    return response;
}

QByteArray GraphApiStandIn::jpeg(const QString &seed)
{
    const size_t hash = qHash(seed);
    QImage image(96, 64, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(int(hash % 360), 180, 200));
    QPainter painter(&image);
    painter.fillRect(QRect(int(hash % 40), 10, 30, 30), QColor::fromHsv(int((hash / 7) % 360), 255, 120));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

QList<GraphApiStandIn::Media> GraphApiStandIn::images(const QString &prefix, int count, const QString &tag)
{
    QList<Media> list;
    const QDateTime base(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    for (int i = 1; i <= count; ++i) {
        Media media;
        media.id = prefix + QString::number(i);
        media.caption = QStringLiteral("Picture %1 #%2 #TagLens").arg(i).arg(tag);
        media.timestamp = base.addSecs(-60 * i);
        list.append(media);
    }
    return list;
}

bool GraphApiStandIn::injectFailure(Endpoint endpoint, TestHttpServer::Response *response)
{
    auto it = m_failures.find(int(endpoint));
    if (it == m_failures.end() || it->times == 0)
        return false;
    --it->times;
    QString message;
    switch (it->code) {
    case 190:
        message = QStringLiteral("Error validating access token: Session has expired on Saturday, 01-Mar-25 "
                                 "04:00:00 PST. The current time is Sunday, 02-Mar-25 10:00:00 PST.");
        break;
    case 4:
        message = QStringLiteral("(#4) Application request limit reached");
        break;
    case 17:
        message = QStringLiteral("(#17) User request limit reached");
        break;
    case 32:
        message = QStringLiteral("(#32) Page request limit reached");
        break;
    case 613:
        message = QStringLiteral("(#613) Calls to this api have exceeded the rate limit.");
        break;
    case 24:
        message =
            QStringLiteral("(#24) You have reached the maximum number of hashtags you can query in 7 days.");
        break;
    case 100:
        message = QStringLiteral("(#100) Invalid parameter");
        break;
    case 10:
        message = QStringLiteral(
            "(#10) To use 'Instagram Public Content Access', your use of this endpoint must be "
            "reviewed and approved by Facebook.");
        break;
    default:
        message = QStringLiteral("(#%1) An unknown error occurred").arg(it->code);
        break;
    }
    *response = graphError(it->code, message, it->subcode);
    return true;
}

QString GraphApiStandIn::tokenOf(const TestHttpServer::Request &request) const
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Bearer "))
        return QString::fromUtf8(authorization.mid(7));
    if (authorization.startsWith("OAuth "))
        return QString::fromUtf8(authorization.mid(6));
    return param(request, "access_token");
}

TestHttpServer::Response GraphApiStandIn::handle(const TestHttpServer::Request &request)
{
    const QString path = request.path;
    if (path.startsWith(QStringLiteral("/media/")) && path.endsWith(QStringLiteral(".jpg")))
        return mediaFile(path.mid(7, path.size() - 11));
    if (!path.startsWith(Version + QLatin1Char('/')))
        return graphError(2500, QStringLiteral("Unknown path components: %1").arg(path));
    const QString rest = path.mid(Version.size());
    if (rest == u"/dialog/oauth")
        return dialog(request);
    if (rest == u"/oauth/access_token")
        return accessToken(request);
    if (rest == u"/me/accounts")
        return accounts(request);
    if (rest == u"/ig_hashtag_search")
        return hashtagSearch(request);
    const QStringList parts = rest.mid(1).split(QLatin1Char('/'));
    if (parts.size() == 2 && (parts[1] == u"recent_media" || parts[1] == u"top_media"))
        return media(request, parts[0], parts[1]);
    return graphError(100,
                      QStringLiteral("Unsupported get request. Object with ID '%1' does not exist, cannot be "
                                     "loaded due to missing permissions, or does not support this operation.")
                          .arg(parts.value(0)),
                      33, QStringLiteral("GraphMethodException"));
}

TestHttpServer::Response GraphApiStandIn::dialog(const TestHttpServer::Request &request)
{
    const QUrl redirect(param(request, "redirect_uri"));
    if (param(request, "client_id") != clientId)
        return TestHttpServer::Response::withStatus(400, "<html><body>Invalid App ID</body></html>");
    if (redirect != registeredRedirectUri || !registeredRedirectUri.isValid())
        return TestHttpServer::Response::withStatus(400, "<html><body>URL blocked: This redirect failed "
                                                         "because the redirect URI is not whitelisted in the "
                                                         "app's Client OAuth Settings.</body></html>");
    if (param(request, "response_type") != u"code" || param(request, "scope").isEmpty())
        return TestHttpServer::Response::withStatus(400, "<html><body>Invalid request</body></html>");
    QUrl target = redirect;
    QUrlQuery query;
    if (denyDialog) {
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        query.addQueryItem(QStringLiteral("error_code"), QStringLiteral("200"));
        query.addQueryItem(QStringLiteral("error_description"), QStringLiteral("Permissions+error"));
        query.addQueryItem(QStringLiteral("error_reason"), QStringLiteral("user_denied"));
    } else {
        query.addQueryItem(QStringLiteral("code"), code);
    }
    query.addQueryItem(QStringLiteral("state"),
                       QString::fromLatin1(QUrl::toPercentEncoding(param(request, "state"))));
    target.setQuery(query);
    target.setFragment(QStringLiteral("_=_")); // what Facebook appends; browsers do not send it
    return TestHttpServer::Response::redirect(302, target);
}

TestHttpServer::Response GraphApiStandIn::accessToken(const TestHttpServer::Request &request)
{
    const bool exchange = param(request, "grant_type") == u"fb_exchange_token";
    TestHttpServer::Response failure;
    if (injectFailure(exchange ? Endpoint::LongLivedExchange : Endpoint::CodeExchange, &failure))
        return failure;
    if (param(request, "client_id") != clientId)
        return graphError(101, QStringLiteral("Error validating application. Invalid application ID."));
    if (param(request, "client_secret") != clientSecret) {
        auto refusal = graphError(1, QStringLiteral("Error validating client secret."));
        refusal.status = 400; // an OAuthException, not an outage
        return refusal;
    }
    if (exchange) {
        if (param(request, "fb_exchange_token") != shortToken)
            return graphError(190, QStringLiteral("Invalid OAuth access token - Cannot parse access token"));
        return TestHttpServer::Response::json(
            QStringLiteral(R"({"access_token":"%1","token_type":"bearer","expires_in":%2})")
                .arg(longToken)
                .arg(longTokenExpiresIn)
                .toUtf8());
    }
    if (QUrl(param(request, "redirect_uri")) != registeredRedirectUri)
        return graphError(100,
                          QStringLiteral("Error validating verification code. Please make sure your "
                                         "redirect_uri is identical to the one you used in the OAuth dialog "
                                         "request"),
                          36008);
    if (param(request, "code") != code)
        return graphError(100, QStringLiteral("Invalid verification code format."), 36007);
    if (m_codesUsed.contains(code))
        return graphError(100, QStringLiteral("This authorization code has been used."), 36009);
    m_codesUsed.insert(code);
    return TestHttpServer::Response::json(
        QStringLiteral(R"({"access_token":"%1","token_type":"bearer","expires_in":5183999})")
            .arg(shortToken)
            .toUtf8());
}

TestHttpServer::Response GraphApiStandIn::accounts(const TestHttpServer::Request &request)
{
    TestHttpServer::Response failure;
    if (injectFailure(Endpoint::Accounts, &failure))
        return failure;
    if (tokenOf(request) != longToken && tokenOf(request) != shortToken)
        return graphError(190, QStringLiteral("Invalid OAuth access token data."));
    QJsonObject page{{QStringLiteral("name"), pageName},
                     {QStringLiteral("id"), QStringLiteral("104598235318203")}};
    if (linkedAccount && param(request, "fields").contains(QStringLiteral("instagram_business_account")))
        page.insert(QStringLiteral("instagram_business_account"),
                    QJsonObject{{QStringLiteral("id"), igUserId}, {QStringLiteral("username"), igUsername}});
    // A Page without a linked account first, as a user with several Pages sees it.
    const QJsonObject other{{QStringLiteral("name"), QStringLiteral("Another Page")},
                            {QStringLiteral("id"), QStringLiteral("104598235318999")}};
    const QJsonObject answer{
        {QStringLiteral("data"), QJsonArray{other, page}},
        {QStringLiteral("paging"),
         QJsonObject{
             {QStringLiteral("cursors"), QJsonObject{{QStringLiteral("before"), QStringLiteral("QVFIUm")},
                                                     {QStringLiteral("after"), QStringLiteral("QVFIUn")}}}}}};
    return TestHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

TestHttpServer::Response GraphApiStandIn::hashtagSearch(const TestHttpServer::Request &request)
{
    TestHttpServer::Response failure;
    if (injectFailure(Endpoint::HashtagSearch, &failure))
        return failure;
    if (tokenOf(request) != longToken)
        return graphError(190, QStringLiteral("Invalid OAuth access token data."));
    const QString userId = param(request, "user_id");
    if (userId != igUserId)
        return graphError(100, QStringLiteral("(#100) The parameter user_id is required."));
    const QString q = param(request, "q");
    m_searched.append(q);
    const QString name = q.toLower();
    QSet<QString> &unique = m_uniqueSearches[userId];
    if (!unique.contains(name) && unique.size() >= hashtagBudget)
        return graphError(
            24,
            QStringLiteral("(#24) You have reached the maximum number of hashtags you can query in "
                           "7 days."),
            2207024, QStringLiteral("IGApiException"));
    for (const Hashtag &hashtag : std::as_const(m_hashtags)) {
        if (hashtag.name == name) {
            unique.insert(name);
            return TestHttpServer::Response::json(
                QStringLiteral(R"({"data":[{"id":"%1"}]})").arg(hashtag.id).toUtf8());
        }
    }
    return graphError(100, QStringLiteral("(#100) Invalid parameter"), 2207004,
                      QStringLiteral("IGApiException"));
}

QJsonObject GraphApiStandIn::mediaJson(const Media &media) const
{
    QJsonObject object{{QStringLiteral("id"), media.id}, {QStringLiteral("media_type"), media.type}};
    if (media.type != u"CAROUSEL_ALBUM" && media.hasMediaUrl)
        object.insert(QStringLiteral("media_url"), mediaFileUrl(media.id).toString());
    if (media.type == u"CAROUSEL_ALBUM") {
        // The album's own media_url is its first child's.
        if (!media.children.isEmpty() && media.children.first().hasMediaUrl)
            object.insert(QStringLiteral("media_url"), mediaFileUrl(media.children.first().id).toString());
        QJsonArray children;
        for (const Media &child : media.children) {
            QJsonObject c{{QStringLiteral("media_type"), child.type}, {QStringLiteral("id"), child.id}};
            if (child.hasMediaUrl)
                c.insert(QStringLiteral("media_url"), mediaFileUrl(child.id).toString());
            children.append(c);
        }
        object.insert(QStringLiteral("children"), QJsonObject{{QStringLiteral("data"), children}});
    }
    object.insert(QStringLiteral("permalink"),
                  QStringLiteral("https://www.instagram.com/p/%1/").arg(media.id));
    if (!media.caption.isEmpty())
        object.insert(QStringLiteral("caption"), media.caption);
    if (media.timestamp.isValid())
        object.insert(QStringLiteral("timestamp"),
                      QString(media.timestamp.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) +
                              QStringLiteral("+0000")));
    return object;
}

TestHttpServer::Response GraphApiStandIn::media(const TestHttpServer::Request &request,
                                                const QString &hashtagId, const QString &edge)
{
    ++m_mediaRequests;
    TestHttpServer::Response failure;
    if (injectFailure(Endpoint::Media, &failure))
        return failure;
    if (tokenOf(request) != longToken)
        return graphError(190, QStringLiteral("Invalid OAuth access token data."));
    if (param(request, "user_id") != igUserId)
        return graphError(100, QStringLiteral("(#100) The parameter user_id is required."));
    const Hashtag *hashtag = nullptr;
    for (const Hashtag &h : std::as_const(m_hashtags)) {
        if (h.id == hashtagId)
            hashtag = &h;
    }
    if (!hashtag)
        return graphError(
            100,
            QStringLiteral("Unsupported get request. Object with ID '%1' does not exist.").arg(hashtagId), 33,
            QStringLiteral("GraphMethodException"));
    bool limitOk = true;
    const int limit =
        request.query.hasQueryItem(QStringLiteral("limit")) ? param(request, "limit").toInt(&limitOk) : 25;
    if (!limitOk || limit < 1 || limit > 50)
        return graphError(100, QStringLiteral("(#100) The limit must be between 1 and 50."));
    int offset = 0;
    if (request.query.hasQueryItem(QStringLiteral("after"))) {
        offset = decodeCursor(param(request, "after"));
        if (offset < 0)
            return graphError(100, QStringLiteral("(#100) Invalid cursor."));
    }
    const QList<Media> &all = edge == u"top_media" ? hashtag->top : hashtag->recent;
    QJsonArray data;
    for (int i = offset; i < all.size() && i < offset + limit; ++i)
        data.append(mediaJson(all.at(i)));
    QJsonObject answer{{QStringLiteral("data"), data}};
    const int end = offset + int(data.size());
    if (end < all.size()) {
        QUrl next = m_server.url(request.path);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("access_token"), tokenOf(request));
        query.addQueryItem(QStringLiteral("user_id"), param(request, "user_id"));
        query.addQueryItem(QStringLiteral("fields"),
                           QString::fromLatin1(QUrl::toPercentEncoding(param(request, "fields"))));
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        query.addQueryItem(QStringLiteral("after"), encodeCursor(end));
        next.setQuery(query);
        answer.insert(QStringLiteral("paging"),
                      QJsonObject{{QStringLiteral("cursors"),
                                   QJsonObject{{QStringLiteral("after"), encodeCursor(end)}}},
                                  {QStringLiteral("next"), next.toString(QUrl::FullyEncoded)}});
    }
    return TestHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

TestHttpServer::Response GraphApiStandIn::mediaFile(const QString &mediaId)
{
    return TestHttpServer::Response::withBody(jpeg(mediaId), "image/jpeg");
}

} // namespace taglens::tests
