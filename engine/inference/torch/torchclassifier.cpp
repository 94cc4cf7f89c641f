// SPDX-License-Identifier: GPL-3.0-or-later
#include "torchclassifier.h"

#include "engine/inference/torchvisiontransform.h"
#include "engine/models/modelstore.h"
#include "engine/models/sha256digest.h"
#include "inceptionv3builder.h"
#include "metadatafiles.h"
#include "torchsupport_p.h"

#include <ATen/Parallel.h>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <caffe2/serialize/inline_container.h>
#include <cmath>
#include <cstring>
#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/subgraph_rewrite.h>

Q_LOGGING_CATEGORY(lcTorch, "taglens.torch.classifier")

namespace taglens::torchbackend {

using engine::Classification;
using engine::Error;
using engine::ErrorCode;
using engine::Expected;
using engine::LabelScore;
using engine::ModelInfo;
using engine::PreparedInput;

namespace {

QString installHint()
{
    return TorchClassifier::tr(
        "Install the official Inception-v3 weights with \"taglens-cli model install\" "
        "(or \"taglens-cli model install --from FILE\" offline), or choose another model file.");
}

/// Stores every 4-d tensor parameter or buffer (the convolution weights) in \a format.
/// Freezing keeps the layout through batch-norm folding, so oneDNN then sees channels-last
/// weights and inputs and reorders nothing per call.
void setConvolutionWeightFormat(torch::jit::Module &module, at::MemoryFormat format)
{
    for (torch::jit::Module sub : module.modules()) {
        struct Converted
        {
            std::string name;
            at::Tensor tensor;
            bool isBuffer;
        };
        std::vector<Converted> converted;
        for (const auto &param : sub.named_parameters(/*recurse=*/false)) {
            if (param.value.dim() == 4)
                converted.push_back({param.name, param.value.contiguous(format), false});
        }
        for (const auto &buffer : sub.named_buffers(/*recurse=*/false)) {
            if (buffer.value.dim() == 4)
                converted.push_back({buffer.name, buffer.value.contiguous(format), true});
        }
        for (Converted &c : converted)
            sub.register_parameter(c.name, std::move(c.tensor), c.isBuffer);
    }
}

/// Rewrites relu(conv(...)) and relu(linear(...)) to an in-place relu on the fresh output: one
/// allocation fewer per layer and the activation stays in the cache lines just written
/// (measured +12 % on Inception-v3, 2 threads). The rewriter only matches where the
/// intermediate value has no other use.
void applyReluInPlace(torch::jit::Module &module)
{
    struct Producer
    {
        const char *params;
        const char *call;
    };
    const Producer producers[] = {
        {"%x, %w, %b, %s, %p, %d, %g", "aten::conv2d(%x, %w, %b, %s, %p, %d, %g)"},
        {"%x, %w, %b, %s, %p, %d, %t, %o, %g, %b1, %b2, %b3, %b4",
         "aten::_convolution(%x, %w, %b, %s, %p, %d, %t, %o, %g, %b1, %b2, %b3, %b4)"},
        {"%x, %w, %b", "aten::linear(%x, %w, %b)"},
    };
    torch::jit::SubgraphRewriter rewriter;
    for (const Producer &producer : producers) {
        const auto graph = [&](const char *relu) {
            return std::string("graph(") + producer.params + "):\n  %y = " + producer.call +
                   "\n  %r = " + relu + "(%y)\n  return (%r)";
        };
        rewriter.RegisterRewritePattern(graph("aten::relu"), graph("aten::relu_"));
    }
    std::shared_ptr<torch::jit::Graph> forward = module.get_method("forward").graph();
    rewriter.runOnGraph(forward);
}

} // namespace

struct TorchClassifier::Private
{
    torch::jit::Module module;
    ModelInfo info;
    int threads = 1;
    /// The layout forward() expects its input in (the one its weights were frozen in).
    at::MemoryFormat inputFormat = at::MemoryFormat::ChannelsLast;
};

TorchClassifier::TorchClassifier(std::unique_ptr<Private> p) : d(std::move(p))
{
}

TorchClassifier::~TorchClassifier() = default;

const ModelInfo &TorchClassifier::info() const
{
    return d->info;
}

void TorchClassifier::setThreadCount(int threads)
{
    // LibTorch defaults to a single intra-op thread here; every forward pass depends on this.
    d->threads = threads > 0 ? threads : qMax(1, QThread::idealThreadCount());
    at::set_num_threads(d->threads);
}

int TorchClassifier::threadCount() const
{
    return d->threads;
}

Expected<std::unique_ptr<TorchClassifier>> TorchClassifier::load(const QString &path, const Options &options)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return Error::make(ErrorCode::ModelMissing,
                           TorchClassifier::tr("No model at %1. %2").arg(path, installHint()));
    if (!fi.isFile() || fi.size() < 22) // 22 bytes: the smallest possible zip file
        return Error::make(ErrorCode::ModelInvalid,
                           TorchClassifier::tr("%1 is not a model file (it is empty or not a file). %2")
                               .arg(path, installHint()));

