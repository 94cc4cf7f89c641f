// SPDX-License-Identifier: GPL-3.0-or-later
// A Mastodon stand-in for the OAuth routes (apps, authorization-server metadata, token,
// verify_credentials, revoke) in the documented formats, errors included; header-only, for the
// auth tests. Answers on 127.0.0.1 through TestHttpServer.
#pragma once

#include "engine/auth/pkce.h"
#include "support/filescan.h"
#include "support/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QUrlQuery>

namespace taglens::tests {

inline const QString ClientId = QStringLiteral("TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM");
inline const QString ClientSecret = QStringLiteral("ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw");
inline const QString AccessToken = QStringLiteral("ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0");
inline const QString Code = QStringLiteral("qDFUEaYrRK5c-HNmTCJbAzazwLRInJ7VHFat0wcMgCU");

inline QUrlQuery form(const TestHttpServer::Request &request)
{
    return QUrlQuery(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QStringLiteral("%20")));
}

inline QString field(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

/// Mastodon's routes for the OAuth dance, with knobs for the error answers.
class MastodonOAuthStandIn
{
public:
    TestHttpServer server;
    bool advertisePkce = true;
    TestHttpServer::Response appsError; // status 0: answer normally
    TestHttpServer::Response tokenError;
    TestHttpServer::Response revokeError;
    QByteArray lastChallenge; // from the authorize step the test plays
    bool revoked = false;

    MastodonOAuthStandIn()
    {
        appsError.status = tokenError.status = revokeError.status = 0;
        server.route(QStringLiteral("/api/v1/apps"), [this](const TestHttpServer::Request &request) {
            if (appsError.status)
                return appsError;
            const QUrlQuery f = form(request);
            if (request.method != "POST" || field(f, "client_name").isEmpty() ||
                field(f, "redirect_uris").isEmpty())
                return TestHttpServer::Response::json(R"({"error":"Validation failed: Name must be given"})",
                                                      422);
            return TestHttpServer::Response::json(
                QStringLiteral(
                    R"({"id":"563419","name":"%1","website":"%2","scopes":["read"],)"
                    R"("redirect_uri":"%3","redirect_uris":["%3"],"vapid_key":"BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",)"
                    R"("client_id":"%4","client_secret":"%5","client_secret_expires_at":0})")
                    .arg(field(f, "client_name"), field(f, "website"), field(f, "redirect_uris"), ClientId,
                         ClientSecret)
                    .toUtf8());
        });
        server.route(QStringLiteral("/.well-known/oauth-authorization-server"), [this](const TestHttpServer::
                                                                                           Request &) {
            if (!advertisePkce)
                return TestHttpServer::Response::json(R"({"error":"Not found"})", 404);
            return TestHttpServer::Response::json(
                R"({"issuer":"https://social.example/","authorization_endpoint":"https://social.example/oauth/authorize",)"
                R"("token_endpoint":"https://social.example/oauth/token","revocation_endpoint":"https://social.example/oauth/revoke",)"
                R"("scopes_supported":["read","write","push"],"response_types_supported":["code"],)"
                R"("code_challenge_methods_supported":["S256"],"grant_types_supported":["authorization_code","client_credentials"]})");
        });
        server.route(QStringLiteral("/oauth/token"), [this](const TestHttpServer::Request &request) {
            if (tokenError.status)
                return tokenError;
            const QUrlQuery f = form(request);
            const bool verifierOk =
                lastChallenge.isEmpty()
                    ? !f.hasQueryItem(QStringLiteral("code_verifier"))
                    : taglens::engine::Pkce::challenge(field(f, "code_verifier").toLatin1()) == lastChallenge;
            if (field(f, "grant_type") != u"authorization_code" || field(f, "code") != Code ||
                field(f, "client_id") != ClientId || field(f, "client_secret") != ClientSecret ||
                !field(f, "redirect_uri").startsWith(QStringLiteral("http://127.0.0.1:")) || !verifierOk)
                return TestHttpServer::Response::json(
                    R"({"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."})",
                    400);
            return TestHttpServer::Response::json(
                QStringLiteral(
                    R"({"access_token":"%1","token_type":"Bearer","scope":"read","created_at":1573979017})")
                    .arg(AccessToken)
                    .toUtf8());
        });
        server.route(QStringLiteral("/api/v1/accounts/verify_credentials"), [this](
                                                                                const TestHttpServer::Request
                                                                                    &request) {
            if (revoked || request.header("Authorization") != "Bearer " + AccessToken.toUtf8())
                return TestHttpServer::Response::json(R"({"error":"The access token is invalid"})", 401);
            return TestHttpServer::Response::json(
                R"({"id":"14715","username":"trwnh","acct":"trwnh","display_name":"infinite love","locked":false,"bot":false,)"
                R"("url":"https://social.example/@trwnh","followers_count":821,"source":{"privacy":"public"}})");
        });
        // A tag timeline that needs the login (an instance with hashtag_feeds = authenticated).
        server.route(QStringLiteral("/api/v1/timelines/tag/cats"),
                     [this](const TestHttpServer::Request &request) {
                         if (revoked || request.header("Authorization") != "Bearer " + AccessToken.toUtf8())
                             return TestHttpServer::Response::json(
                                 R"({"error":"This API requires an authenticated user"})", 401);
                         return TestHttpServer::Response::json("[]");
                     });
        server.route(QStringLiteral("/oauth/revoke"), [this](const TestHttpServer::Request &request) {
            if (revokeError.status)
                return revokeError;
            const QUrlQuery f = form(request);
            if (field(f, "client_id") != ClientId || field(f, "client_secret") != ClientSecret)
                return TestHttpServer::Response::json(
                    R"({"error":"unauthorized_client","error_description":"You are not authorized to revoke this token"})",
                    403);
            revoked = field(f, "token") == AccessToken;
            return TestHttpServer::Response::json("{}");
        });
    }

    QUrl instance() const { return server.url(QString()).adjusted(QUrl::StripTrailingSlash); }
};

} // namespace taglens::tests
