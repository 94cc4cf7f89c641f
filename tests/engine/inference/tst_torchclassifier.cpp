// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/inference/torch/torchclassifier.h"
#include "support/testpaths.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace taglens;
using engine::ErrorCode;
using torchbackend::TorchClassifier;

namespace {

QString model(const QString &name)
{
    return tests::testModelDir() + QLatin1Char('/') + name;
}

QString hostile(const QString &name)
{
    return tests::testModelDir() + QStringLiteral("/hostile/") + name;
}

/// Un-normalises channel \a c of a prepared input back to 0..255 pixel values.
float pixel(const engine::PreparedInput &in, const engine::Preprocessing &pp, int c, int y, int x)
{
    const float v = in.values[(qsizetype(c) * in.size + y) * in.size + x];
    return (v * pp.std[size_t(c)] + pp.mean[size_t(c)]) * 255.0f;
}

} // namespace

class TestTorchClassifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(QFile::exists(model(QStringLiteral("test_inception_v3.pth"))), "run the make_test_models fixture");
        QVERIFY2(QFile::exists(hostile(QStringLiteral("no_labels.pt"))), "run the make_hostile_models fixture");
    }

    void loadErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        // What the message must name besides the path: the command that installs a model, or what
        // the file itself holds (a tensor, its rank, a pickled global, a metadata key, counts).
        QTest::addColumn<QStringList>("mentions");
        const QStringList installHint{QStringLiteral("taglens-cli model install")};

        QTest::newRow("missing") << m_tmp.filePath(QStringLiteral("nothing-here.pt"))
                                 << int(ErrorCode::ModelMissing) << installHint;
        QTest::newRow("empty") << writeFile(QStringLiteral("empty.pt"), QByteArray())
                               << int(ErrorCode::ModelInvalid) << installHint;
        QByteArray noise(4096, 0);
        QRandomGenerator rng(7);
        for (auto &c : noise)
            c = char(rng.bounded(256));
        QTest::newRow("random bytes")
            << writeFile(QStringLiteral("noise.pth"), noise) << int(ErrorCode::ModelInvalid) << installHint;
        QTest::newRow("a JPEG named .pt")
            << writeFile(QStringLiteral("photo.pt"), QByteArray("\xff\xd8\xff\xe0"
                                                                "JFIF",
                                                                8)
                                                         .repeated(10))
            << int(ErrorCode::ModelInvalid) << installHint;
        QFile full(model(QStringLiteral("test_inception_v3.pth")));
        QByteArray truncated;
        if (full.open(QIODevice::ReadOnly))
            truncated = full.read(full.size() / 2);
        QTest::newRow("truncated weights") << writeFile(QStringLiteral("truncated.pth"), truncated)
                                           << int(ErrorCode::ModelInvalid) << installHint;
        QTest::newRow("not inception")
            << hostile(QStringLiteral("not_inception.pth")) << int(ErrorCode::ModelInvalid)
            << QStringList{QStringLiteral("Conv2d_1a_3x3.conv.weight")};
        QTest::newRow("wrong rank") << hostile(QStringLiteral("wrong_rank.pth"))
                                    << int(ErrorCode::ModelInvalid)
                                    << QStringList{QStringLiteral("Conv2d_1a_3x3.conv.weight"),
                                                   QStringLiteral("3"), QStringLiteral("4")};
        QTest::newRow("pickle calling os.system")
            << hostile(QStringLiteral("evil.pth")) << int(ErrorCode::ModelInvalid)
            << QStringList{QStringLiteral("system")};
        QTest::newRow("torchscript without labels")
            << hostile(QStringLiteral("no_labels.pt")) << int(ErrorCode::ModelInvalid)
            << QStringList{QStringLiteral("labels.txt")};
        QTest::newRow("labels do not match outputs")
            << hostile(QStringLiteral("label_mismatch.pt")) << int(ErrorCode::ModelInvalid)
            << QStringList{QStringLiteral("4"), QStringLiteral("2")};
        QTest::newRow("metadata with wrong types")
            << hostile(QStringLiteral("bad_metadata.pt")) << int(ErrorCode::ModelInvalid)
            << QStringList{QStringLiteral("input_size")};
    }

    void loadErrors()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        QFETCH(QStringList, mentions);
        QVERIFY(!path.isEmpty());
        QFile::remove(QStringLiteral("/tmp/taglens-pwned"));
        auto loaded = TorchClassifier::load(path);
        QVERIFY(!loaded.hasValue());
        QCOMPARE(int(loaded.error().code), code);
        const QString message = loaded.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        // A name or number on its own, outside the path (whose folder may hold digits).
        const QString rest = QString(message).remove(path);
        for (const QString &name : std::as_const(mentions)) {
            const QRegularExpression alone(
                QStringLiteral("(^|[^\\w])%1($|[^\\w])").arg(QRegularExpression::escape(name)));
            QVERIFY2(rest.contains(alone), qPrintable(name + QStringLiteral(": ") + message));
        }
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/taglens-pwned")));
    }

    void loadsTheStateDict()
    {
        auto loaded = TorchClassifier::load(model(QStringLiteral("test_inception_v3.pth")));
        QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().message));
        const auto &info = (*loaded)->info();
        QCOMPARE(info.format, QStringLiteral("state-dict"));
        QCOMPARE(info.architecture, QStringLiteral("inception_v3"));
        QCOMPARE(info.labels.size(), 1000);
        QCOMPARE(info.labels.first(), QStringLiteral("tench"));
        QVERIFY(info.hasEmbedding);
        QCOMPARE(info.embeddingSize, 2048);
        QVERIFY2(!info.trained, "the sidecar JSON marks the test model untrained");
        QCOMPARE(info.sha256.size(), 64);
    }

    void loadsTheTorchScriptModel()
    {
        auto loaded = TorchClassifier::load(model(QStringLiteral("test_inception_v3.pt")));
        QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().message));
        const auto &info = (*loaded)->info();
        QCOMPARE(info.format, QStringLiteral("torchscript"));
        QCOMPARE(info.labels.size(), 1000);
        QVERIFY(!info.trained);
        QCOMPARE(info.preprocessing.inputSize, 299);
        QCOMPARE(info.preprocessing.resizeSize, 342);
    }

    void readsSidecarMetadata()
    {
        auto loaded = TorchClassifier::load(hostile(QStringLiteral("tiny_sidecar.pt")));
        QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().message));
        const auto &info = (*loaded)->info();
        QCOMPARE(info.labels, (QStringList{QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
                                           QStringLiteral("grey")}));
        QCOMPARE(info.name, QStringLiteral("tiny"));
        QCOMPARE(info.preprocessing.inputSize, 32);
        QVERIFY(!info.hasEmbedding);
    }

    void fallsBackToThePlainLayout_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("weights viewed (fails when frozen)") << QStringLiteral("plain_weights");
        QTest::newRow("input viewed (fails on the first run)") << QStringLiteral("plain_input");
    }

    void fallsBackToThePlainLayout()
    {
        QFETCH(QString, name);
        auto loaded = TorchClassifier::load(hostile(name + QStringLiteral(".pt")));
        QVERIFY2(loaded.hasValue(), qPrintable(loaded ? QString() : loaded.error().message));
        QFile f(hostile(name + QStringLiteral(".logits.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray expected = QJsonDocument::fromJson(f.readAll()).array();
        QCOMPARE(expected.size(), 4);
        const int s = (*loaded)->info().preprocessing.inputSize;
        QCOMPARE(s, 16);
        auto logits = (*loaded)->logits({engine::PreparedInput{QList<float>(qsizetype(3) * s * s, 0.5f), 3, s}});
        QVERIFY2(logits.hasValue(), qPrintable(logits ? QString() : logits.error().message));
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(logits->first().at(i) - expected[i].toDouble()) < 1e-5,
                     qPrintable(QStringLiteral("logit %1: %2, PyTorch %3").arg(i).arg(logits->first().at(i)).arg(expected[i].toDouble())));
    }

    void classifiesAndRanks()
    {
        auto loaded = TorchClassifier::load(model(QStringLiteral("test_inception_v3.pth")));
        QVERIFY(loaded.hasValue());
        TorchClassifier &c = **loaded;
        QImage image(640, 480, QImage::Format_RGB888);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb(x % 256, y % 256, (x * y) % 256));
        auto prepared = c.prepare(image);
        QVERIFY(prepared.hasValue());
        QCOMPARE(prepared->values.size(), qsizetype(3 * 299 * 299));

        QImage other = image.mirrored(true, false);
        other.invertPixels();
        auto preparedOther = c.prepare(other);
        QVERIFY(preparedOther.hasValue());

        auto single = c.classify({*prepared}, 5);
        auto singleOther = c.classify({*preparedOther}, 5);
        auto pair = c.classify({*preparedOther, *prepared}, 5);
        QVERIFY(single.hasValue() && singleOther.hasValue() && pair.hasValue());
        QCOMPARE(pair->size(), 2);
        const auto &labels = single->first().labels;
        QCOMPARE(labels.size(), 5);
        float sum = 0;
        for (int i = 0; i < labels.size(); ++i) {
            QVERIFY(labels[i].score > 0 && labels[i].score <= 1);
            QCOMPARE(labels[i].label, c.info().labels[labels[i].index]);
            if (i > 0)
                QVERIFY(labels[i - 1].score >= labels[i].score);
            sum += labels[i].score;
        }
        QVERIFY(sum <= 1.0001f);
        // Batching must not change the answer, nor mix the images of a batch.
        QVERIFY(singleOther->first().labels[0].index != labels[0].index
                || std::abs(singleOther->first().labels[0].score - labels[0].score) > 1e-3f);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(pair->at(1).labels[i].index, labels[i].index);
            QVERIFY(std::abs(pair->at(1).labels[i].score - labels[i].score) < 1e-4f);
            QCOMPARE(pair->at(0).labels[i].index, singleOther->first().labels[i].index);
            QVERIFY(std::abs(pair->at(0).labels[i].score - singleOther->first().labels[i].score) < 1e-4f);
        }
        QCOMPARE(single->first().embedding.size(), 2048);
        for (float v : single->first().embedding)
            QVERIFY(std::isfinite(v));
    }

    void rejectsInputsPreparedForAnotherModel()
    {
        auto loaded = TorchClassifier::load(hostile(QStringLiteral("tiny_sidecar.pt")));
        QVERIFY(loaded.hasValue());
        engine::PreparedInput wrong{QList<float>(3 * 299 * 299, 0.0f), 3, 299};
        auto result = (*loaded)->classify({wrong}, 3);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        auto broken = (*loaded)->classify({engine::PreparedInput{QList<float>(10, 0.0f), 3, 32}}, 3);
        QVERIFY(!broken.hasValue());
    }

    void preparesLikePil_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<QColor>("expected");
        QImage transparent(400, 300, QImage::Format_ARGB32);
        transparent.fill(QColor(200, 100, 50, 0));
        QTest::newRow("alpha 0 keeps its colour (convert('RGB') drops alpha)") << transparent << QColor(200, 100, 50);
        QImage grey(300, 400, QImage::Format_Grayscale8);
        grey.fill(77);
        QTest::newRow("grey replicates") << grey << QColor(77, 77, 77);
        QImage indexed(50, 50, QImage::Format_Indexed8);
        indexed.setColorTable({qRgb(10, 20, 30)});
        indexed.fill(0);
        QTest::newRow("palette expands, small image upscales") << indexed << QColor(10, 20, 30);
        QImage strip(1, 4000, QImage::Format_RGB32);
        strip.fill(QColor(0, 255, 0));
        QTest::newRow("1x4000 strip") << strip << QColor(0, 255, 0);
        QImage dot(1, 1, QImage::Format_RGB32);
        dot.fill(QColor(255, 0, 255));
        QTest::newRow("1x1") << dot << QColor(255, 0, 255);
    }

    void preparesLikePil()
    {
        QFETCH(QImage, image);
        QFETCH(QColor, expected);
        const engine::Preprocessing pp;
        auto prepared = TorchClassifier::preprocess(image, pp);
        QVERIFY2(prepared.hasValue(), qPrintable(prepared ? QString() : prepared.error().message));
        QVERIFY(prepared->isValid());
        const int rgb[3] = {expected.red(), expected.green(), expected.blue()};
        for (int c = 0; c < 3; ++c)
            for (int p : {0, 150, 298})
                QVERIFY2(std::abs(pixel(*prepared, pp, c, p, p) - float(rgb[c])) < 0.51f,
                         qPrintable(QStringLiteral("channel %1 at %2: %3").arg(c).arg(p).arg(double(pixel(*prepared, pp, c, p, p)))));
    }

    void rejectsAnEmptyImage()
    {
        auto prepared = TorchClassifier::preprocess(QImage(), engine::Preprocessing{});
        QVERIFY(!prepared.hasValue());
        QCOMPARE(prepared.error().code, ErrorCode::Decode);
    }
};

QTEST_GUILESS_MAIN(TestTorchClassifier)
#include "tst_torchclassifier.moc"
