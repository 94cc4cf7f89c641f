// SPDX-License-Identifier: GPL-3.0-or-later
// GraphApiError: Meta's error objects → engine errors with messages that say what to do; hostile
// bodies (not JSON, wrong types, huge or control-laden texts, deep nesting) never crash.
#include "engine/net/graphapierror.h"

#include <QTest>

using taglens::engine::Error;
using taglens::engine::ErrorCode;
using taglens::engine::GraphApiError;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)

namespace {

QByteArray errorObject(int code, int subcode = 0, const QByteArray &message = "(#x) Something",
                       const QByteArray &trace = "AbCdEfGhIjK")
{
    QByteArray body = "{\"error\":{\"message\":\"" + message +
                      "\",\"type\":\"OAuthException\",\"code\":" + QByteArray::number(code);
    if (subcode != 0)
        body += ",\"error_subcode\":" + QByteArray::number(subcode);
    body += ",\"fbtrace_id\":\"" + trace + "\"}}";
    return body;
}

const Error Transport{ErrorCode::Network,
                      QStringLiteral("Could not fetch https://graph.example/x: HTTP 400.")};

} // namespace

class TestGraphApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsErrorObjects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("mustContain");

        const QStringList login{QStringLiteral("Your Instagram login has expired or was revoked"),
                                QStringLiteral("`taglens-cli auth login --source instagram`")};
        QTest::newRow("190 expired") << errorObject(190, 463,
                                                    "Error validating access token: Session has expired")
                                     << 400 << ErrorCode::Unauthorized << login;
        QTest::newRow("190 no subcode") << errorObject(190) << 401 << ErrorCode::Unauthorized << login;
        QTest::newRow("190 password changed")
            << errorObject(190, 460) << 400 << ErrorCode::Unauthorized << login;
        QTest::newRow("102 session") << errorObject(102) << 400 << ErrorCode::Unauthorized << login;
        QTest::newRow("code as digit string")
            << QByteArray("{\"error\":{\"code\":\"190\",\"message\":\"x\"}}") << 400
            << ErrorCode::Unauthorized << login;

        for (const int code : {4, 17, 32, 613, 80002}) {
            QTest::addRow("rate limit %d", code)
                << errorObject(code, 0, "(#4) Application request limit reached") << 403
                << ErrorCode::RateLimited
                << QStringList{QStringLiteral("rate limit"), QStringLiteral("Wait"),
                               QStringLiteral("code %1").arg(code)};
        }
        const QStringList budget{QStringLiteral("30 different hashtags"), QStringLiteral("7 days")};
        QTest::newRow("24 hashtag budget")
            << errorObject(24, 2207024) << 400 << ErrorCode::RateLimited << budget;
        QTest::newRow("2207xxx about hashtags")
            << errorObject(100, 2207042, "You have reached the maximum number of hashtags") << 400
            << ErrorCode::RateLimited << budget;
        QTest::newRow("2207xxx about something else")
            << errorObject(9007, 2207027, "The media is not ready") << 400 << ErrorCode::Network
            << QStringList{QStringLiteral("The media is not ready"), QStringLiteral("code 9007"),
                           QStringLiteral("subcode 2207027")};

        const QStringList permission{QStringLiteral("permission"), QStringLiteral("instagram_basic"),
                                     QStringLiteral("Instagram Public Content Access"),
                                     QStringLiteral("App Review")};
        QTest::newRow("10") << errorObject(10, 0, "(#10) Requires Instagram Public Content Access") << 403
                            << ErrorCode::PermissionDenied << permission;
        QTest::newRow("200") << errorObject(200) << 403 << ErrorCode::PermissionDenied << permission;
        QTest::newRow("299") << errorObject(299) << 403 << ErrorCode::PermissionDenied << permission;
        QTest::newRow("300 is not a permission")
            << errorObject(300, 0, "Edit failure") << 400 << ErrorCode::Network
            << QStringList{QStringLiteral("Edit failure"), QStringLiteral("code 300")};

        QTest::newRow("100 invalid parameter")
            << errorObject(100, 2207004, "(#100) Invalid parameter") << 400 << ErrorCode::InvalidArgument
            << QStringList{QStringLiteral("refused a parameter"), QStringLiteral("unknown"),
                           QStringLiteral("Invalid parameter")};
        QTest::newRow("100/33 no such object")
            << errorObject(100, 33, "Unsupported get request.") << 400 << ErrorCode::NotFound
            << QStringList{QStringLiteral("does not exist"), QStringLiteral("Unsupported get request.")};
        QTest::newRow("1 temporary") << errorObject(1, 0, "An unknown error occurred") << 500
                                     << ErrorCode::Network
                                     << QStringList{QStringLiteral("temporary"), QStringLiteral("later")};
        QTest::newRow("unknown code keeps Meta's words")
            << errorObject(12345, 678, "Something new and strange", "TrAcE123") << 400 << ErrorCode::Network
            << QStringList{QStringLiteral("Something new and strange"), QStringLiteral("code 12345"),
                           QStringLiteral("subcode 678"), QStringLiteral("fbtrace_id TrAcE123"),
                           QStringLiteral("HTTP 400")};
        QTest::newRow("message only") << QByteArray("{\"error\":{\"message\":\"Only words\"}}") << 400
                                      << ErrorCode::Network << QStringList{QStringLiteral("Only words")};
        QTest::newRow("wrong types read as absent")
            << QByteArray("{\"error\":{\"message\":[\"x\"],\"code\":true,\"error_subcode\":{},\"type\":5,"
                          "\"fbtrace_id\":null,"
                          "\"x\":\"Only this\"}}")
            << 400 << ErrorCode::Network << QStringList{QStringLiteral("Could not fetch")};
        QTest::newRow("fractional code")
            << QByteArray("{\"error\":{\"code\":190.5,\"message\":\"odd\"}}") << 400 << ErrorCode::Network
            << QStringList{QStringLiteral("odd"), QStringLiteral("code 0")};
        QTest::newRow("huge code") << QByteArray("{\"error\":{\"code\":1e300,\"message\":\"huge\"}}") << 400
                                   << ErrorCode::Network << QStringList{QStringLiteral("huge")};
        QTest::newRow("negative code") << QByteArray("{\"error\":{\"code\":-190,\"message\":\"neg\"}}") << 400
                                       << ErrorCode::Network << QStringList{QStringLiteral("neg")};
    }
    void mapsErrorObjects()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, httpStatus);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, mustContain);
        const Error error = GraphApiError::fromResponse(httpStatus, body, Transport);
        QCOMPARE(int(error.code), int(code));
        for (const QString &part : std::as_const(mustContain))
            QVERIFY2(error.message.contains(part), qPrintable(error.message + QStringLiteral(" ∌ ") + part));
    }

    void hostileBodiesFallBackToTransportError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
        QTest::newRow("truncated") << errorObject(190).left(30);
        QTest::newRow("array root") << QByteArray("[{\"error\":{\"code\":190}}]");
        QTest::newRow("error is a string") << QByteArray("{\"error\":\"invalid_token\"}");
        QTest::newRow("error is null") << QByteArray("{\"error\":null}");
        QTest::newRow("no code no message") << QByteArray("{\"error\":{\"type\":\"OAuthException\"}}");
        QTest::newRow("deep nesting") << QByteArray(100000, '[') + QByteArray(100000, ']');
        QTest::newRow("oversized") << QByteArray("{\"error\":{\"code\":190,\"message\":\"") +
                                          QByteArray(GraphApiError::MaxBodyBytes, 'a') + QByteArray("\"}}");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\"error\"", 10);
    }
    void hostileBodiesFallBackToTransportError()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!GraphApiError::parse(body).has_value());
        const Error error = GraphApiError::fromResponse(400, body, Transport);
        QCOMPARE(int(error.code), int(Transport.code));
        QCOMPARE(error.message, Transport.message);
    }

    void textsAreCleanedAndCut()
    {
        const QByteArray longMessage(5000, 'm');
        auto details = GraphApiError::parse(errorObject(12345, 0, longMessage, QByteArray(2000, 't')));
        QVERIFY(details.has_value());
        QVERIFY(details->message.size() <= GraphApiError::MaxTextLength + 1);
        QVERIFY(details->fbtraceId.size() <= GraphApiError::MaxTextLength + 1);
        details = GraphApiError::parse(errorObject(12345, 0, "line\\nbreak\\u001b[31mred\\u202e"));
        QVERIFY(details.has_value());
        for (const QChar c : std::as_const(details->message))
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(details->message));
        // The server's own text, its control and format characters turned into spaces and folded.
        QCOMPARE(details->message, QStringLiteral("line break [31mred"));
    }

    void classifies_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("subcode");
        QTest::addColumn<int>("kind");
        QTest::newRow("190") << 190 << 0 << int(GraphApiError::Kind::ExpiredLogin);
        QTest::newRow("4") << 4 << 0 << int(GraphApiError::Kind::RateLimit);
        QTest::newRow("17") << 17 << 0 << int(GraphApiError::Kind::RateLimit);
        QTest::newRow("32") << 32 << 0 << int(GraphApiError::Kind::RateLimit);
        QTest::newRow("613") << 613 << 0 << int(GraphApiError::Kind::RateLimit);
        QTest::newRow("24") << 24 << 0 << int(GraphApiError::Kind::HashtagLimit);
        QTest::newRow("10") << 10 << 0 << int(GraphApiError::Kind::Permission);
        QTest::newRow("250") << 250 << 0 << int(GraphApiError::Kind::Permission);
        QTest::newRow("100") << 100 << 0 << int(GraphApiError::Kind::InvalidParameter);
        QTest::newRow("2") << 2 << 0 << int(GraphApiError::Kind::Temporary);
        QTest::newRow("0") << 0 << 0 << int(GraphApiError::Kind::Other);
        QTest::newRow("5") << 5 << 0 << int(GraphApiError::Kind::Other);
    }
    void classifies()
    {
        QFETCH(int, code);
        QFETCH(int, subcode);
        QFETCH(int, kind);
        GraphApiError::Details details;
        details.code = code;
        details.subcode = subcode;
        QCOMPARE(int(GraphApiError::classify(details)), kind);
    }
};

QTEST_GUILESS_MAIN(TestGraphApiError)
#include "tst_graphapierror.moc"
