// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/auth/pkce.h"

#include <QSet>
#include <QTest>

using taglens::engine::Pkce;

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void challenge_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<QByteArray>("challenge");
        // RFC 7636 Appendix B.
        QTest::newRow("rfc7636-appendix-b") << QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                                            << QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        // Checked with: printf %s VERIFIER | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '='
        QTest::newRow("43-a") << QByteArray(43, 'a')
                              << QByteArray("ZtNPunH49FD35FWYhT5Tv8I7vRKQJ8uxMaL0_9eHjNA");
    }
    void challenge()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(QByteArray, challenge);
        QCOMPARE(Pkce::challenge(verifier), challenge);
        QVERIFY(!Pkce::challenge(verifier).contains('='));
    }

    void verifierLength_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("expected");
        QTest::newRow("default") << -1 << 64;
        QTest::newRow("too short is raised to 43") << 10 << 43;
        QTest::newRow("minimum") << 43 << 43;
        QTest::newRow("maximum") << 128 << 128;
        QTest::newRow("too long is cut to 128") << 500 << 128;
    }
    void verifierLength()
    {
        QFETCH(int, asked);
        QFETCH(int, expected);
        const QByteArray verifier = asked < 0 ? Pkce::generateVerifier() : Pkce::generateVerifier(asked);
        QCOMPARE(verifier.size(), expected);
        QVERIFY(Pkce::isValidVerifier(verifier));
    }

    void isValidVerifier_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("rfc") << QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") << true;
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("plus sign") << (QByteArray(42, 'a') + '+') << false;
        QTest::newRow("tilde dot") << (QByteArray(41, 'a') + "~.") << true;
    }
    void isValidVerifier()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Pkce::isValidVerifier(verifier), valid);
    }

    void randomValuesDiffer()
    {
        QSet<QByteArray> verifiers;
        QSet<QByteArray> states;
        for (int i = 0; i < 200; ++i) {
            verifiers.insert(Pkce::generateVerifier());
            const QByteArray state = Pkce::generateState();
            QCOMPARE(state.size(), 43);
            QVERIFY(!state.contains('=') && !state.contains('+') && !state.contains('/'));
            states.insert(state);
        }
        QCOMPARE(verifiers.size(), 200);
        QCOMPARE(states.size(), 200);
    }

    void verifierUsesWholeAlphabet()
    {
        // 66 symbols; 100 verifiers of 128 characters miss one with probability ~ 66 * (65/66)^12800.
        QSet<char> seen;
        for (int i = 0; i < 100; ++i) {
            for (char c : Pkce::generateVerifier(128))
                seen.insert(c);
        }
        QCOMPARE(seen.size(), 66);
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
