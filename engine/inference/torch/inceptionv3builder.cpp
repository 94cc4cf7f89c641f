// SPDX-License-Identifier: GPL-3.0-or-later
#include "inceptionv3builder.h"

#include "engine/models/modelstore.h"
#include "engine/models/sha256digest.h"
#include "metadatafiles.h"
#include "statedictpickle.h"
#include "torchsupport_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <caffe2/serialize/inline_container.h>
#include <map>
#include <optional>

Q_LOGGING_CATEGORY(lcBuilder, "taglens.torch.inception")

namespace taglens::torchbackend {

using engine::Error;
using engine::ErrorCode;
using engine::Expected;

namespace {

/// One BasicConv2d of torchvision's Inception-v3: conv (no bias) → batch-norm (eps 0.001) → ReLU.
struct ConvSpec
{
    const char *name;
    int stride = 1;
    bool noPadding = false; // otherwise "same" padding: (k - 1) / 2 per axis
};

/// A block: its BasicConv2d children and the TorchScript that wires them as torchvision does.
struct BlockType
{
    std::vector<ConvSpec> convs;
    const char *forward;
};

// Submodules are called as self.child.forward(x): methods defined from C++ see `self` as a
// plain object, so the `self.child(x)` shorthand of Python-defined modules is not available.
// The pooling calls spell out every argument so that they match F.avg_pool2d(x, 3, 1, 1)
// (count_include_pad=True) and F.max_pool2d(x, 3, 2) exactly.
#define TAGLENS_AVG_POOL "torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1], False, True, None)"
#define TAGLENS_MAX_POOL "torch.max_pool2d(x, [3, 3], [2, 2], [0, 0], [1, 1], False)"

const BlockType kInceptionA{{{"branch1x1"},
                             {"branch5x5_1"},
                             {"branch5x5_2"},
                             {"branch3x3dbl_1"},
                             {"branch3x3dbl_2"},
                             {"branch3x3dbl_3"},
                             {"branch_pool"}},
                            R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    b5 = self.branch5x5_2.forward(self.branch5x5_1.forward(x))
    bd = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x)))
    bp = self.branch_pool.forward()" TAGLENS_AVG_POOL R"()
    return torch.cat([b1, b5, bd, bp], 1)
)"};

const BlockType kInceptionB{
    {{"branch3x3", 2, true}, {"branch3x3dbl_1"}, {"branch3x3dbl_2"}, {"branch3x3dbl_3", 2, true}},
    R"(
def forward(self, x):
    b3 = self.branch3x3.forward(x)
    bd = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x)))
    bp = )" TAGLENS_MAX_POOL R"(
    return torch.cat([b3, bd, bp], 1)
)"};

const BlockType kInceptionC{{{"branch1x1"},
                             {"branch7x7_1"},
                             {"branch7x7_2"},
                             {"branch7x7_3"},
                             {"branch7x7dbl_1"},
                             {"branch7x7dbl_2"},
                             {"branch7x7dbl_3"},
                             {"branch7x7dbl_4"},
                             {"branch7x7dbl_5"},
                             {"branch_pool"}},
                            R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    b7 = self.branch7x7_3.forward(self.branch7x7_2.forward(self.branch7x7_1.forward(x)))
    bd = self.branch7x7dbl_1.forward(x)
    bd = self.branch7x7dbl_5.forward(self.branch7x7dbl_4.forward(self.branch7x7dbl_3.forward(self.branch7x7dbl_2.forward(bd))))
    bp = self.branch_pool.forward()" TAGLENS_AVG_POOL R"()
    return torch.cat([b1, b7, bd, bp], 1)
)"};

const BlockType kInceptionD{{{"branch3x3_1"},
                             {"branch3x3_2", 2, true},
                             {"branch7x7x3_1"},
                             {"branch7x7x3_2"},
                             {"branch7x7x3_3"},
                             {"branch7x7x3_4", 2, true}},
                            R"(
def forward(self, x):
    b3 = self.branch3x3_2.forward(self.branch3x3_1.forward(x))
    b7 = self.branch7x7x3_4.forward(self.branch7x7x3_3.forward(self.branch7x7x3_2.forward(self.branch7x7x3_1.forward(x))))
    bp = )" TAGLENS_MAX_POOL R"(
    return torch.cat([b3, b7, bp], 1)
)"};

