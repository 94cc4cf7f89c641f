// SPDX-License-Identifier: GPL-3.0-or-later
#include "modellabels.h"

#include "projectstore.h"

#include <QStringList>
#include <algorithm>

namespace taglens::engine {

namespace {
const QString kChoiceKey = QStringLiteral("labels/model_sha256");

QString nameKey(const QString &sha256)
{
    return QStringLiteral("models/%1/name").arg(sha256);
}

QString trainedKey(const QString &sha256)
{
    return QStringLiteral("models/%1/trained").arg(sha256);
}
} // namespace

Expected<QList<ModelLabels>> ModelLabels::of(const ProjectStore &store)
{
    auto harvests = store.harvests();
    if (!harvests)
        return harvests.error();
    auto counts = store.classifiedImageCounts();
    if (!counts)
        return counts.error();
    QList<ModelLabels> models;
    QStringList seen;
    for (auto it = harvests->crbegin(); it != harvests->crend(); ++it) { // newest first
        if (it->modelSha256.isEmpty() || seen.contains(it->modelSha256))
            continue;
        seen << it->modelSha256;
        models << ModelLabels{it->modelSha256, it->modelName, it->modelTrained,
                              counts->value(it->modelSha256)};
    }
    QStringList unnamed; // labels no harvest names the model of (an older TagLens, a copy)
    for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
        if (!seen.contains(it.key()))
            unnamed << it.key();
    }
    std::sort(unnamed.begin(), unnamed.end());
    for (const QString &sha : std::as_const(unnamed)) {
        auto name = store.setting(nameKey(sha), sha.left(12));
        auto trained = store.setting(trainedKey(sha), QStringLiteral("1"));
        if (!name)
            return name.error();
        if (!trained)
            return trained.error();
        models << ModelLabels{sha, *name, *trained != u"0", counts->value(sha)};
    }
    std::stable_sort(models.begin(), models.end(),
                     [](const ModelLabels &a, const ModelLabels &b) { return a.images > b.images; });
    return models;
}

ModelLabels ModelLabels::shownByDefault(const QList<ModelLabels> &models)
{
    if (models.isEmpty())
        return {};
    // Nothing classified yet: the newest harvest's model (models keeps newest first then).
    return models.first();
}

ModelLabels ModelLabels::shown(const QList<ModelLabels> &models, const QString &chosen)
{
    const auto it = std::find_if(models.cbegin(), models.cend(), [&chosen](const ModelLabels &model) {
        return model.sha256 == chosen && model.images > 0;
    });
    return it != models.cend() ? *it : shownByDefault(models);
}

Expected<QString> ModelLabels::choice(const ProjectStore &store)
{
    return store.setting(kChoiceKey);
}

Expected<void> ModelLabels::choose(ProjectStore &store, const QString &sha256)
{
    return store.setSetting(kChoiceKey, sha256);
}

Expected<void> ModelLabels::remember(ProjectStore &store, const QString &sha256, const QString &name,
                                     bool trained)
{
    if (auto named = store.setSetting(nameKey(sha256), name); !named)
        return named;
    return store.setSetting(trainedKey(sha256), trained ? QStringLiteral("1") : QStringLiteral("0"));
}

} // namespace taglens::engine
