// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeclassifier.h"

#include "engine/core/sha256.h"

#include <QFile>
#include <algorithm>

namespace taglens::tests {

namespace {

const QByteArray Magic = "taglens-fake-classifier 1\n";
const QStringList Labels{QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
                         QStringLiteral("grey")};

} // namespace

bool FakeClassifier::writeModel(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(Magic) == Magic.size();
}

FakeClassifier::Loader FakeClassifier::loader()
{
    return [](const QString &path) -> engine::Expected<std::unique_ptr<engine::ImageClassifier>> {
        QFile file(path);
        if (!file.exists())
            return engine::Error::make(engine::ErrorCode::ModelMissing,
                                       QStringLiteral("no fake model at %1").arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return engine::Error::make(engine::ErrorCode::Io, file.errorString());
        const QByteArray bytes = file.read(4096);
        if (bytes != Magic)
            return engine::Error::make(engine::ErrorCode::ModelInvalid,
                                       QStringLiteral("not a fake model: %1").arg(path));
        engine::ModelInfo info;
        info.name = QStringLiteral("Fake colour classifier (tests)");
        info.path = path;
        info.format = QStringLiteral("fake");
        info.architecture = QStringLiteral("mean-colour");
        info.sha256 = engine::Sha256::hex(bytes);
        info.trained = false;
        info.hasEmbedding = true;
        info.embeddingSize = 3;
        info.labels = Labels;
        info.preprocessing.inputSize = 4;
        info.preprocessing.resizeSize = 4;
        return std::unique_ptr<engine::ImageClassifier>(new FakeClassifier(info));
    };
}

engine::Expected<engine::PreparedInput> FakeClassifier::prepare(const QImage &image) const
{
    if (image.isNull())
        return engine::Error::make(engine::ErrorCode::Decode, QStringLiteral("empty image"));
    const QImage small = image.convertToFormat(QImage::Format_RGB888).scaled(4, 4);
    engine::PreparedInput input;
    input.channels = 3;
    input.size = 4;
    input.values.resize(3 * 16);
    for (int y = 0; y < 4; ++y) {
        for (int x = 0; x < 4; ++x) {
            const QColor c = small.pixelColor(x, y);
            input.values[0 * 16 + y * 4 + x] = float(c.redF());
            input.values[1 * 16 + y * 4 + x] = float(c.greenF());
            input.values[2 * 16 + y * 4 + x] = float(c.blueF());
        }
    }
    return input;
}

engine::Expected<QList<engine::Classification>>
FakeClassifier::classify(const QList<engine::PreparedInput> &batch, int topK)
{
    QList<engine::Classification> out;
    for (const engine::PreparedInput &input : batch) {
        if (!input.isValid() || input.channels != 3)
            return engine::Error::make(engine::ErrorCode::Inference,
                                       QStringLiteral("input of another shape"));
        std::array<float, 3> mean{};
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < 16; ++i)
                mean[size_t(c)] += input.values.at(c * 16 + i) / 16.0f;
        }
        const float spread =
            *std::max_element(mean.begin(), mean.end()) - *std::min_element(mean.begin(), mean.end());
        // Scores that sum to 1: the channels by their share, grey by how little they differ.
        std::array<float, 4> raw{mean[0] + 1e-3f, mean[1] + 1e-3f, mean[2] + 1e-3f, (1.0f - spread) * 0.5f};
        float sum = 0;
        for (const float v : raw)
            sum += v;
        QList<engine::LabelScore> ranked;
        for (int i = 0; i < 4; ++i)
            ranked.append({i, Labels.at(i), raw[size_t(i)] / sum});
        std::stable_sort(
            ranked.begin(), ranked.end(),
            [](const engine::LabelScore &a, const engine::LabelScore &b) { return a.score > b.score; });
        engine::Classification classification;
        classification.labels = ranked.mid(0, qBound(1, topK, 4));
        classification.embedding = {mean[0], mean[1], mean[2]};
        out.append(classification);
    }
    return out;
}

} // namespace taglens::tests