const BlockType kInceptionE{{{"branch1x1"},
                             {"branch3x3_1"},
                             {"branch3x3_2a"},
                             {"branch3x3_2b"},
                             {"branch3x3dbl_1"},
                             {"branch3x3dbl_2"},
                             {"branch3x3dbl_3a"},
                             {"branch3x3dbl_3b"},
                             {"branch_pool"}},
                            R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    t = self.branch3x3_1.forward(x)
    b3 = torch.cat([self.branch3x3_2a.forward(t), self.branch3x3_2b.forward(t)], 1)
    d = self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x))
    bd = torch.cat([self.branch3x3dbl_3a.forward(d), self.branch3x3dbl_3b.forward(d)], 1)
    bp = self.branch_pool.forward()" TAGLENS_AVG_POOL R"()
    return torch.cat([b1, b3, bd, bp], 1)
)"};

// The stem convolutions, then the blocks, in torchvision's order.
const std::vector<ConvSpec> kStem{{"Conv2d_1a_3x3", 2, true},
                                  {"Conv2d_2a_3x3", 1, true},
                                  {"Conv2d_2b_3x3"},
                                  {"Conv2d_3b_1x1"},
                                  {"Conv2d_4a_3x3", 1, true}};

const std::vector<std::pair<const char *, const BlockType *>> kBlocks{
    {"Mixed_5b", &kInceptionA}, {"Mixed_5c", &kInceptionA}, {"Mixed_5d", &kInceptionA},
    {"Mixed_6a", &kInceptionB}, {"Mixed_6b", &kInceptionC}, {"Mixed_6c", &kInceptionC},
    {"Mixed_6d", &kInceptionC}, {"Mixed_6e", &kInceptionC}, {"Mixed_7a", &kInceptionD},
    {"Mixed_7b", &kInceptionE}, {"Mixed_7c", &kInceptionE}};

// transform_input=True re-maps ImageNet-normalised input to the (x - 0.5) / 0.5 scaling the
// original Google weights expect; the constants are written exactly as torchvision writes them.
const char *kNetworkForward = R"(
def forward(self, x):
    x0 = torch.unsqueeze(x[:, 0], 1) * (0.229 / 0.5) + (0.485 - 0.5) / 0.5
    x1 = torch.unsqueeze(x[:, 1], 1) * (0.224 / 0.5) + (0.456 - 0.5) / 0.5
    x2 = torch.unsqueeze(x[:, 2], 1) * (0.225 / 0.5) + (0.406 - 0.5) / 0.5
    x = torch.cat([x0, x1, x2], 1)
    x = self.Conv2d_1a_3x3.forward(x)
    x = self.Conv2d_2a_3x3.forward(x)
    x = self.Conv2d_2b_3x3.forward(x)
    x = torch.max_pool2d(x, [3, 3], [2, 2], [0, 0], [1, 1], False)
    x = self.Conv2d_3b_1x1.forward(x)
    x = self.Conv2d_4a_3x3.forward(x)
    x = torch.max_pool2d(x, [3, 3], [2, 2], [0, 0], [1, 1], False)
    x = self.Mixed_5b.forward(x)
    x = self.Mixed_5c.forward(x)
    x = self.Mixed_5d.forward(x)
    x = self.Mixed_6a.forward(x)
    x = self.Mixed_6b.forward(x)
    x = self.Mixed_6c.forward(x)
    x = self.Mixed_6d.forward(x)
    x = self.Mixed_6e.forward(x)
    x = self.Mixed_7a.forward(x)
    x = self.Mixed_7b.forward(x)
    x = self.Mixed_7c.forward(x)
    x = torch.adaptive_avg_pool2d(x, [1, 1])
    features = torch.flatten(x, 1)
    logits = torch.linear(features, self.fc_weight, self.fc_bias)
    return (logits, features)
)";

