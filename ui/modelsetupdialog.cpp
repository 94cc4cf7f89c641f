// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsetupdialog.h"

#include "engine/core/whenfinished.h"
#include "engine/workflow/backgroundmodeldownload.h"
#include "engine/workflow/modelinstall.h"
#include "ui/messagebanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFuture>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

Q_LOGGING_CATEGORY(lcModelSetup, "taglens.ui.modelsetup")

namespace taglens::ui {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes >= qint64(10) * 1024 * 1024 ? 0 : 1,
                                       QLocale::DataSizeTraditionalFormat);
}

} // namespace

ModelSetupDialog::ModelSetupDialog(engine::ModelStore::Converter converter, const QString &modelDirectory,
                                   QWidget *parent)
    : QDialog(parent), m_converter(std::move(converter)), m_store(modelDirectory),
      m_url(engine::ModelStore::officialWeightsUrl()),
      m_downloader(new engine::BackgroundModelDownload(this)), m_intro(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_error(new MessageBanner(this)),
      m_download(new QPushButton(this)), m_fromFile(new QPushButton(tr("Choose a &File…"), this)),
      m_without(new QPushButton(tr("Continue &Without Classification"), this)),
      m_cancel(new QPushButton(tr("&Cancel Download"), this))
{
    setWindowTitle(tr("Set Up the Image Model"));
    m_chooseFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Choose Model Weights"), QDir::homePath(),
                                            tr("PyTorch models (*.pth *.pt);;All files (*)"));
    };
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    showIntro();
    m_download->setText(tr("&Download (%1)").arg(sizeText(engine::ModelStore::officialWeightsSize())));
    m_download->setDefault(true);
    m_download->setAccessibleName(tr("Download the official model"));
    m_fromFile->setAccessibleName(tr("Install a model file from disk"));
    m_without->setAccessibleName(tr("Continue without classification"));
    m_cancel->setAccessibleName(tr("Cancel download"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_status->setAccessibleName(tr("Download status"));
    m_status->setTextFormat(Qt::PlainText);
    m_error->setAccessibleName(tr("Error message"));
    m_progress->hide();
    m_cancel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_download);
    buttons->addWidget(m_fromFile);
    buttons->addStretch();
    buttons->addWidget(m_without);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_error);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addLayout(buttons);
    setMinimumWidth(560);

    connect(m_download, &QPushButton::clicked, this, &ModelSetupDialog::startDownload);
    connect(m_cancel, &QPushButton::clicked, this, &ModelSetupDialog::cancelDownload);
    connect(m_without, &QPushButton::clicked, this, &ModelSetupDialog::continueWithout);
    connect(m_fromFile, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile();
        if (!path.isEmpty())
            installFromFile(path);
    });

    auto clock = std::make_shared<QElapsedTimer>();
    connect(m_downloader, &engine::BackgroundModelDownload::progress, this,
            [this, clock](qint64 received, qint64 total) {
                if (!clock->isValid())
                    clock->start();
                if (total > 0) {
                    m_progress->setRange(0, 1000);
                    m_progress->setValue(int(double(received) / double(total) * 1000.0));
                } else {
                    m_progress->setRange(0, 0);
                }
                const double seconds = qMax(0.001, double(clock->elapsed()) / 1000.0);
                m_status->setText(tr("%1 of %2 (%3/s)")
                                      .arg(sizeText(received),
                                           total > 0 ? sizeText(total) : tr("unknown size"),
                                           sizeText(qint64(double(received) / seconds))));
            });
    connect(m_downloader, &engine::BackgroundModelDownload::finished, this,
            [this, clock](const engine::Expected<QString> &result) {
                clock->invalidate();
                if (!result) {
                    setBusy(false);
                    if (result.error().code == engine::ErrorCode::Cancelled) {
                        m_status->setText(
                            tr("Download cancelled. Starting it again resumes where it stopped."));
                        return;
                    }
                    showError(tr("The download failed: %1").arg(result.error().message));
                    return;
                }
                install(*result, true);
            });
}

ModelSetupDialog::~ModelSetupDialog() = default;

QString ModelSetupDialog::errorText() const
{
    return m_error->text();
}

