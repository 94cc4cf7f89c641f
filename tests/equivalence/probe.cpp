// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-probe: exposes the C++ preprocessing and logits as raw float32 files, so that
// check_equivalence.py can compare them with torchvision value by value.
//   taglens-probe preprocess IMAGE OUT.f32        (3×299×299, CHW, normalised)
//   taglens-probe logits MODEL IN.f32 OUT.f32     (N×3×S×S in, N×classes out)
#include "engine/imaging/imagedecoder.h"
#include "engine/inference/torch/torchclassifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace taglens;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "taglens-probe: " << message << Qt::endl;
    return 1;
}

bool writeFloats(const QString &path, const float *data, qsizetype count)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly)
           && f.write(reinterpret_cast<const char *>(data), count * qsizetype(sizeof(float))) == count * qsizetype(sizeof(float));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args[1] == QLatin1String("preprocess")) {
        auto decoded = engine::ImageDecoder::decodeFile(args[2]);
        if (!decoded)
            return fail(decoded.error().message);
        auto prepared = torchbackend::TorchClassifier::preprocess(decoded->image, engine::Preprocessing{});
        if (!prepared)
            return fail(prepared.error().message);
        return writeFloats(args[3], prepared->values.constData(), prepared->values.size()) ? 0 : fail(QStringLiteral("cannot write"));
    }
    if (args.size() == 5 && args[1] == QLatin1String("logits")) {
        auto model = torchbackend::TorchClassifier::load(args[2]);
        if (!model)
            return fail(model.error().message);
        QFile in(args[3]);
        if (!in.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(args[3]));
        const QByteArray bytes = in.readAll();
        const int s = (*model)->info().preprocessing.inputSize;
        const qsizetype per = qsizetype(3) * s * s;
        const qsizetype floats = bytes.size() / qsizetype(sizeof(float));
        if (floats == 0 || floats % per != 0)
            return fail(QStringLiteral("%1 is not N×3×%2×%2 float32").arg(args[3]).arg(s));
        const auto *p = reinterpret_cast<const float *>(bytes.constData());
        QList<engine::PreparedInput> batch;
        for (qsizetype i = 0; i < floats / per; ++i)
            batch.append(engine::PreparedInput{QList<float>(p + i * per, p + (i + 1) * per), 3, s});
        auto logits = (*model)->logits(batch);
        if (!logits)
            return fail(logits.error().message);
        QList<float> flat;
        for (const auto &row : std::as_const(*logits))
            flat.append(row);
        return writeFloats(args[4], flat.constData(), flat.size()) ? 0 : fail(QStringLiteral("cannot write"));
    }
    return fail(QStringLiteral("usage: taglens-probe preprocess IMAGE OUT.f32 | logits MODEL IN.f32 OUT.f32"));
}