/// Reads the tensors of a state_dict archive by name.
class StateDict
{
public:
    static Expected<StateDict> open(const QString &path);

    Expected<at::Tensor> tensor(const QString &name, std::initializer_list<int64_t> expectedRank);

private:
    std::shared_ptr<caffe2::serialize::PyTorchStreamReader> m_reader;
    QHash<QString, TensorRecord> m_records;
    QString m_path;
};

Expected<StateDict> StateDict::open(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error::make(ErrorCode::ModelMissing,
                           InceptionV3Builder::tr("The weights file %1 does not exist.").arg(path));
    StateDict sd;
    sd.m_path = path;
    try {
        sd.m_reader =
            std::make_shared<caffe2::serialize::PyTorchStreamReader>(QFile::encodeName(path).toStdString());
        if (!sd.m_reader->hasRecord("data.pkl"))
            return Error::make(
                ErrorCode::ModelInvalid,
                InceptionV3Builder::tr("%1 is not a PyTorch state_dict file (it has no data.pkl).")
                    .arg(path));
        auto [data, size] = sd.m_reader->getRecord("data.pkl");
        const QByteArray pickle =
            QByteArray::fromRawData(static_cast<const char *>(data.get()), qsizetype(size));
        auto records = StateDictPickle::parse(pickle);
        if (!records)
            return Error::make(ErrorCode::ModelInvalid,
                               QStringLiteral("%1: %2").arg(path, records.error().message));
        for (const TensorRecord &r : std::as_const(*records))
            sd.m_records.insert(r.name, r);
    } catch (const std::exception &e) {
        return torchError(ErrorCode::ModelInvalid,
                          InceptionV3Builder::tr("Cannot read the weights file %1").arg(path), e);
    }
    return sd;
}

Expected<at::Tensor> StateDict::tensor(const QString &name, std::initializer_list<int64_t> expectedRank)
{
    const auto it = m_records.constFind(name);
    if (it == m_records.constEnd())
        return Error::make(ErrorCode::ModelInvalid,
                           InceptionV3Builder::tr(
                               "%1 has no tensor \"%2\": it is not a torchvision Inception-v3 state_dict.")
                               .arg(m_path, name));
    const TensorRecord &r = *it;
    if (expectedRank.size() > 0 && qsizetype(*expectedRank.begin()) != r.sizes.size())
        return Error::make(ErrorCode::ModelInvalid,
                           InceptionV3Builder::tr("%1: tensor \"%2\" has %3 dimensions, expected %4.")
                               .arg(m_path, name)
                               .arg(r.sizes.size())
                               .arg(*expectedRank.begin()));
    at::ScalarType type;
    if (r.dtype == QLatin1String("float32"))
        type = at::kFloat;
    else if (r.dtype == QLatin1String("float64"))
        type = at::kDouble;
    else if (r.dtype == QLatin1String("float16"))
        type = at::kHalf;
    else if (r.dtype == QLatin1String("int64"))
        type = at::kLong;
    else
        type = at::kInt;
    const int64_t elementSize = int64_t(c10::elementSize(type));

    // The view must stay inside its storage, or a hostile file could make us read past it.
    int64_t lastIndex = r.offset;
    bool empty = false;
    for (qsizetype i = 0; i < r.sizes.size(); ++i) {
        if (r.sizes[i] == 0)
            empty = true;
        else if (r.strides[i] > 0 && (r.sizes[i] - 1) > (INT64_MAX / 4) / r.strides[i])
            return Error::make(ErrorCode::ModelInvalid,
                               InceptionV3Builder::tr("%1: tensor \"%2\" is malformed.").arg(m_path, name));
        else
            lastIndex += (r.sizes[i] - 1) * r.strides[i];
    }
    if (!empty && (r.offset < 0 || lastIndex >= r.storageNumel))
        return Error::make(
            ErrorCode::ModelInvalid,
            InceptionV3Builder::tr("%1: tensor \"%2\" points outside its storage.").arg(m_path, name));
    try {
        auto [data, size] = m_reader->getRecord("data/" + r.storageKey.toStdString());
        if (int64_t(size) != r.storageNumel * elementSize)
            return Error::make(ErrorCode::ModelInvalid,
                               InceptionV3Builder::tr("%1: the storage of \"%2\" has %3 bytes, expected %4.")
                                   .arg(m_path, name)
                                   .arg(qint64(size))
                                   .arg(r.storageNumel * elementSize));
        const std::vector<int64_t> sizes(r.sizes.cbegin(), r.sizes.cend());
        const std::vector<int64_t> strides(r.strides.cbegin(), r.strides.cend());
        at::Tensor storage = torch::from_blob(data.get(), {r.storageNumel}, at::TensorOptions().dtype(type));
        at::Tensor t = storage.as_strided(sizes, strides, r.offset).clone(at::MemoryFormat::Contiguous);
        if (t.is_floating_point() && type != at::kFloat)
            t = t.to(at::kFloat);
        return t;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::ModelInvalid,
                          InceptionV3Builder::tr("%1: cannot read tensor \"%2\"").arg(m_path, name), e);
    }
}

