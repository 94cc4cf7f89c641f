// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/inference/torch/statedictpickle.h"

#include <QRandomGenerator>
#include <QTest>

using namespace taglens;
using torchbackend::StateDictPickle;

namespace {

/// Builds pickles the way torch.save writes a state_dict (protocol 2).
class PickleWriter
{
public:
    PickleWriter &op(char c)
    {
        m_bytes.append(c);
        return *this;
    }
    PickleWriter &raw(const QByteArray &b)
    {
        m_bytes.append(b);
        return *this;
    }
    PickleWriter &global(const char *module, const char *name)
    {
        return op('c').raw(module).op('\n').raw(name).op('\n');
    }
    PickleWriter &str(const QByteArray &s)
    {
        op('X');
        for (int i = 0; i < 4; ++i)
            m_bytes.append(char((s.size() >> (8 * i)) & 0xff));
        return raw(s);
    }
    PickleWriter &int1(int v) { return op('K').op(char(v)); }
    PickleWriter &int4(qint32 v)
    {
        op('J');
        for (int i = 0; i < 4; ++i)
            m_bytes.append(char((quint32(v) >> (8 * i)) & 0xff));
        return *this;
    }
    /// _rebuild_tensor_v2(('storage', FloatStorage, key, 'cpu', numel), offset, sizes, strides, False,
    /// OrderedDict())
    PickleWriter &tensor(const QByteArray &key, int numel, QList<int> sizes, QList<int> strides,
                         const char *storage = "FloatStorage")
    {
        global("torch._utils", "_rebuild_tensor_v2");
        op('(')
            .op('(')
            .str("storage")
            .global("torch", storage)
            .str(key)
            .str("cpu")
            .int4(numel)
            .op('t')
            .op('Q');
        int1(0);
        op('(');
        for (int s : sizes)
            int4(s);
        op('t').op('(');
        for (int s : strides)
            int4(s);
        op('t').op(char(0x89));
        global("collections", "OrderedDict").op(')').op('R');
        return op('t').op('R');
    }
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

QByteArray validStateDict()
{
    PickleWriter w;
    w.op(char(0x80)).op(2).global("collections", "OrderedDict").op(')').op('R').op('q').op(0);
    w.op('(').str("conv.weight").tensor("0", 24, {2, 3, 2, 2}, {12, 4, 2, 1});
    w.str("bn.num_batches_tracked").tensor("1", 1, {}, {}, "LongStorage");
    w.op('u');
    // state for OrderedDict: {'_metadata': OrderedDict()}
    w.op('}').str("_metadata").global("collections", "OrderedDict").op(')').op('R').op('s').op('b');
    w.op('.');
    return w.bytes();
}

} // namespace

class TestStateDictPickle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAStateDict()
    {
        auto records = StateDictPickle::parse(validStateDict());
        QVERIFY2(records.hasValue(), qPrintable(records ? QString() : records.error().message));
        QCOMPARE(records->size(), 2);
        const auto &w = records->at(0);
        QCOMPARE(w.name, QStringLiteral("conv.weight"));
        QCOMPARE(w.storageKey, QStringLiteral("0"));
        QCOMPARE(w.dtype, QStringLiteral("float32"));
        QCOMPARE(w.storageNumel, 24);
        QCOMPARE(w.sizes, (QList<qint64>{2, 3, 2, 2}));
        QCOMPARE(w.strides, (QList<qint64>{12, 4, 2, 1}));
        QCOMPARE(records->at(1).dtype, QStringLiteral("int64"));
        QVERIFY(records->at(1).sizes.isEmpty());
    }

    void rejectsHostileInput_data()
    {
        QTest::addColumn<QByteArray>("pickle");
        const QByteArray valid = validStateDict();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated at half") << valid.left(valid.size() / 2);
        QTest::newRow("missing STOP") << valid.chopped(1);
        QTest::newRow("not a pickle") << QByteArray("PK\x03\x04 this is a zip header");
        QTest::newRow("os.system") << PickleWriter()
                                          .op(char(0x80))
                                          .op(2)
                                          .global("os", "system")
                                          .op('(')
                                          .str("touch /tmp/pwned")
                                          .op('t')
                                          .op('R')
                                          .op('.')
                                          .bytes();
        QTest::newRow("builtins.eval via STACK_GLOBAL")
            << PickleWriter().op(char(0x80)).op(4).str("builtins").str("eval").op(char(0x93)).op('.').bytes();
        QTest::newRow("top level is a list") << PickleWriter().op(']').op('.').bytes();
        QTest::newRow("stack underflow") << PickleWriter().op('R').op('.').bytes();
        QTest::newRow("unknown memo") << PickleWriter().op('h').op(7).op('.').bytes();
        QTest::newRow("setitems without mark") << PickleWriter().op('}').op('u').op('.').bytes();
        QTest::newRow("unknown storage") << PickleWriter()
                                                .op('}')
                                                .op('(')
                                                .str("x")
                                                .tensor("0", 1, {1}, {1}, "ObjectStorage")
                                                .op('u')
                                                .op('.')
                                                .bytes();
        QTest::newRow("path traversal storage key") << PickleWriter()
                                                           .op('}')
                                                           .op('(')
                                                           .str("x")
                                                           .tensor("../../etc/passwd", 1, {1}, {1})
                                                           .op('u')
                                                           .op('.')
                                                           .bytes();
        QTest::newRow("negative size")
            << PickleWriter().op('}').op('(').str("x").tensor("0", 1, {-4}, {1}).op('u').op('.').bytes();
        QTest::newRow("string longer than data") << QByteArray("X\xff\xff\xff\x7f"
                                                               "abc",
                                                               8);
        QTest::newRow("unsupported opcode") << QByteArray("\x80\x02"
                                                          "S'x'\n.",
                                                          8);
        QByteArray deep;
        deep.fill('(', 100000);
        QTest::newRow("deep mark stack") << deep;
    }

    void rejectsHostileInput()
    {
        QFETCH(QByteArray, pickle);
        auto result = StateDictPickle::parse(pickle);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().code, engine::ErrorCode::ModelInvalid);
        QVERIFY(!result.error().message.isEmpty());
    }

    void survivesRandomMutations()
    {
        // Random bit flips and truncations of a valid pickle: never a crash, always a value or an error.
        const QByteArray valid = validStateDict();
        QRandomGenerator rng(2026);
        int rejected = 0;
        for (int i = 0; i < 5000; ++i) {
            QByteArray b = valid;
            const int flips = 1 + int(rng.bounded(4));
            for (int f = 0; f < flips; ++f)
                b[int(rng.bounded(b.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                b.truncate(int(rng.bounded(b.size())));
            auto result = StateDictPickle::parse(b);
            if (!result) {
                ++rejected;
                QVERIFY(!result.error().message.isEmpty());
            }
        }
        QVERIFY(rejected > 1000); // most mutations break the pickle and must say so
    }
};

QTEST_GUILESS_MAIN(TestStateDictPickle)
#include "tst_statedictpickle.moc"
