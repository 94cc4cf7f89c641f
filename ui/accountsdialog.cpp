// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsdialog.h"

#include "engine/auth/facebooklogin.h"
#include "engine/auth/keychainthread.h"
#include "engine/auth/mastodonauthclient.h"
#include "engine/auth/mastodonlogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/core/whenfinished.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/sources/sourcespec.h"
#include "messagebanner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <optional>
#include <tuple>
#include <utility>

Q_LOGGING_CATEGORY(lcAccountsDialog, "taglens.ui.accountsdialog")

namespace taglens::ui {

namespace {

QString sourceName(engine::SourceKind source)
{
    switch (source) {
    case engine::SourceKind::Mastodon:
        return AccountsDialog::tr("Mastodon");
    case engine::SourceKind::Pixelfed:
        return AccountsDialog::tr("Pixelfed");
    case engine::SourceKind::Instagram:
        return AccountsDialog::tr("Instagram");
    case engine::SourceKind::Local:
    case engine::SourceKind::Urls:
        break;
    }
    return engine::sourceKindName(source);
}

QString shownAccount(const engine::StoredAccount &account)
{
    return account.acct.contains(QLatin1Char('@'))
               ? QLatin1Char('@') + account.acct
               : QStringLiteral("@%1@%2").arg(account.acct, account.instance.host());
}

QString shownInstagram(const engine::InstagramAccount &account)
{
    const QString name = account.username.isEmpty() ? AccountsDialog::tr("account %1").arg(account.userId)
                                                    : QLatin1Char('@') + account.username;
    return account.pageName.isEmpty() ? name
                                      : AccountsDialog::tr("%1 (Page “%2”)").arg(name, account.pageName);
}

QString shownDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

/// A read-only field with a Copy button, for addresses the user may have to paste elsewhere.
QWidget *copyableField(QLineEdit *field, const QString &copyName, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setReadOnly(true);
    auto *copy =
        new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), AccountsDialog::tr("&Copy"), row);
    copy->setAccessibleName(copyName);
    QObject::connect(copy, &QPushButton::clicked, field, [field] {
        QGuiApplication::clipboard()->setText(field->text());
        field->selectAll();
    });
    layout->addWidget(field, 1);
    layout->addWidget(copy);
    return row;
}

} // namespace

AccountsDialog::AccountsDialog(const engine::KeychainPlace &keychain, QWidget *parent)
    : QDialog(parent), m_keychain(keychain)
{
    setWindowTitle(tr("Accounts"));
    m_openUrl = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    // As for the command line: the stand-ins of the tests and screenshots, never another host.
    if (auto graph =
            engine::FacebookLogin::loopbackOverride(qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), QUrl()))
        m_graphBase = *graph;
    else
        qCWarning(lcAccountsDialog).noquote() << graph.error().message;
    if (auto dialog = engine::FacebookLogin::loopbackOverride(
            qEnvironmentVariable("TAGLENS_FACEBOOK_DIALOG_BASE"), QUrl()))
        m_dialogBase = *dialog;
    else
        qCWarning(lcAccountsDialog).noquote() << dialog.error().message;

    m_keychainProblem = new MessageBanner(this);
    m_keychainProblem->setAccessibleName(tr("Keychain problem"));

    buildList();

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Log in"));
    m_tabs->addTab(buildMastodonPage(), tr("Mastodon or Pixelfed"));
    m_tabs->addTab(buildInstagramPage(), tr("Instagram"));
    m_waiting = buildWaitingPanel();

    m_status = new MessageBanner(this);
    m_status->setAccessibleName(tr("Login status"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter logs in on the page shown; it never closes the dialog (Escape does).
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    auto useDefaultOfPage = [this](int page) {
        m_mastodonLogIn->setDefault(page == 0);
        m_instagramLogIn->setDefault(page == 1);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, useDefaultOfPage);
    useDefaultOfPage(m_tabs->currentIndex());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *listTitle = new QLabel(tr("<b>Stored logins</b>"), this);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    auto *listButtons = new QVBoxLayout;
    listButtons->addWidget(m_logOut);
    listButtons->addStretch();
    listRow->addLayout(listButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keychainProblem);
    layout->addWidget(listTitle);
    layout->addLayout(listRow, 1);
    layout->addSpacing(6);
    layout->addWidget(m_tabs);
    layout->addWidget(m_waiting);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    refresh();
    setWaiting(false);
    // The login forms keep their height while the waiting panel shows below them.
    m_tabs->setMinimumHeight(m_tabs->sizeHint().height());
    resize(qMax(720, sizeHint().width()), sizeHint().height());
}

AccountsDialog::~AccountsDialog()
{
    for (QObject *login :
         {static_cast<QObject *>(m_mastodonLogin.data()), static_cast<QObject *>(m_instagramLogin.data())}) {
        if (login)
            login->disconnect(this);
    }
    if (m_mastodonLogin)
        m_mastodonLogin->cancel();
    if (m_instagramLogin)
        m_instagramLogin->cancel();
}

void AccountsDialog::buildList()
{
    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Stored logins"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels({tr("Service"), tr("Server"), tr("Account"), tr("Login")});
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setMinimumHeight(90);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 9); // a few rows; the logins below matter more
    m_logOut = new QPushButton(QIcon::fromTheme(QStringLiteral("system-log-out")), tr("Log &Out"), this);
    m_logOut->setAccessibleName(tr("Log out of the selected account"));
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    connect(m_logOut, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_list->currentItem())
            logOut(m_list->indexOfTopLevelItem(item));
    });
}

