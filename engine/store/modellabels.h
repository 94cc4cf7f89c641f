// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QList>
#include <QString>

namespace taglens::engine {

class ProjectStore;

/// A model whose labels a project holds. Labels are stored per model, so a project extended with
/// another model holds both; this is the one rule for which of them a view or an export shows:
/// the one the user chose for the project (kept in the project file, so every front end and every
/// export follows it), else the one that labelled the most images (of two with as many, the one
/// that harvested last).
struct ModelLabels
{
    QString sha256;
    QString name;        ///< as the newest harvest with it recorded it (a hash prefix if none did)
    bool trained = true; ///< false for random-weight test models
    int images = 0;      ///< images it classified

    bool operator==(const ModelLabels &) const = default;

    /// The project's models, the one shown by default first. Errors: Io.
    [[nodiscard]] static Expected<QList<ModelLabels>> of(const ProjectStore &store);
    /// The model shown by default: models' first with labels (empty SHA-256: none has any).
    static ModelLabels shownByDefault(const QList<ModelLabels> &models);
    /// The model shown: \a chosen when the project holds labels of it, else shownByDefault().
    static ModelLabels shown(const QList<ModelLabels> &models, const QString &chosen);

    /// The model the user chose for the project (empty: none, or the choice was cleared). Errors: Io.
    [[nodiscard]] static Expected<QString> choice(const ProjectStore &store);
    /// Records the choice (empty: back to the default rule). Errors: Io.
    [[nodiscard]] static Expected<void> choose(ProjectStore &store, const QString &sha256);
    /// Records the name and kind of a model that labels images without a harvest (classifying
    /// the rest of a project), so that of() names it as a harvest would. Errors: Io.
    [[nodiscard]] static Expected<void> remember(ProjectStore &store, const QString &sha256,
                                                 const QString &name, bool trained);
};

} // namespace taglens::engine