std::string typeName(const QString &path)
{
    QString n = path;
    n.replace(QLatin1Char('.'), QLatin1Char('_'));
    return "__torch__.taglens.inception_v3." + n.toStdString();
}

Expected<torch::jit::Module> makeConv(StateDict &sd, const QString &path, const ConvSpec &spec,
                                      const std::shared_ptr<torch::jit::CompilationUnit> &cu)
{
    auto weight = sd.tensor(path + QStringLiteral(".conv.weight"), {4});
    if (!weight)
        return weight.error();
    torch::jit::Module m(typeName(path), cu);
    m.register_buffer("weight", *weight);
    for (const char *bn : {"weight", "bias", "running_mean", "running_var"}) {
        auto t = sd.tensor(path + QStringLiteral(".bn.") + QLatin1String(bn), {1});
        if (!t)
            return t.error();
        if (t->size(0) != weight->size(0))
            return Error::make(
                ErrorCode::ModelInvalid,
                InceptionV3Builder::tr("The batch-norm of %1 does not match its convolution.").arg(path));
        m.register_buffer(std::string("bn_") + bn, *t);
    }
    const int64_t kh = weight->size(2);
    const int64_t kw = weight->size(3);
    const int64_t ph = spec.noPadding ? 0 : (kh - 1) / 2;
    const int64_t pw = spec.noPadding ? 0 : (kw - 1) / 2;
    const std::string src = "def forward(self, x):\n"
                            "    x = torch.conv2d(x, self.weight, None, [" +
                            std::to_string(spec.stride) + ", " + std::to_string(spec.stride) + "], [" +
                            std::to_string(ph) + ", " + std::to_string(pw) +
                            "])\n"
                            "    x = torch.batch_norm(x, self.bn_weight, self.bn_bias, self.bn_running_mean, "
                            "self.bn_running_var, False, 0.1, 0.001, True)\n"
                            "    return torch.relu(x)\n";
    m.define(src);
    return m;
}

} // namespace

Error torchError(ErrorCode code, const QString &context, const std::exception &e)
{
    // LibTorch messages carry a C++ backtrace after the first line; people need the first line.
    QString what = QString::fromUtf8(e.what());
    const qsizetype nl = what.indexOf(QLatin1Char('\n'));
    if (nl > 0)
        what.truncate(nl);
    qCWarning(lcBuilder).noquote() << context << ":" << QString::fromUtf8(e.what());
    return Error::make(code, QStringLiteral("%1: %2").arg(context, what));
}