QWidget *AccountsDialog::buildMastodonPage()
{
    auto *page = new QWidget(this);
    m_mastodonSource = new QComboBox(page);
    m_mastodonSource->addItem(tr("Mastodon"), QVariant::fromValue(engine::SourceKind::Mastodon));
    m_mastodonSource->addItem(tr("Pixelfed"), QVariant::fromValue(engine::SourceKind::Pixelfed));
    m_mastodonSource->setAccessibleName(tr("Kind of server"));
    m_instance = new QLineEdit(page);
    m_instance->setPlaceholderText(tr("e.g. mastodon.social"));
    m_instance->setAccessibleName(tr("Instance"));
    m_mastodonLogIn = new QPushButton(QIcon::fromTheme(QStringLiteral("system-users")), tr("&Log In…"), page);
    m_mastodonLogIn->setAccessibleName(tr("Log in to the instance"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_mastodonSource);
    auto *instanceRow = new QHBoxLayout;
    instanceRow->addWidget(m_instance, 1);
    instanceRow->addWidget(m_mastodonLogIn);
    form->addRow(tr("&Instance:"), instanceRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(instanceRow)))
        label->setBuddy(m_instance);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrappedLabel(tr("Needed for instances that show hashtags to logged-in users only. Your "
                                      "browser opens the instance's sign-in page; TagLens only asks to read, "
                                      "and keeps the token in the desktop keychain."),
                                   page));
    layout->addLayout(form);
    layout->addStretch();
    auto start = [this] {
        startMastodonLogin(m_mastodonSource->currentData().value<engine::SourceKind>(), m_instance->text());
    };
    connect(m_mastodonLogIn, &QPushButton::clicked, this, start);
    return page;
}

