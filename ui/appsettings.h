// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSettings;

namespace taglens::engine {
struct HarvestRequest;
}

namespace taglens::ui {

/// The preferences of the desktop app (Edit ▸ Preferences…), kept in QSettings. Only plain,
/// non-secret values: logins live in the keychain.
struct AppSettings
{
    static constexpr int MaxModelThreads = 64;
    static constexpr int MaxBatchSize = 64;
    static constexpr int MaxTopK = 20;
    static constexpr int MaxDownloadsPerHost = 6; ///< HttpClient's ceiling

    int modelThreads = 0;     ///< threads inside one forward pass; 0 = one per core
    int batchSize = 8;        ///< images classified together
    int topK = 5;             ///< labels stored per image
    int downloadsPerHost = 6; ///< concurrent requests to one server
    int thumbnailSize = 256;  ///< longest side of the thumbnails stored in projects
    QString projectFolder;    ///< where the project dialogs start; empty = the documents folder

    /// Reads them, each clamped to its range; missing or broken values get the defaults.
    static AppSettings load(QSettings &settings);
    static AppSettings load();
    void save(QSettings &settings) const;
    void save() const;

    /// The project folder, or the documents folder when none is set.
    QString effectiveProjectFolder() const;

    /// Copies what shapes a harvest into \a request (top-K, downloads per host, thumbnail size)
    /// and records the rest of the settings in its parameters.
    void applyTo(engine::HarvestRequest &request) const;

    bool operator==(const AppSettings &other) const = default;
};

} // namespace taglens::ui
