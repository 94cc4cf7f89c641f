// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "engine/pipeline/harvestrequest.h"

#include <QSettings>
#include <QStandardPaths>

namespace taglens::ui {

namespace {

const QString ModelThreadsKey = QStringLiteral("harvest/modelThreads");
const QString BatchSizeKey = QStringLiteral("harvest/batchSize");
const QString TopKKey = QStringLiteral("harvest/topK");
const QString DownloadsPerHostKey = QStringLiteral("harvest/downloadsPerHost");
const QString ThumbnailSizeKey = QStringLiteral("harvest/thumbnailSize");
const QString ProjectFolderKey = QStringLiteral("projects/folder");

int intValue(const QSettings &settings, const QString &key, int fallback, int min, int max)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok ? qBound(min, value, max) : fallback;
}

} // namespace

AppSettings AppSettings::load(QSettings &settings)
{
    const AppSettings defaults;
    AppSettings s;
    s.modelThreads = intValue(settings, ModelThreadsKey, defaults.modelThreads, 0, MaxModelThreads);
    s.batchSize = intValue(settings, BatchSizeKey, defaults.batchSize, 1, MaxBatchSize);
    s.topK = intValue(settings, TopKKey, defaults.topK, 1, MaxTopK);
    s.downloadsPerHost = intValue(settings, DownloadsPerHostKey, defaults.downloadsPerHost, 1, MaxDownloadsPerHost);
    s.thumbnailSize = intValue(settings, ThumbnailSizeKey, defaults.thumbnailSize, 64, 1024);
    s.projectFolder = settings.value(ProjectFolderKey).toString();
    return s;
}

AppSettings AppSettings::load()
{
    QSettings settings;
    return load(settings);
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(ModelThreadsKey, modelThreads);
    settings.setValue(BatchSizeKey, batchSize);
    settings.setValue(TopKKey, topK);
    settings.setValue(DownloadsPerHostKey, downloadsPerHost);
    settings.setValue(ThumbnailSizeKey, thumbnailSize);
    settings.setValue(ProjectFolderKey, projectFolder);
}

void AppSettings::save() const
{
    QSettings settings;
    save(settings);
}

QString AppSettings::effectiveProjectFolder() const
{
    return projectFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                   : projectFolder;
}

void AppSettings::applyTo(engine::HarvestRequest &request) const
{
    request.topK = topK;
    request.maxDownloadsPerHost = downloadsPerHost;
    request.thumbnailSize = thumbnailSize;
    // Recorded with the harvest, for reproducibility (the pipeline records limit and top-K).
    request.parameters.insert(QStringLiteral("model_threads"), modelThreads);
    request.parameters.insert(QStringLiteral("batch_size"), batchSize);
    request.parameters.insert(QStringLiteral("downloads_per_host"), downloadsPerHost);
}

} // namespace taglens::ui
