// SPDX-License-Identifier: GPL-3.0-or-later
#include "statedictpickle.h"

#include <QHash>
#include <QLoggingCategory>
#include <cstring>
#include <memory>
#include <variant>

Q_LOGGING_CATEGORY(lcPickle, "taglens.torch.pickle")

namespace taglens::torchbackend {

using engine::Error;
using engine::ErrorCode;
using engine::Expected;

namespace {

constexpr int kMaxStackDepth = 1 << 16;
constexpr int kMaxContainerItems = 1 << 20;
constexpr int kMaxMemo = 1 << 20;

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct Global
{
    QString module;
    QString name;
};

struct Mark
{
};
struct None
{
};
struct PersistentId
{
    ValuePtr id;
};
struct Tuple
{
    QList<ValuePtr> items;
};
struct List
{
    QList<ValuePtr> items;
};
struct Dict
{
    QList<std::pair<ValuePtr, ValuePtr>> items;
};
struct Tensor
{
    TensorRecord record;
};

struct Value
{
    std::variant<None, Mark, bool, qint64, double, QString, Global, PersistentId, Tuple, List, Dict, Tensor>
        v;
};

template <typename T> ValuePtr make(T x)
{
    return std::make_shared<Value>(Value{std::move(x)});
}

template <typename T> const T *as(const ValuePtr &p)
{
    return p ? std::get_if<T>(&p->v) : nullptr;
}

Error malformed(const QString &what)
{
    return Error::make(ErrorCode::ModelInvalid,
                       StateDictPickle::tr("The weights file is malformed: %1.").arg(what));
}

QString dtypeForStorage(const QString &name)
{
    if (name == QLatin1String("FloatStorage"))
        return QStringLiteral("float32");
    if (name == QLatin1String("DoubleStorage"))
        return QStringLiteral("float64");
    if (name == QLatin1String("HalfStorage"))
        return QStringLiteral("float16");
    if (name == QLatin1String("LongStorage"))
        return QStringLiteral("int64");
    if (name == QLatin1String("IntStorage"))
        return QStringLiteral("int32");
    return {};
}

class Reader
{
public:
    explicit Reader(const QByteArray &data) : m_data(data) {}

    Expected<QList<TensorRecord>> run();

private:
    bool need(qint64 n) const { return m_pos + n <= m_data.size(); }
    quint8 u8() { return quint8(m_data[m_pos++]); }
    quint32 le(int bytes)
    {
        quint32 v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= quint32(quint8(m_data[m_pos + i])) << (8 * i);
        m_pos += bytes;
        return v;
    }
    Expected<QString> line();
    Expected<ValuePtr> pop();
    Expected<QList<ValuePtr>> popToMark();
    Expected<ValuePtr> reduce(const ValuePtr &callable, const ValuePtr &args);
    Expected<void> push(ValuePtr v);