QWidget *AccountsDialog::buildInstagramPage()
{
    auto *page = new QWidget(this);
    m_clientId = new QLineEdit(page);
    m_clientId->setAccessibleName(tr("App ID of your Meta app"));
    m_clientId->setPlaceholderText(tr("App settings → Basic → App ID"));
    m_clientSecret = new QLineEdit(page);
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setAccessibleName(tr("App secret of your Meta app"));
    m_port = new QSpinBox(page);
    m_port->setRange(1024, 65535);
    m_port->setValue(engine::FacebookLogin::DefaultPort);
    m_port->setAccessibleName(tr("Port of the redirect URI"));
    m_port->setGroupSeparatorShown(false);
    m_redirectUri = new QLineEdit(page);
    m_redirectUri->setAccessibleName(tr("Redirect URI to register"));
    m_instagramLogIn =
        new QPushButton(QIcon::fromTheme(QStringLiteral("system-users")), tr("Log &In…"), page);
    m_instagramLogIn->setAccessibleName(tr("Log in to Instagram"));

    auto *form = new QFormLayout;
    form->addRow(tr("App &ID:"), m_clientId);
    form->addRow(tr("App s&ecret:"), m_clientSecret);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Redirect URI:"), copyableField(m_redirectUri, tr("Copy the redirect URI"), page));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(
        wrappedLabel(tr("Instagram hashtag search needs your own Meta app and an Instagram "
                        "professional account linked to a Facebook Page (see README). Register "
                        "the redirect URI below exactly under Facebook Login → Settings → Valid "
                        "OAuth Redirect URIs."),
                     page));
    layout->addLayout(form);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_instagramLogIn);
    layout->addLayout(buttonRow);
    layout->addStretch();

    auto updateSecretHint = [this] {
        m_clientSecret->setPlaceholderText(
            m_clientId->text().trimmed().isEmpty()
                ? tr("App settings → Basic → App secret")
                : tr("Kept in the keychain; leave empty to use the stored one"));
    };
    updateSecretHint();
    updateRedirectUri();
    connect(m_clientId, &QLineEdit::textChanged, this, updateSecretHint);
    connect(m_port, &QSpinBox::valueChanged, this, &AccountsDialog::updateRedirectUri);
    connect(m_instagramLogIn, &QPushButton::clicked, this,
            [this] { startInstagramLogin(m_clientId->text(), m_clientSecret->text(), m_port->value()); });
    return page;
}

QWidget *AccountsDialog::buildWaitingPanel()
{
    auto *panel = new QWidget(this);
    m_waitingText = wrappedLabel(QString(), panel);
    m_waitingText->setAccessibleName(tr("Login progress"));
    m_waitingBar = new QProgressBar(panel);
    m_waitingBar->setRange(0, 0);
    m_waitingBar->setTextVisible(false);
    m_waitingBar->setMaximumHeight(m_waitingBar->sizeHint().height() / 2 + 2);
    m_waitingBar->setAccessibleName(tr("Waiting for the browser"));
    m_waitingAddress = new QLineEdit(panel);
    m_waitingAddress->setAccessibleName(tr("Sign-in address"));
    m_cancel = new QPushButton(tr("C&ancel"), panel);
    m_cancel->setAccessibleName(tr("Cancel the login"));
    auto *openAgain = new QPushButton(tr("Open &Browser Again"), panel);
    openAgain->setAccessibleName(tr("Open the sign-in address in the browser again"));
    connect(m_cancel, &QPushButton::clicked, this, &AccountsDialog::cancelLogin);
    connect(openAgain, &QPushButton::clicked, this, [this] {
        if (m_waitingUrl.isValid())
            m_openUrl(m_waitingUrl);
    });

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_waitingText);
    layout->addWidget(m_waitingBar);
    layout->addWidget(wrappedLabel(tr("If no browser opened, copy this address into one:"), panel));
    layout->addWidget(copyableField(m_waitingAddress, tr("Copy the sign-in address"), panel));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(openAgain);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    return panel;
}

void AccountsDialog::refresh()
{
    ++m_readsPending;
    engine::whenFinished(
        engine::KeychainThread::run(m_keychain,
                                    [](engine::TokenStore &store) {
                                        StoredLogins stored;
                                        stored.accounts = store.accounts();
                                        if (auto instagram = engine::FacebookLogin::storedAccount(&store))
                                            stored.instagram = *instagram;
                                        // Only a keychain call tells whether there is one: look for a secret
                                        // nobody stores.
                                        std::ignore = store.secret(QStringLiteral(
                                            "taglens-keychain-check")); // only its side effect counts
                                        stored.keychainProblem = store.keychainProblem();
                                        return stored;
                                    }),
        this, [this](const StoredLogins &stored) {
            --m_readsPending;
            showStoredLogins(stored);
        });
}

