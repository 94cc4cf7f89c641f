// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/sha256.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using taglens::engine::Sha256;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        // FIPS 180-2, appendix B, and the empty message.
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(Sha256::hex(input), expected);
        QCOMPARE(Sha256::hash(input).size(), 32);
    }

    void agreesWithQtInPieces_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("piece");
        // Around the 64-byte block and the 55/56-byte padding boundary, and a photo-sized input.
        for (int size : {1, 55, 56, 63, 64, 65, 127, 128, 1000, 118 * 1024 + 3})
            for (int piece : {1, 7, 64, 4096})
                QTest::addRow("%d bytes in pieces of %d", size, piece) << size << piece;
    }

    void agreesWithQtInPieces()
    {
        QFETCH(int, size);
        QFETCH(int, piece);
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator rng(quint32(size * 31 + piece));
        for (char &c : data)
            c = char(rng.bounded(256));
        const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        Sha256 h;
        for (qsizetype i = 0; i < data.size(); i += piece)
            h.addData(QByteArrayView(data).sliced(i, qMin<qsizetype>(piece, data.size() - i)));
        QCOMPARE(h.result().toHex(), expected.toHex());
        QCOMPARE(Sha256::hash(data).toHex(), expected.toHex());
    }

    void resultDoesNotEndTheHash()
    {
        Sha256 h;
        h.addData("ab");
        QCOMPARE(h.result(), Sha256::hash("ab"));
        QCOMPARE(h.result(), Sha256::hash("ab")); // asking twice changes nothing
        h.addData("c");
        QCOMPARE(h.result(), Sha256::hash("abc"));
        h.reset();
        QCOMPARE(h.result(), Sha256::hash(QByteArrayView()));
        h.addData("abc");
        QCOMPARE(Sha256::hex(QByteArrayView()), QString::fromLatin1(Sha256::hash({}).toHex()));
        QCOMPARE(h.result().toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