    const QByteArray &m_data;
    qint64 m_pos = 0;
    QList<ValuePtr> m_stack;
    QHash<quint32, ValuePtr> m_memo;
};

Expected<void> Reader::push(ValuePtr v)
{
    if (m_stack.size() >= kMaxStackDepth)
        return malformed(StateDictPickle::tr("the pickle stack is too deep"));
    m_stack.append(std::move(v));
    return {};
}

Expected<ValuePtr> Reader::pop()
{
    if (m_stack.isEmpty())
        return malformed(StateDictPickle::tr("the pickle stack underflowed"));
    ValuePtr v = m_stack.takeLast();
    if (as<Mark>(v))
        return malformed(StateDictPickle::tr("unexpected mark"));
    return v;
}

Expected<QList<ValuePtr>> Reader::popToMark()
{
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
        if (as<Mark>(m_stack[i])) {
            QList<ValuePtr> items = m_stack.mid(i + 1);
            m_stack.resize(i);
            return items;
        }
    }
    return malformed(StateDictPickle::tr("missing mark"));
}

Expected<QString> Reader::line()
{
    const qint64 end = m_data.indexOf('\n', m_pos);
    if (end < 0 || end - m_pos > 256)
        return malformed(StateDictPickle::tr("an unterminated global name"));
    QString s = QString::fromUtf8(m_data.mid(m_pos, end - m_pos));
    m_pos = end + 1;
    return s;
}

Expected<ValuePtr> Reader::reduce(const ValuePtr &callable, const ValuePtr &argsValue)
{
    const Global *g = as<Global>(callable);
    const Tuple *args = as<Tuple>(argsValue);
    if (!g || !args)
        return malformed(StateDictPickle::tr("REDUCE without a global and an argument tuple"));
    if (g->module == QLatin1String("collections") && g->name == QLatin1String("OrderedDict"))
        return make(Dict{});
    if (g->module == QLatin1String("torch._utils") && g->name == QLatin1String("_rebuild_tensor_v2")) {
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        if (args->items.size() < 4)
            return malformed(StateDictPickle::tr("a tensor with too few arguments"));
        const Tensor *storage = as<Tensor>(args->items[0]);
        const qint64 *offset = as<qint64>(args->items[1]);
        const Tuple *size = as<Tuple>(args->items[2]);
        const Tuple *stride = as<Tuple>(args->items[3]);
        if (!storage || !offset || !size || !stride || size->items.size() != stride->items.size() ||
            size->items.size() > 8)
            return malformed(StateDictPickle::tr("a tensor with invalid arguments"));
        TensorRecord r = storage->record;
        r.offset = *offset;
        for (qsizetype i = 0; i < size->items.size(); ++i) {
            const qint64 *sz = as<qint64>(size->items[i]);
            const qint64 *st = as<qint64>(stride->items[i]);
            if (!sz || !st || *sz < 0 || *st < 0)
                return malformed(StateDictPickle::tr("a tensor with invalid sizes"));
            r.sizes.append(*sz);
            r.strides.append(*st);
        }
        return make(Tensor{r});
    }
    return malformed(
        StateDictPickle::tr("a call to %1.%2, which a state_dict never contains").arg(g->module, g->name));
}

Expected<QList<TensorRecord>> Reader::run()
{
    while (true) {
        if (!need(1))
            return malformed(StateDictPickle::tr("it ends before the pickle's STOP"));
        const quint8 op = u8();
        switch (op) {
        case 0x80: // PROTO
            if (!need(1))
                return malformed(StateDictPickle::tr("truncated PROTO"));
            if (u8() > 5)
                return malformed(StateDictPickle::tr("an unsupported pickle protocol"));
            break;
        case 0x95: // FRAME
            if (!need(8))
                return malformed(StateDictPickle::tr("truncated FRAME"));
            m_pos += 8;
            break;
        case 'c': { // GLOBAL module\nname\n
            auto module = line();
            if (!module)
                return module.error();
            auto name = line();
            if (!name)
                return name.error();
            if (auto r = push(make(Global{*module, *name})); !r)
                return r.error();
            break;
        }
        case 0x93: { // STACK_GLOBAL
            auto name = pop();
            auto module = pop();
            if (!name || !module || !as<QString>(*name) || !as<QString>(*module))
                return malformed(StateDictPickle::tr("invalid STACK_GLOBAL"));
            if (auto r = push(make(Global{*as<QString>(*module), *as<QString>(*name)})); !r)
                return r.error();
            break;
        }
        case 'Q': { // BINPERSID
            auto id = pop();
            if (!id)
                return id.error();
            const Tuple *t = as<Tuple>(*id);
            // ('storage', torch.FloatStorage, key, 'cpu', numel)
            if (!t || t->items.size() != 5 || !as<QString>(t->items[0]) || !as<Global>(t->items[1]) ||
                !as<QString>(t->items[2]) || !as<qint64>(t->items[4]))
                return malformed(StateDictPickle::tr("an unknown persistent id"));
            const Global *storageType = as<Global>(t->items[1]);
            TensorRecord r;
            r.dtype = dtypeForStorage(storageType->name);
            if (storageType->module != QLatin1String("torch") || r.dtype.isEmpty())
                return malformed(
                    StateDictPickle::tr("an unsupported storage type %1").arg(storageType->name));
            r.storageKey = *as<QString>(t->items[2]);
            r.storageNumel = *as<qint64>(t->items[4]);
            if (r.storageNumel < 0 || r.storageKey.contains(QLatin1Char('/')) ||
                r.storageKey.contains(QLatin1String("..")))
                return malformed(StateDictPickle::tr("an invalid storage record"));
            if (auto rr = push(make(Tensor{r})); !rr)
                return rr.error();
            break;
        }
        case 'R': { // REDUCE
            auto args = pop();
            if (!args)
                return args.error();
            auto callable = pop();
            if (!callable)
                return callable.error();
            auto result = reduce(*callable, *args);
            if (!result)
                return result.error();
            if (auto r = push(*result); !r)
                return r.error();
            break;
        }
        case 'b': { // BUILD: state for OrderedDict (_metadata) is not needed
            auto state = pop();
            if (!state)
                return state.error();
            if (m_stack.isEmpty() || as<Mark>(m_stack.last()))
                return malformed(StateDictPickle::tr("BUILD without an object"));
            break;
        }
        case '(':
            if (auto r = push(make(Mark{})); !r)
                return r.error();
            break;
        case '}':
            if (auto r = push(make(Dict{})); !r)
                return r.error();
            break;
        case ']':
            if (auto r = push(make(List{})); !r)
                return r.error();
            break;
        case ')':
            if (auto r = push(make(Tuple{})); !r)
                return r.error();
            break;
        case 'N':
            if (auto r = push(make(None{})); !r)
                return r.error();
            break;
        case 0x88:
        case 0x89:
            if (auto r = push(make(op == 0x88)); !r)
                return r.error();
            break;
        case 0x85:
        case 0x86:
        case 0x87: { // TUPLE1/2/3
            const int n = op - 0x84;
            Tuple t;
            for (int i = 0; i < n; ++i) {
                auto v = pop();
                if (!v)
                    return v.error();
                t.items.prepend(*v);
            }
            if (auto r = push(make(std::move(t))); !r)
                return r.error();
            break;
        }
        case 't': {
            auto items = popToMark();
            if (!items)
                return items.error();
            if (auto r = push(make(Tuple{*items})); !r)
                return r.error();
            break;
        }
        case 'a':
        case 'e': { // APPEND / APPENDS
            QList<ValuePtr> items;
            if (op == 'a') {
                auto v = pop();
                if (!v)
                    return v.error();
                items.append(*v);
            } else {
                auto v = popToMark();
                if (!v)
                    return v.error();
                items = *v;
            }
            if (m_stack.isEmpty() || !as<List>(m_stack.last()))
                return malformed(StateDictPickle::tr("APPEND to something that is not a list"));
            auto &list = std::get<List>(m_stack.last()->v);
            if (list.items.size() + items.size() > kMaxContainerItems)
                return malformed(StateDictPickle::tr("a list that is too long"));
            list.items.append(items);
            break;
        }
        case 's':
        case 'u': { // SETITEM / SETITEMS
            QList<ValuePtr> items;
            if (op == 's') {
                auto v = pop();
                auto k = v ? pop() : Expected<ValuePtr>(v.error());
                if (!v || !k)
                    return malformed(StateDictPickle::tr("SETITEM without a key and a value"));
                items = {*k, *v};
            } else {
                auto v = popToMark();
                if (!v)
                    return v.error();
                items = *v;
            }
            if (items.size() % 2 != 0 || m_stack.isEmpty() || !as<Dict>(m_stack.last()))
                return malformed(StateDictPickle::tr("SETITEMS on something that is not a dict"));
            auto &dict = std::get<Dict>(m_stack.last()->v);
            if (dict.items.size() + items.size() / 2 > kMaxContainerItems)
                return malformed(StateDictPickle::tr("a dict that is too large"));
            for (qsizetype i = 0; i < items.size(); i += 2)
                dict.items.append({items[i], items[i + 1]});
            break;
        }
        case 'X':
        case 0x8c: { // BINUNICODE / SHORT_BINUNICODE
            const int lenBytes = op == 'X' ? 4 : 1;
            if (!need(lenBytes))
                return malformed(StateDictPickle::tr("a truncated string"));
            const quint32 len = le(lenBytes);
            if (!need(len))
                return malformed(StateDictPickle::tr("a truncated string"));
            QString s = QString::fromUtf8(m_data.constData() + m_pos, len);
            m_pos += len;
            if (auto r = push(make(std::move(s))); !r)
                return r.error();
            break;
        }
        case 'J':
            if (!need(4))
                return malformed(StateDictPickle::tr("a truncated integer"));
            if (auto r = push(make(qint64(qint32(le(4))))); !r)
                return r.error();
            break;
        case 'K':
            if (!need(1))
                return malformed(StateDictPickle::tr("a truncated integer"));
            if (auto r = push(make(qint64(le(1)))); !r)
                return r.error();
            break;
        case 'M':
            if (!need(2))
                return malformed(StateDictPickle::tr("a truncated integer"));
            if (auto r = push(make(qint64(le(2)))); !r)
                return r.error();
            break;
        case 0x8a: { // LONG1
            if (!need(1))
                return malformed(StateDictPickle::tr("a truncated integer"));
            const int n = u8();
            if (n > 8 || !need(n))
                return malformed(StateDictPickle::tr("an integer that is too large"));
            quint64 v = 0;
            for (int i = 0; i < n; ++i)
                v |= quint64(quint8(m_data[m_pos + i])) << (8 * i);
            if (n > 0 && n < 8 && (quint8(m_data[m_pos + n - 1]) & 0x80))
                v |= ~quint64(0) << (8 * n); // sign-extend
            m_pos += n;
            if (auto r = push(make(qint64(v))); !r)
                return r.error();
            break;
        }
        case 'G': { // BINFLOAT, big-endian double
            if (!need(8))
                return malformed(StateDictPickle::tr("a truncated float"));
            quint64 bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | quint8(m_data[m_pos + i]);
            m_pos += 8;
            double d;
            std::memcpy(&d, &bits, sizeof d);
            if (auto r = push(make(d)); !r)
                return r.error();
            break;
        }
        case 'q':
        case 'r':
        case 0x94: { // BINPUT / LONG_BINPUT / MEMOIZE
            quint32 idx;
            if (op == 0x94) {
                idx = quint32(m_memo.size());
            } else {
                const int n = op == 'q' ? 1 : 4;
                if (!need(n))
                    return malformed(StateDictPickle::tr("a truncated memo index"));
                idx = le(n);
            }
            if (m_stack.isEmpty() || m_memo.size() >= kMaxMemo)
                return malformed(StateDictPickle::tr("an invalid memo store"));
            m_memo.insert(idx, m_stack.last());
            break;
        }
        case 'h':
        case 'j': { // BINGET / LONG_BINGET
            const int n = op == 'h' ? 1 : 4;
            if (!need(n))
                return malformed(StateDictPickle::tr("a truncated memo index"));
            const auto it = m_memo.constFind(le(n));
            if (it == m_memo.constEnd())
                return malformed(StateDictPickle::tr("a reference to an unknown memo entry"));
            if (auto r = push(*it); !r)
                return r.error();
            break;
        }
        case '.': { // STOP
            auto top = pop();
            if (!top)
                return top.error();
            const Dict *dict = as<Dict>(*top);
            if (!dict)
                return malformed(StateDictPickle::tr("the top-level object is not a dict of tensors"));
            QList<TensorRecord> out;
            out.reserve(dict->items.size());
            for (const auto &[k, v] : dict->items) {
                const QString *key = as<QString>(k);
                const Tensor *t = as<Tensor>(v);
                if (!key || !t)
                    return malformed(StateDictPickle::tr("an entry that is not a named tensor"));
                TensorRecord r = t->record;
                r.name = *key;
                out.append(std::move(r));
            }
            return out;
        }
        default:
            return malformed(StateDictPickle::tr("an unsupported pickle opcode 0x%1 at byte %2")
                                 .arg(op, 2, 16, QLatin1Char('0'))
                                 .arg(m_pos - 1));
        }
    }
}

} // namespace

Expected<QList<TensorRecord>> StateDictPickle::parse(const QByteArray &pickle)
{
    Reader reader(pickle);
    auto result = reader.run();
    if (!result)
        qCDebug(lcPickle) << "state_dict pickle rejected:" << result.error().message;
    return result;
}

} // namespace taglens::torchbackend