void AccountsDialog::showStoredLogins(const StoredLogins &stored)
{
    if (!m_formFilled) {
        // The Instagram form starts from the stored login's app and port.
        m_formFilled = true;
        if (stored.instagram && m_clientId->text().isEmpty()) {
            m_clientId->setText(stored.instagram->clientId);
            if (stored.instagram->redirectPort > 0)
                m_port->setValue(stored.instagram->redirectPort);
        }
    }
    updateKeychainProblem(stored.keychainProblem);
    m_accounts = stored.accounts;
    for (const auto &session : std::as_const(m_sessionAccounts)) {
        if (!m_accounts.contains(session))
            m_accounts << session;
    }
    std::optional<engine::InstagramAccount> instagram = stored.instagram;
    if (!instagram && m_sessionInstagram.isValid())
        instagram = m_sessionInstagram;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_list->clear();
    for (const auto &account : std::as_const(m_accounts)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, sourceName(account.source));
        const bool session = m_sessionAccounts.contains(account);
        if (account.source == engine::SourceKind::Instagram) {
            item->setText(1, QStringLiteral("instagram.com"));
            if (instagram && instagram->userId == account.acct) {
                item->setText(2, shownInstagram(*instagram));
                const QDateTime expiry = instagram->tokenExpiresAt;
                if (!expiry.isValid())
                    item->setText(3, tr("valid"));
                else if (instagram->isExpired(now))
                    item->setText(3, tr("expired %1 — log in again").arg(shownDate(expiry)));
                else
                    item->setText(3, tr("until %1").arg(shownDate(expiry)));
                if (instagram->isExpired(now))
                    item->setForeground(3, QColor(0xb0, 0x20, 0x10));
            } else {
                item->setText(2, tr("account %1").arg(account.acct));
            }
        } else {
            item->setText(1, account.instance.host() +
                                 (account.instance.port() > 0
                                      ? QLatin1Char(':') + QString::number(account.instance.port())
                                      : QString()));
            item->setText(2, shownAccount(account));
            item->setText(3, tr("until logged out"));
        }
        if (session)
            item->setText(3, tr("this run only (no keychain)"));
        item->setToolTip(1, account.instance.toString());
    }
    if (m_accounts.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, tr("No logins yet. Public hashtags need none; log in below where one is needed."));
        item->setFirstColumnSpanned(true);
        item->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
    Q_EMIT refreshed();
}

void AccountsDialog::startMastodonLogin(engine::SourceKind source, const QString &instance)
{
    if (isBusy())
        return;
    auto normalized = engine::MastodonTagTimeline::normalizeInstance(instance);
    if (!normalized) {
        setFailed(normalized.error());
        m_instance->setFocus();
        return;
    }
    auto *login = new engine::MastodonLogin(m_keychain, source, this);
    m_mastodonLogin = login;
    login->setTimeout(m_timeout);
    connect(login, &engine::MastodonLogin::authorizeUrlReady, this, &AccountsDialog::onAuthorizeUrl);
    connect(login, &engine::MastodonLogin::finished, this, &AccountsDialog::mastodonFinished);
    m_status->clear();
    m_lastError.reset();
    m_waitingUrl.clear();
    m_waitingAddress->clear();
    m_waitingText->setText(tr("Registering TagLens with %1…").arg(normalized->host()));
    setWaiting(true);
    login->start(*normalized);
}