void ModelSetupDialog::startDownload()
{
    if (m_busy)
        return;
    m_error->clear();
    setBusy(true);
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(tr("Connecting to %1…").arg(m_url.host()));
    // The model folder is made off the GUI thread; the download starts when it is there.
    engine::whenFinished(engine::ModelInstall::prepareDownloadInBackground(m_store, m_url), this,
                         [this, url = m_url](const engine::Expected<QString> &target) {
                             if (!target) {
                                 setBusy(false);
                                 showError(target.error().message);
                                 return;
                             }
                             m_cancel->show();
                             qCInfo(lcModelSetup) << "downloading" << url.toDisplayString();
                             m_downloader->start(url, *target,
                                                 engine::ModelInstall::sha256PrefixInName(url.fileName()));
                         });
}

void ModelSetupDialog::cancelDownload()
{
    if (m_downloader->isRunning())
        m_downloader->cancel();
}

void ModelSetupDialog::installFromFile(const QString &path)
{
    if (m_busy)
        return;
    m_error->clear();
    setBusy(true);
    install(path, false);
}

void ModelSetupDialog::install(const QString &source, bool removeSource)
{
    m_cancel->hide();
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(tr("Checking and converting %1…").arg(QFileInfo(source).fileName()));
    if (!m_converter) {
        setBusy(false);
        showError(tr("This build cannot convert models."));
        return;
    }
    // Hashed, recognised and converted on a pool thread: what the file is decides where it goes.
    engine::whenFinished(
        engine::ModelInstall::fromFileInBackground(m_store, source, m_converter, removeSource), this,
        [this](const engine::Expected<engine::ModelInstall::Installed> &result) {
            setBusy(false);
            m_progress->hide();
            if (!result) {
                showError(tr("The model could not be installed: %1").arg(result.error().message));
                return;
            }
            m_installed = result->path;
            m_installedOfficial = result->official;
            m_status->setText(
                result->official
                    ? tr("Installed the official model as %1.").arg(QDir::toNativeSeparators(m_installed))
                    : tr("Installed %1 as a custom model: its labels are only as good as its "
                         "training.")
                          .arg(QDir::toNativeSeparators(m_installed)));
            qCInfo(lcModelSetup) << "installed" << m_installed
                                 << (result->official ? "(official)" : "(custom)");
            Q_EMIT installed(m_installed);
            accept();
        });
}

void ModelSetupDialog::setCurrentModel(const QString &path)
{
    m_current = path;
    showIntro();
}

void ModelSetupDialog::showIntro()
{
    const QString where = QDir::toNativeSeparators(m_store.directory());
    if (m_current.isEmpty()) {
        m_intro->setText(
            tr("TagLens recognises what pictures show with an image model, and none is installed yet.\n\n"
               "Download the official Inception-v3 ImageNet weights (about %1) from download.pytorch.org, "
               "install a weights or TorchScript file you already have, or continue without "
               "classification: you can still open and export projects.\n\nModels are installed in %2.")
                .arg(sizeText(engine::ModelStore::officialWeightsSize()), where));
        m_without->setText(tr("Continue &Without Classification"));
        m_without->setAccessibleName(tr("Continue without classification"));
        return;
    }
    m_intro->setText(tr("TagLens classifies with the model %1 (in %2).\n\n"
                        "Download the official Inception-v3 ImageNet weights (about %3) again, or install "
                        "another weights or TorchScript file to use it from now on. Closing this window "
                        "keeps the model in use.")
                         .arg(QFileInfo(m_current).fileName(),
                              QDir::toNativeSeparators(QFileInfo(m_current).absolutePath()),
                              sizeText(engine::ModelStore::officialWeightsSize())));
    m_without->setText(tr("&Keep the Current Model"));
    m_without->setAccessibleName(tr("Keep the current model"));
}

void ModelSetupDialog::continueWithout()
{
    cancelDownload();
    m_installed.clear();
    QDialog::reject();
}

void ModelSetupDialog::reject()
{
    if (m_busy) {
        cancelDownload(); // Escape first stops the download; the dialog stays for the next choice
        return;
    }
    QDialog::reject();
}

void ModelSetupDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_download->setEnabled(!busy);
    m_fromFile->setEnabled(!busy);
    if (!busy) {
        m_cancel->hide();
        m_progress->hide();
    }
}

void ModelSetupDialog::showError(const QString &message)
{
    m_error->showMessage(MessageBanner::Kind::Error, message);
    m_status->clear();
    adjustSize(); // room for the message
    qCWarning(lcModelSetup).noquote() << message;
    Q_EMIT failed(message);
}

} // namespace taglens::ui