    auto sha = engine::Sha256Digest::ofFile(path);
    if (!sha)
        return sha.error();

    auto p = std::make_unique<Private>();
    ModelInfo &info = p->info;
    info.path = fi.absoluteFilePath();
    info.sha256 = QString::fromLatin1(*sha);

    bool isTorchScript = false;
    torch::jit::Module raw; // before freezing, kept until the first forward pass has checked the layout
    try {
        caffe2::serialize::PyTorchStreamReader reader(QFile::encodeName(path).toStdString());
        isTorchScript = reader.hasRecord("constants.pkl");
        if (!isTorchScript && !reader.hasRecord("data.pkl"))
            return Error::make(
                ErrorCode::ModelInvalid,
                TorchClassifier::tr("%1 is neither a TorchScript module nor a PyTorch state_dict. %2")
                    .arg(path, installHint()));
    } catch (const std::exception &e) {
        Error err = torchError(
            ErrorCode::ModelInvalid,
            TorchClassifier::tr("%1 is not a readable model file (truncated or not a PyTorch archive)")
                .arg(path),
            e);
        err.message += QLatin1Char(' ') + installHint();
        return err;
    }

    try {
        torch::NoGradGuard noGrad;
        std::string labelsText;
        std::string metadataText;
        if (isTorchScript) {
            info.format = QStringLiteral("torchscript");
            info.name = fi.completeBaseName();
            torch::jit::ExtraFilesMap extra{{MetadataFiles::labelsName().toStdString(), std::string()},
                                            {MetadataFiles::metadataName().toStdString(), std::string()}};
            p->module = torch::jit::load(QFile::encodeName(path).toStdString(), torch::kCPU, extra);
            labelsText = extra[MetadataFiles::labelsName().toStdString()];
            metadataText = extra[MetadataFiles::metadataName().toStdString()];
        } else {
            info.format = QStringLiteral("state-dict");
            info.architecture = QStringLiteral("inception_v3");
            const bool official = info.sha256.startsWith(engine::ModelStore::officialSha256Prefix());
            info.name = official
                            ? TorchClassifier::tr("Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)")
                            : TorchClassifier::tr("Inception-v3 (%1)").arg(fi.fileName());
            info.sourceSha256 = info.sha256;
            auto net = buildInceptionV3Module(path);
            if (!net)
                return net.error();
            p->module = *net;
        }

        // Sidecar files beside the model fill in what the archive does not carry.
        if (labelsText.empty()) {
            QFile f(MetadataFiles::sidecarLabelsPath(path));
            if (f.open(QIODevice::ReadOnly))
                labelsText = f.read(16 << 20).toStdString();
        }
        if (metadataText.empty()) {
            QFile f(MetadataFiles::sidecarMetadataPath(path));
            if (f.open(QIODevice::ReadOnly))
                metadataText = f.read(1 << 20).toStdString();
        }
        if (!metadataText.empty()) {
            auto applied = MetadataFiles::applyMetadataJson(QByteArray::fromStdString(metadataText), info);
            if (!applied)
                return Error::make(ErrorCode::ModelInvalid,
                                   QStringLiteral("%1: %2").arg(path, applied.error().message));
        }
        if (!labelsText.empty()) {
            auto labels = MetadataFiles::parseLabels(QByteArray::fromStdString(labelsText));
            if (!labels)
                return Error::make(ErrorCode::ModelInvalid,
                                   QStringLiteral("%1: %2").arg(path, labels.error().message));
            info.labels = *labels;
        } else if (!isTorchScript) {
            auto labels = MetadataFiles::imagenetLabels();
            if (!labels)
                return labels.error();
            info.labels = *labels;
        } else {
            return Error::make(
                ErrorCode::ModelInvalid,
                TorchClassifier::tr(
                    "%1 carries no class names: add a labels.txt extra file or a %2 beside it.")
                    .arg(path, QFileInfo(MetadataFiles::sidecarLabelsPath(path)).fileName()));
        }

        p->module.eval();
        raw = p->module;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::ModelInvalid, TorchClassifier::tr("Cannot load the model %1").arg(path),
                          e);
    }

    auto classifier = std::unique_ptr<TorchClassifier>(new TorchClassifier(std::move(p)));
    classifier->setThreadCount(options.threads);
    Private &loaded = *classifier->d;

    // Freezes the module for inputs in `format` and runs one forward pass on a blank image, which
    // checks the outputs against the labels below and warms up oneDNN (so the first real batch
    // is not slow).
    // Measured here (2 threads, batch 8, alternating rounds, PyTorch running the same graphs):
    // frozen with channels-last weights and inputs 13.9 img/s, 15.6 with the in-place relu;
    // PyTorch eager channels-last 11.8; frozen plus optimize_for_inference (oneDNN blocked
    // tensors) 9.8-10.3; frozen on plain NCHW 8.4.
    const int s = loaded.info.preprocessing.inputSize;
    const auto freezeFor = [&](at::MemoryFormat format) {
        torch::NoGradGuard noGrad;
        setConvolutionWeightFormat(raw, format);
        torch::jit::Module frozen = torch::jit::freeze(raw);
        if (format == at::MemoryFormat::ChannelsLast)
            applyReluInPlace(frozen);
        else
            frozen = torch::jit::optimize_for_inference(frozen);
        loaded.module = frozen;
        loaded.inputFormat = format;
        c10::InferenceMode inference;
        return loaded.module.forward({torch::zeros({1, 3, s, s}).contiguous(format)});
    };
    try {
        torch::jit::IValue out;
        try {
            out = freezeFor(at::MemoryFormat::ChannelsLast);
        } catch (const std::exception &e) {
            // A TorchScript model may reshape its own weights in ways only the plain layout allows.
            qCInfo(lcTorch) << "channels-last failed, using the plain layout:" << e.what();
            out = freezeFor(at::MemoryFormat::Contiguous);
        }
        raw = torch::jit::Module();
        if (lcTorch().isDebugEnabled())
            qCDebug(lcTorch).noquote()
                << "optimised graph:\n"
                << QString::fromStdString(loaded.module.get_method("forward").graph()->toString());
        at::Tensor logits;
        if (out.isTensor()) {
            logits = out.toTensor();
        } else if (out.isTuple() && out.toTupleRef().elements().size() >= 1 &&
                   out.toTupleRef().elements()[0].isTensor()) {
            const auto &elements = out.toTupleRef().elements();
            logits = elements[0].toTensor();
            if (elements.size() >= 2 && elements[1].isTensor() && elements[1].toTensor().dim() == 2) {
                loaded.info.hasEmbedding = true;
                loaded.info.embeddingSize = int(elements[1].toTensor().size(1));
            }
        } else {
            return Error::make(ErrorCode::ModelInvalid,
                               TorchClassifier::tr(
                                   "%1 does not return class scores (a tensor or a tuple starting with one).")
                                   .arg(path));
        }
        if (logits.dim() != 2 || logits.size(0) != 1)
            return Error::make(ErrorCode::ModelInvalid,
                               TorchClassifier::tr("%1 returns scores of an unexpected shape.").arg(path));
        if (logits.size(1) != loaded.info.labels.size())
            return Error::make(ErrorCode::ModelInvalid,
                               TorchClassifier::tr("%1 scores %2 classes but has %3 labels.")
                                   .arg(path)
                                   .arg(logits.size(1))
                                   .arg(loaded.info.labels.size()));
        if (!loaded.info.hasEmbedding)
            loaded.info.embeddingSize = 0;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::ModelInvalid,
                          TorchClassifier::tr("The model %1 fails on a %2×%2 image").arg(path).arg(s), e);
    }
    qCInfo(lcTorch).noquote() << "loaded" << loaded.info.name << "from" << path << "threads"
                              << loaded.threads;
    return classifier;
}

