// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/models/modelstore.h"

#include <QDialog>
#include <QUrl>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace taglens::engine {
class BackgroundModelDownload;
}

namespace taglens::ui {

class MessageBanner;

/// First run: no model is installed. Offers to download the official Inception-v3 weights
/// (size shown, progress, cancel), to install a weights or TorchScript file from disk, or to go
/// on without classification. Errors (offline, checksum) are shown in the dialog as they are.
///
/// The conversion from weights to the installed model is the caller's \a converter, so this
/// layer names no inference runtime; it runs on the thread pool.
class ModelSetupDialog : public QDialog
{
    Q_OBJECT

public:
    using FileChooser = std::function<QString()>;

    /// \a modelDirectory: where to install (empty: ModelStore's default).
    explicit ModelSetupDialog(engine::ModelStore::Converter converter, const QString &modelDirectory = {},
                              QWidget *parent = nullptr);
    ~ModelSetupDialog() override;

    /// Where the weights are downloaded from (default: the official URL). The file name must carry
    /// the first hex digits of the file's SHA-256, as torchvision's do (NAME-0123abcd.pth).
    void setDownloadUrl(const QUrl &url) { m_url = url; }
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// The model in use (Help ▸ Set Up Model with one installed): the dialog names it and offers
    /// to replace it; closing keeps it. Empty: none is installed (the first run).
    void setCurrentModel(const QString &path);
    QString currentModel() const { return m_current; }

    /// The installed model after the dialog was accepted with one; empty when the user went on
    /// without classification.
    QString installedModelPath() const { return m_installed; }
    /// The model installed is the official one (not a custom model under its own name).
    bool installedOfficialModel() const { return m_installedOfficial; }
    QString errorText() const;
    bool isBusy() const { return m_busy; }

    void startDownload();
    void cancelDownload();
    void installFromFile(const QString &path);
    void continueWithout();

Q_SIGNALS:
    void installed(const QString &modelPath);
    /// A download or installation ended with an error (shown in the dialog).
    void failed(const QString &message);

protected:
    void reject() override;

private:
    void install(const QString &source, bool removeSource);
    void setBusy(bool busy);
    void showError(const QString &message);
    void showIntro();

    engine::ModelStore::Converter m_converter;
    engine::ModelStore m_store;
    QUrl m_url;
    FileChooser m_chooseFile;
    QString m_installed;
    bool m_installedOfficial = false;
    bool m_busy = false;
    QString m_current;

    engine::BackgroundModelDownload *m_downloader; // downloads, hashes and writes on its own thread
    QLabel *m_intro;
    QProgressBar *m_progress;
    QLabel *m_status;
    MessageBanner *m_error;
    QPushButton *m_download;
    QPushButton *m_fromFile;
    QPushButton *m_without;
    QPushButton *m_cancel;
};

} // namespace taglens::ui
