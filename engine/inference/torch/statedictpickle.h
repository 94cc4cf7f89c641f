// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../../core/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace taglens::torchbackend {

/// Where one tensor of a `torch.save(state_dict)` file lives in the archive.
struct TensorRecord
{
    QString name;       ///< state_dict key, e.g. "Mixed_5b.branch1x1.conv.weight"
    QString storageKey; ///< archive record "data/<storageKey>"
    QString dtype;      ///< "float32", "float64", "float16", "int64", "int32"
    qint64 storageNumel = 0;
    qint64 offset = 0;
    QList<qint64> sizes;
    QList<qint64> strides;
};

/// Reads the `data.pkl` of a state_dict archive. LibTorch's own unpickler turns the top-level
/// `collections.OrderedDict` into None, so this is a small, strict unpickler for exactly the
/// opcodes `torch.save` writes. It never executes anything: only `_rebuild_tensor_v2`,
/// `OrderedDict` and the storage classes are accepted as globals; anything else is an error.
class StateDictPickle
{
    Q_DECLARE_TR_FUNCTIONS(StateDictPickle)

public:
    static engine::Expected<QList<TensorRecord>> parse(const QByteArray &pickle);
};

} // namespace taglens::torchbackend