Expected<std::unique_ptr<engine::ImageClassifier>> TorchClassifier::open(const QString &path,
                                                                         const Options &options)
{
    QString modelPath = path;
    if (modelPath.isEmpty()) {
        const engine::ModelStore store;
        if (!store.hasDefaultModel())
            return Error::make(ErrorCode::ModelMissing, store.missingModelMessage());
        modelPath = store.defaultModelPath();
    }
    auto loaded = load(modelPath, options);
    if (!loaded)
        return loaded.error();
    return std::unique_ptr<engine::ImageClassifier>(std::move(*loaded));
}

Expected<void> TorchClassifier::installFromStateDict(const QString &source, const QString &destination)
{
    auto metadata = InceptionV3Builder::metadataFor(source);
    if (!metadata)
        return metadata.error();
    if (auto converted = InceptionV3Builder::convertToTorchScript(source, destination, *metadata); !converted)
        return converted;
    auto check = load(destination);
    if (!check)
        return check.error();
    return {};
}

Expected<PreparedInput> TorchClassifier::prepare(const QImage &image) const
{
    return preprocess(image, d->info.preprocessing);
}

Expected<PreparedInput> TorchClassifier::preprocess(const QImage &image, const engine::Preprocessing &pp)
{
    return engine::TorchvisionTransform::apply(image, pp);
}