void AccountsDialog::startInstagramLogin(const QString &clientId, const QString &clientSecret, int port)
{
    if (isBusy())
        return;
    const QString id = clientId.trimmed();
    if (id.isEmpty()) {
        setStatus(tr("Enter the App ID of your Meta app (App settings → Basic)."), true,
                  engine::ErrorCode::InvalidArgument);
        m_clientId->setFocus();
        return;
    }
    if (port < 1 || port > 65535) {
        setStatus(tr("The port must be the one in the redirect URI you registered."), true,
                  engine::ErrorCode::InvalidArgument);
        return;
    }
    QString secret = clientSecret.trimmed();
    m_clientSecret->clear(); // it goes to the keychain (or this run's memory)
    if (!secret.isEmpty())
        return continueInstagramLogin(id, secret, port);
    // An empty field: the secret stored by an earlier login, which the keychain thread reads.
    ++m_keychainSteps;
    updateButtons();
    engine::whenFinished(
        engine::KeychainThread::run(m_keychain,
                                    [id](engine::TokenStore &store) {
                                        return engine::FacebookLogin::storedClientSecret(&store, id);
                                    }),
        this, [this, id, port](const engine::Expected<QString> &stored) {
            --m_keychainSteps;
            if (!stored) {
                setStatus(tr("Enter the app secret of Meta app %1 (App settings → Basic); it is kept in the "
                             "keychain after the first login.")
                              .arg(id),
                          true, engine::ErrorCode::NotFound);
                updateButtons();
                m_clientSecret->setFocus();
                return;
            }
            continueInstagramLogin(id, *stored, port);
        });
}

void AccountsDialog::continueInstagramLogin(const QString &id, QString secret, int port)
{
    auto *login = new engine::FacebookLogin(m_keychain, this);
    m_instagramLogin = login;
    login->setPort(quint16(port));
    if (m_graphBase.isValid())
        login->setGraphBase(m_graphBase);
    if (m_dialogBase.isValid())
        login->setDialogBase(m_dialogBase);
    login->setTimeout(m_timeout);
    connect(login, &engine::FacebookLogin::dialogUrlReady, this, &AccountsDialog::onAuthorizeUrl);
    connect(login, &engine::FacebookLogin::finished, this, &AccountsDialog::instagramFinished);
    m_status->clear();
    m_lastError.reset();
    m_waitingUrl.clear();
    m_waitingAddress->clear();
    m_waitingText->setText(tr("Starting the Facebook Login…"));
    setWaiting(true);
    login->start(id, secret);
    secret.fill(QLatin1Char(' '));
}

void AccountsDialog::onAuthorizeUrl(const QUrl &url)
{
    m_waitingUrl = url;
    m_waitingAddress->setText(url.toString(QUrl::FullyEncoded));
    m_waitingAddress->setCursorPosition(0);
    const bool opened = m_openUrl && m_openUrl(url);
    m_waitingText->setText(opened
                               ? tr("Waiting for your browser… Log in there and allow TagLens to read; "
                                    "this window notices when you are done.")
                               : tr("No browser could be opened. Open the address below in a browser, log in "
                                    "and allow TagLens to read; this window notices when you are done."));
}

namespace {

/// Ends the wait for \a slot's login: takes its result and lets the login object go. Empty when
/// there was no login (a second finished signal).
template <typename Login>
std::optional<decltype(std::declval<Login>().result())> takeLoginResult(QPointer<Login> &slot)
{
    Login *login = slot;
    if (!login)
        return std::nullopt;
    slot = nullptr;
    login->deleteLater();
    return login->result();
}

} // namespace

bool AccountsDialog::loginSucceeded(const engine::Error *error)
{
    setWaiting(false);
    if (!error)
        return true;
    setFailed(*error);
    Q_EMIT loginFinished(false);
    return false;
}

void AccountsDialog::showLoggedIn(const QString &text)
{
    refresh();
    setStatus(text, false);
    Q_EMIT accountsChanged();
    Q_EMIT loginFinished(true);
}

