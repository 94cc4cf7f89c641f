// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testhttpserver.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::tests {

/// A stand-in for Meta's Graph API (v21.0) and the Facebook Login dialog on 127.0.0.1, speaking
/// the documented wire format, for the Instagram tests:
/// - `GET /v21.0/dialog/oauth?client_id&redirect_uri&state&scope&response_type=code` → 302 to the
///   registered redirect URI with `code` and `state` (or `error=access_denied`), as the dialog
///   does once the user agrees; a redirect URI that is not registered exactly gets an error page;
/// - `GET /v21.0/oauth/access_token` with client_id, redirect_uri, client_secret and code (the
///   code works once), and with `grant_type=fb_exchange_token` for the long-lived token;
/// - `GET /v21.0/me/accounts?fields=instagram_business_account{id,username},name`;
/// - `GET /v21.0/ig_hashtag_search?user_id&q`, counting unique tags per account (code 24 past the
///   budget of 30), unknown tags answered with code 100;
/// - `GET /v21.0/{hashtag-id}/recent_media` and `/top_media` with user_id, fields, limit (≤ 50)
///   and `after` cursors; `paging.next` carries the access token in its query as Meta's does;
/// - the token in `Authorization: Bearer` or `access_token`; a wrong or missing one gets code 190;
/// - error objects `{"error":{"message","type","code","error_subcode","fbtrace_id"}}` with the
///   HTTP status Meta uses, on demand per endpoint (failNext());
/// - image files at /media/<id>.jpg (small JPEGs made with QImage).
/// Runs on the thread that owns it.
class GraphApiStandIn : public QObject
{
    Q_OBJECT

public:
    /// One IG Media object as the stand-in serves it.
    struct Media
    {
        QString id;
        QString type = QStringLiteral("IMAGE"); ///< IMAGE, VIDEO or CAROUSEL_ALBUM
        bool hasMediaUrl = true;                ///< false: no media_url key (copyrighted audio)
        QString caption;
        QDateTime timestamp;
        QList<Media> children; ///< for CAROUSEL_ALBUM
    };

    enum class Endpoint
    {
        HashtagSearch,
        Media,
        CodeExchange,
        LongLivedExchange,
        Accounts,
    };

    // What a test registers and expects; defaults look like Meta's values.
    QString clientId = QStringLiteral("1234567890123456");
    QString clientSecret = QStringLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    QString code = QStringLiteral("AQD7xGraphStandInCodeKq3v9ZsT0");
    QString shortToken = QStringLiteral("EAAShortLivedStandInToken0aZ9bY8cX7dW6eV5fU4");
    QString longToken = QStringLiteral("EAALongLivedStandInToken1qP2oN3mL4kJ5iH6gF7eD8");
    qint64 longTokenExpiresIn = 5183944; ///< seconds, about 60 days
    QString igUserId = QStringLiteral("17841405822304914");
    QString igUsername = QStringLiteral("taglens_test");
    QString pageName = QStringLiteral("TagLens Test Page");
    bool linkedAccount = true;  ///< false: the Page has no instagram_business_account
    bool denyDialog = false;    ///< the dialog redirects with error=access_denied
    QUrl registeredRedirectUri; ///< e.g. http://localhost:8765/ (must be set for the dialog)
    int hashtagBudget = 30;

    explicit GraphApiStandIn(QObject *parent = nullptr);
    ~GraphApiStandIn() override;

    TestHttpServer &server() { return m_server; }
    /// http://127.0.0.1:PORT/v21.0
    QUrl graphBase() const;
    /// http://127.0.0.1:PORT/v21.0/dialog/oauth
    QUrl dialogBase() const;
    /// Where the image of \a mediaId is served.
    QUrl mediaFileUrl(const QString &mediaId) const;

    /// Makes \a name (any case) a known hashtag with \a id, its recent and top media.
    void addHashtag(const QString &name, const QString &id, const QList<Media> &recent,
                    const QList<Media> &top = {});
    /// The next \a times requests to \a endpoint answer Graph error \a code (and \a subcode).
    void failNext(Endpoint endpoint, int code, int times = 1, int subcode = 0);

    /// Tags searched, as sent, in order.
    QStringList searchedTags() const { return m_searched; }
    /// Media page requests received (both edges).
    int mediaRequests() const { return m_mediaRequests; }

    /// The HTTP status Meta answers error \a code with.
    static int httpStatusFor(int code);
    /// A Graph error body.
    static QByteArray errorBody(int code, int subcode, const QString &message, const QString &type);
    /// A small JPEG, different for each \a seed.
    static QByteArray jpeg(const QString &seed);
    /// \a count plain IMAGE media with ids \a prefix1, \a prefix2, … and captions with #tags.
    static QList<Media> images(const QString &prefix, int count, const QString &tag);

private:
    struct Hashtag
    {
        QString name;
        QString id;
        QList<Media> recent;
        QList<Media> top;
    };
    struct Failure
    {
        int code = 0;
        int subcode = 0;
        int times = 0;
    };

    TestHttpServer::Response handle(const TestHttpServer::Request &request);
    TestHttpServer::Response dialog(const TestHttpServer::Request &request);
    TestHttpServer::Response accessToken(const TestHttpServer::Request &request);
    TestHttpServer::Response accounts(const TestHttpServer::Request &request);
    TestHttpServer::Response hashtagSearch(const TestHttpServer::Request &request);
    TestHttpServer::Response media(const TestHttpServer::Request &request, const QString &hashtagId,
                                   const QString &edge);
    TestHttpServer::Response mediaFile(const QString &mediaId);
    bool injectFailure(Endpoint endpoint, TestHttpServer::Response *response);
    QString tokenOf(const TestHttpServer::Request &request) const;
    QJsonObject mediaJson(const Media &media) const;
    static TestHttpServer::Response graphError(int code, const QString &message, int subcode = 0,
                                               const QString &type = QStringLiteral("OAuthException"));

    TestHttpServer m_server;
    QList<Hashtag> m_hashtags;
    QHash<int, Failure> m_failures; // by Endpoint
    QSet<QString> m_codesUsed;
    QHash<QString, QSet<QString>> m_uniqueSearches; // per user id
    QStringList m_searched;
    int m_mediaRequests = 0;
    int m_traceCounter = 0;
};

} // namespace taglens::tests