Expected<torch::jit::Module> buildInceptionV3Module(const QString &stateDictPath)
{
    auto sd = StateDict::open(stateDictPath);
    if (!sd)
        return sd.error();
    try {
        torch::NoGradGuard noGrad;
        auto cu = std::make_shared<torch::jit::CompilationUnit>();
        torch::jit::Module net("__torch__.taglens.inception_v3.Inception3", cu);
        for (const ConvSpec &spec : kStem) {
            auto conv = makeConv(*sd, QLatin1String(spec.name), spec, cu);
            if (!conv)
                return conv.error();
            net.register_module(spec.name, *conv);
        }
        for (const auto &[blockName, type] : kBlocks) {
            torch::jit::Module block(typeName(QLatin1String(blockName)), cu);
            for (const ConvSpec &spec : type->convs) {
                auto conv = makeConv(
                    *sd, QLatin1String(blockName) + QLatin1Char('.') + QLatin1String(spec.name), spec, cu);
                if (!conv)
                    return conv.error();
                block.register_module(spec.name, *conv);
            }
            block.define(type->forward);
            net.register_module(blockName, block);
        }
        auto fcWeight = sd->tensor(QStringLiteral("fc.weight"), {2});
        if (!fcWeight)
            return fcWeight.error();
        auto fcBias = sd->tensor(QStringLiteral("fc.bias"), {1});
        if (!fcBias)
            return fcBias.error();
        if (fcWeight->size(0) != fcBias->size(0))
            return Error::make(ErrorCode::ModelInvalid,
                               InceptionV3Builder::tr("The final layer's weight and bias do not match."));
        net.register_buffer("fc_weight", *fcWeight);
        net.register_buffer("fc_bias", *fcBias);
        net.define(kNetworkForward);
        net.eval();
        return net;
    } catch (const std::exception &e) {
        return torchError(ErrorCode::ModelInvalid,
                          InceptionV3Builder::tr("Cannot build Inception-v3 from %1").arg(stateDictPath), e);
    }
}

Expected<InceptionV3Builder::Metadata> InceptionV3Builder::metadataFor(const QString &stateDictPath)
{
    auto sha = engine::Sha256Digest::ofFile(stateDictPath);
    if (!sha)
        return sha.error();
    Metadata m;
    m.sourceSha256 = QString::fromLatin1(*sha);
    if (engine::Sha256Digest::matchesPrefix(*sha, engine::ModelStore::officialSha256Prefix())) {
        m.name = InceptionV3Builder::tr("Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)");
        return m;
    }
    m.name = InceptionV3Builder::tr("Inception-v3 (%1)").arg(QFileInfo(stateDictPath).fileName());
    QFile sidecar(MetadataFiles::sidecarMetadataPath(stateDictPath));
    if (sidecar.open(QIODevice::ReadOnly)) {
        engine::ModelInfo info;
        info.name = m.name;
        if (auto applied = MetadataFiles::applyMetadataJson(sidecar.read(1 << 20), info); !applied)
            return applied.error();
        m.name = info.name;
        m.trained = info.trained;
        m.preprocessing = info.preprocessing;
    }
    return m;
}

Expected<void> InceptionV3Builder::convertToTorchScript(const QString &stateDictPath,
                                                        const QString &outputPath, const Metadata &metadata)
{
    auto net = buildInceptionV3Module(stateDictPath);
    if (!net)
        return net.error();
    engine::ModelInfo info;
    info.name = metadata.name;
    info.architecture = QStringLiteral("inception_v3");
    info.trained = metadata.trained;
    info.sourceSha256 = metadata.sourceSha256;
    info.labels = metadata.labels;
    if (info.labels.isEmpty()) {
        auto labels = MetadataFiles::imagenetLabels();
        if (!labels)
            return labels.error();
        info.labels = *labels;
    }
    info.preprocessing = metadata.preprocessing;
    info.hasEmbedding = true;
    try {
        torch::jit::ExtraFilesMap extra;
        extra[MetadataFiles::labelsName().toStdString()] =
            MetadataFiles::labelsText(info.labels).toStdString();
        extra[MetadataFiles::metadataName().toStdString()] = MetadataFiles::metadataJson(info).toStdString();
        net->save(QFile::encodeName(outputPath).toStdString(), extra);
    } catch (const std::exception &e) {
        QFile::remove(outputPath);
        return torchError(ErrorCode::Io, InceptionV3Builder::tr("Cannot write %1").arg(outputPath), e);
    }
    return {};
}

} // namespace taglens::torchbackend