void AccountsDialog::mastodonFinished()
{
    const QString problem = m_mastodonLogin ? m_mastodonLogin->keychainProblem() : QString();
    const auto result = takeLoginResult(m_mastodonLogin);
    if (!result || !loginSucceeded(*result ? nullptr : &result->error()))
        return;
    const engine::StoredAccount &account = **result;
    QString text = tr("Logged in to %1 as %2.").arg(account.instance.host(), shownAccount(account));
    if (!problem.isEmpty()) {
        if (!m_sessionAccounts.contains(account))
            m_sessionAccounts << account;
        text += QLatin1Char(' ') + problem;
    }
    m_instance->clear();
    showLoggedIn(text);
}

void AccountsDialog::instagramFinished()
{
    const QString problem = m_instagramLogin ? m_instagramLogin->keychainProblem() : QString();
    const auto result = takeLoginResult(m_instagramLogin);
    if (!result || !loginSucceeded(*result ? nullptr : &result->error()))
        return;
    const engine::InstagramAccount &account = **result;
    QString text = tr("Logged in to Instagram as %1.").arg(shownInstagram(account));
    if (account.tokenExpiresAt.isValid())
        text += QLatin1Char(' ') + tr("The login is valid until %1; log in again after that.")
                                       .arg(shownDate(account.tokenExpiresAt));
    if (!problem.isEmpty()) {
        const engine::StoredAccount listing{
            engine::SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")), account.userId};
        if (!m_sessionAccounts.contains(listing))
            m_sessionAccounts << listing;
        m_sessionInstagram = account;
        text += QLatin1Char(' ') + problem;
    }
    showLoggedIn(text);
}

void AccountsDialog::cancelLogin()
{
    // The login reports the cancellation through finished(), which ends the wait.
    if (m_mastodonLogin)
        m_mastodonLogin->cancel();
    if (m_instagramLogin)
        m_instagramLogin->cancel();
}

bool AccountsDialog::isBusy() const
{
    return m_mastodonLogin || m_instagramLogin || m_revoker || m_keychainSteps > 0;
}

void AccountsDialog::logOut(int row)
{
    if (isBusy() || row < 0 || row >= m_accounts.size())
        return;
    const engine::StoredAccount account = m_accounts.at(row);
    ++m_keychainSteps;
    m_lastError.reset();
    updateButtons();
    if (account.source == engine::SourceKind::Instagram) {
        struct LoggedOut
        {
            std::optional<engine::InstagramAccount> instagram;
            engine::Expected<void> removed;
        };
        engine::whenFinished(
            engine::KeychainThread::run(
                m_keychain,
                [account](engine::TokenStore &store) {
                    auto instagram = engine::FacebookLogin::storedAccount(&store);
                    engine::Expected<void> removed =
                        instagram ? engine::FacebookLogin::logout(&store, false) : store.removeToken(account);
                    return LoggedOut{instagram ? std::optional(*instagram) : std::nullopt,
                                     std::move(removed)};
                }),
            this, [this, account](const LoggedOut &out) {
                --m_keychainSteps;
                const QString who = out.instagram                  ? shownInstagram(*out.instagram)
                                    : m_sessionInstagram.isValid() ? shownInstagram(m_sessionInstagram)
                                                                   : account.acct;
                m_sessionAccounts.removeAll(account);
                m_sessionInstagram = {};
                refresh();
                if (!out.removed) {
                    setFailed(out.removed.error());
                    Q_EMIT logoutFinished(false);
                    return;
                }
                setStatus(
                    tr("Logged out of Instagram (%1). To also withdraw the app's access at Meta, remove it "
                       "under Facebook settings → Business Integrations.")
                        .arg(who),
                    false);
                Q_EMIT accountsChanged();
                Q_EMIT logoutFinished(true);
            });
        return;
    }

    // Revoke at the instance first (a network round trip), then forget the token.
    struct Revocable
    {
        engine::Expected<QString> token;
        engine::Expected<engine::MastodonApp> app;
    };
    engine::whenFinished(
        engine::KeychainThread::run(m_keychain,
                                    [account](engine::TokenStore &store) {
                                        auto token = store.token(account);
                                        auto app = store.client(account.source, account.instance);
                                        return Revocable{std::move(token), std::move(app)};
                                    }),
        this, [this, account](const Revocable &revocable) {
            if (!revocable.token || !revocable.app)
                return finishLogOut(account, QString());
            auto *revoker = new engine::MastodonAuthClient(this);
            m_revoker = revoker;
            setStatus(tr("Logging out of %1…").arg(account.instance.host()), false);
            revoker->revoke(*revocable.app, *revocable.token,
                            [this, revoker, account](const engine::Expected<bool> &revoked) {
                                m_revoker = nullptr;
                                revoker->deleteLater();
                                finishLogOut(account, revoked ? QString() : revoked.error().message);
                            });
        });
}

void AccountsDialog::finishLogOut(const engine::StoredAccount &account, const QString &revokeProblem)
{
    engine::whenFinished(
        engine::KeychainThread::run(
            m_keychain, [account](engine::TokenStore &store) { return store.removeToken(account); }),
        this, [this, account, revokeProblem](const engine::Expected<void> &removed) {
            --m_keychainSteps;
            m_sessionAccounts.removeAll(account);
            refresh();
            if (!removed) {
                setFailed(removed.error());
                Q_EMIT logoutFinished(false);
                return;
            }
            QString text = tr("Logged out of %1 (%2).").arg(account.instance.host(), shownAccount(account));
            if (!revokeProblem.isEmpty())
                text += QLatin1Char(' ') + tr("The instance was not told: %1").arg(revokeProblem);
            setStatus(text, false);
            Q_EMIT accountsChanged();
            Q_EMIT logoutFinished(true);
        });
}

QString AccountsDialog::statusText() const
{
    return m_status->text();
}

QString AccountsDialog::keychainProblemText() const
{
    return m_keychainProblem->text();
}

QString AccountsDialog::redirectUriText() const
{
    return m_redirectUri->text();
}

void AccountsDialog::showInstagramLogin()
{
    m_tabs->setCurrentIndex(1);
    m_clientId->setFocus();
}

void AccountsDialog::reject()
{
    cancelLogin(); // closing the window ends the wait
    QDialog::reject();
}

void AccountsDialog::setWaiting(bool waiting)
{
    m_waiting->setVisible(waiting);
    m_tabs->setEnabled(!waiting);
    if (waiting && layout()) {
        layout()->activate();
        if (height() < sizeHint().height())
            resize(width(), sizeHint().height());
    }
    m_cancel->setEnabled(waiting);
    if (waiting)
        m_cancel->setFocus();
    updateButtons();
}

void AccountsDialog::setStatus(const QString &text, bool failed, std::optional<engine::ErrorCode> error)
{
    m_failed = failed;
    m_lastError = failed ? std::optional(error.value_or(engine::ErrorCode::Internal)) : std::nullopt;
    m_status->showMessage(failed ? MessageBanner::Kind::Error : MessageBanner::Kind::Success, text);
    if (failed)
        qCInfo(lcAccountsDialog).noquote() << text;
}

void AccountsDialog::setFailed(const engine::Error &error)
{
    setStatus(error.message, true, error.code);
}

void AccountsDialog::updateButtons()
{
    QTreeWidgetItem *item = m_list->currentItem();
    m_logOut->setEnabled(!isBusy() && item && item->isSelected() &&
                         m_list->indexOfTopLevelItem(item) < m_accounts.size());
}

void AccountsDialog::updateKeychainProblem(const QString &problem)
{
    m_keychainProblem->showMessage(
        MessageBanner::Kind::Warning,
        problem.isEmpty() ? QString()
                          : problem + QLatin1Char(' ') +
                                tr("Logins made now last until TagLens is closed. Start a Secret Service "
                                   "(such as GNOME Keyring or KWallet) to keep them."));
}

void AccountsDialog::updateRedirectUri()
{
    m_redirectUri->setText(engine::FacebookLogin::redirectUriFor(quint16(m_port->value())).toString());
}

} // namespace taglens::ui