namespace {

/// Copies planar (CHW) prepared inputs into one batch tensor laid out in \a format.
Expected<at::Tensor> stackBatch(const QList<PreparedInput> &batch, const engine::Preprocessing &pp,
                                at::MemoryFormat format)
{
    const int s = pp.inputSize;
    at::Tensor input =
        torch::empty({qsizetype(batch.size()), 3, s, s}, at::TensorOptions(at::kFloat).memory_format(format));
    float *dst = input.data_ptr<float>();
    const qsizetype plane = qsizetype(s) * s;
    const qsizetype per = 3 * plane;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PreparedInput &in = batch[i];
        if (!in.isValid() || in.channels != 3 || in.size != s)
            return Error::make(ErrorCode::InvalidArgument,
                               TorchClassifier::tr("Input %1 was not prepared for this model.").arg(i + 1));
        const float *src = in.values.constData();
        float *out = dst + i * per;
        if (format == at::MemoryFormat::ChannelsLast) {
            const float *r = src;
            const float *g = src + plane;
            const float *b = src + 2 * plane;
            for (qsizetype k = 0; k < plane; ++k) {
                out[3 * k] = r[k];
                out[3 * k + 1] = g[k];
                out[3 * k + 2] = b[k];
            }
        } else {
            std::memcpy(out, src, size_t(per) * sizeof(float));
        }
    }
    return input;
}

} // namespace

Expected<QList<QList<float>>> TorchClassifier::logits(const QList<PreparedInput> &batch)
{
    if (batch.isEmpty())
        return QList<QList<float>>{};
    auto input = stackBatch(batch, d->info.preprocessing, d->inputFormat);
    if (!input)
        return input.error();
    try {
        c10::InferenceMode inference;
        const auto out = d->module.forward({*input});
        const at::Tensor logits =
            (out.isTuple() ? out.toTupleRef().elements()[0].toTensor() : out.toTensor()).contiguous();
        QList<QList<float>> rows;
        const int classes = int(logits.size(1));
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const float *p = logits[i].data_ptr<float>();
            rows.append(QList<float>(p, p + classes));
        }
        return rows;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::Inference, TorchClassifier::tr("The model failed"), e);
    }
}

Expected<QList<Classification>> TorchClassifier::classify(const QList<PreparedInput> &batch, int topK)
{
    if (batch.isEmpty())
        return QList<Classification>{};
    auto input = stackBatch(batch, d->info.preprocessing, d->inputFormat);
    if (!input)
        return input.error();
    try {
        c10::InferenceMode inference;
        const auto out = d->module.forward({*input});
        at::Tensor logits;
        at::Tensor features;
        if (out.isTuple()) {
            const auto &elements = out.toTupleRef().elements();
            logits = elements[0].toTensor();
            if (d->info.hasEmbedding)
                features = elements[1].toTensor().contiguous();
        } else {
            logits = out.toTensor();
        }
        const at::Tensor probabilities = torch::softmax(logits, 1);
        const int k = qBound(1, topK, int(logits.size(1)));
        const auto [scores, indices] = probabilities.topk(k, 1);
        const auto scoresA = scores.accessor<float, 2>();
        const auto indicesA = indices.accessor<int64_t, 2>();
        QList<Classification> results;
        results.reserve(batch.size());
        for (qsizetype i = 0; i < batch.size(); ++i) {
            Classification c;
            for (int j = 0; j < k; ++j) {
                const int index = int(indicesA[i][j]);
                c.labels.append(LabelScore{index, d->info.labels.value(index), scoresA[i][j]});
            }
            if (features.defined()) {
                const float *f = features[i].data_ptr<float>();
                c.embedding = QList<float>(f, f + features.size(1));
            }
            results.append(std::move(c));
        }
        return results;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::Inference,
                          TorchClassifier::tr("The model failed on a batch of %1").arg(batch.size()), e);
    }
}

} // namespace taglens::torchbackend
