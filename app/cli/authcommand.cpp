// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcommand.h"

#include "clicontext.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/mastodonlogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/sources/mastodontagtimeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct AuthCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuthCommand)
};

QString shownAccount(const engine::StoredAccount &account)
{
    return account.acct.contains(QLatin1Char('@'))
               ? QLatin1Char('@') + account.acct
               : QStringLiteral("@%1@%2").arg(account.acct, account.instance.host());
}

QString shownInstagram(const engine::InstagramAccount &account)
{
    return account.username.isEmpty() ? AuthCommand::tr("Instagram account %1").arg(account.userId)
                                      : QLatin1Char('@') + account.username;
}

// The secret is typed on the terminal with echo off, never taken from the command line (which
// other users can read in the process list and which lands in shell history).
QString readSecretFromTerminal(CliContext &cli, const QString &prompt)
{
    cli.err() << prompt << Qt::flush;
    termios saved{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine(4096);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        cli.err() << Qt::endl;
    }
    return line.trimmed();
}

int runInstagramAuth(CliContext &cli, const QCommandLineParser &parser, const QString &action, int timeout,
                     bool openBrowser)
{
    engine::TokenStore store;
    if (action == u"status") {
        const auto account = engine::FacebookLogin::storedAccount(&store);
        if (!account) {
            cli.out() << AuthCommand::tr("No logins are stored.") << Qt::endl;
            return ExitOk;
        }
        QString line = QStringLiteral("instagram\t%1\t%2").arg(shownInstagram(*account), account->userId);
        if (account->tokenExpiresAt.isValid())
            line +=
                QLatin1Char('\t') +
                (account->isExpired(QDateTime::currentDateTimeUtc())
                     ? AuthCommand::tr("expired %1").arg(account->tokenExpiresAt.toString(Qt::ISODate))
                     : AuthCommand::tr("valid until %1").arg(account->tokenExpiresAt.toString(Qt::ISODate)));
        cli.out() << line << Qt::endl;
        return ExitOk;
    }
    if (action == u"logout") {
        const auto account = engine::FacebookLogin::storedAccount(&store);
        if (!account) {
            cli.out() << AuthCommand::tr("Not logged in to Instagram.") << Qt::endl;
            return ExitOk;
        }
        if (auto removed =
                engine::FacebookLogin::logout(&store, parser.isSet(QStringLiteral("forget-secret")));
            !removed)
            return cli.fail(removed.error().message);
        cli.out()
            << AuthCommand::tr(
                   "Logged out of Instagram (%1). To also withdraw the app's access at Meta, remove it under "
                   "Facebook settings → Business Integrations.")
                   .arg(shownInstagram(*account))
            << Qt::endl;
        return ExitOk;
    }
    if (action != u"login")
        return cli.usage(
            AuthCommand::tr("Unknown auth action \"%1\"; say login, logout or status.").arg(action));

    const QString clientId = parser.value(QStringLiteral("client-id")).trimmed();
    if (clientId.isEmpty())
        return cli.usage(
            AuthCommand::tr("--client-id is required for an Instagram login: the App ID of your Meta app."));
    bool ok = false;
    const int port = parser.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return cli.usage(
            AuthCommand::tr("--port must be a port number (the one in the redirect URI you registered)."));
    const auto graphBase = engine::FacebookLogin::loopbackOverride(
        qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), engine::FacebookLogin::defaultGraphBase());
    if (!graphBase)
        return cli.usage(graphBase.error().message);
    const auto dialogBase = engine::FacebookLogin::loopbackOverride(
        qEnvironmentVariable("TAGLENS_FACEBOOK_DIALOG_BASE"), engine::FacebookLogin::defaultDialogBase());
    if (!dialogBase)
        return cli.usage(dialogBase.error().message);

    QString secret;
    if (parser.isSet(QStringLiteral("client-secret-env"))) {
        const QString variable = parser.value(QStringLiteral("client-secret-env"));
        secret = qEnvironmentVariable(variable.toLocal8Bit().constData()).trimmed();
        if (secret.isEmpty())
            return cli.usage(AuthCommand::tr("The environment variable %1 is empty.").arg(variable));
    } else if (auto stored = engine::FacebookLogin::storedClientSecret(&store, clientId)) {
        secret = *stored; // entered once, kept in the keychain
    } else {
        secret = readSecretFromTerminal(
            cli, AuthCommand::tr("App secret of Meta app %1 (not shown): ").arg(clientId));
        if (secret.isEmpty())
            return cli.usage(AuthCommand::tr("No app secret was given."));
    }

    const QUrl redirect = engine::FacebookLogin::redirectUriFor(quint16(port));
    cli.err()
        << AuthCommand::tr(
               "The Meta app must list exactly %1 under Facebook Login → Settings → Valid OAuth Redirect "
               "URIs.")
               .arg(redirect.toString())
        << Qt::endl;
    engine::FacebookLogin login(store.place());
    login.setPort(quint16(port));
    login.setGraphBase(*graphBase);
    login.setDialogBase(*dialogBase);
    login.setTimeout(std::chrono::seconds(timeout));
    QObject::connect(&login, &engine::FacebookLogin::dialogUrlReady, &login, [&](const QUrl &url) {
        cli.out() << AuthCommand::tr("Open this address in a browser to log in with Facebook:") << Qt::endl
                  << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
        if (openBrowser &&
            !QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
            cli.err() << AuthCommand::tr("Could not start a browser; open the address yourself.") << Qt::endl;
    });
    QObject::connect(&login, &engine::FacebookLogin::waitingForBrowser, &login, [&] {
        cli.err() << AuthCommand::tr("Waiting for the browser (up to %n second(s); Ctrl+C cancels)…", nullptr,
                                     timeout)
                  << Qt::endl;
    });
    login.start(clientId, secret);
    secret.fill(QLatin1Char(' '));
    const auto account = login.waitForFinished();
    if (!account)
        return cli.fail(account.error().message);
    if (!login.keychainProblem().isEmpty())
        cli.err() << login.keychainProblem() << Qt::endl;
    cli.out() << AuthCommand::tr("Logged in to Instagram as %1 (account %2, Page “%3”).")
                     .arg(shownInstagram(*account), account->userId, account->pageName)
              << Qt::endl;
    if (account->tokenExpiresAt.isValid())
        cli.out() << AuthCommand::tr("The login is valid until %1; log in again after that.")
                         .arg(account->tokenExpiresAt.toString(Qt::ISODate))
                  << Qt::endl;
    return ExitOk;
}

} // namespace

int runAuthCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(AuthCommand::tr(
        "Log in to a Mastodon or Pixelfed instance, or to Instagram through Facebook Login with your own "
        "Meta app, through the browser (the token is kept in the system keychain), list the logins, or log "
        "out.\n\n"
        "  login    open the instance's sign-in page and wait for it to come back\n"
        "  status   list the stored logins\n"
        "  logout   revoke the token at the instance and forget it"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), AuthCommand::tr("login, logout or status."));
    const QCommandLineOption sourceOption(
        QStringLiteral("source"), AuthCommand::tr("mastodon, pixelfed or instagram (default mastodon)."),
        AuthCommand::tr("SOURCE"), QStringLiteral("mastodon"));
    const QCommandLineOption instanceOption(QStringLiteral("instance"),
                                            AuthCommand::tr("The instance, e.g. https://mastodon.social."),
                                            AuthCommand::tr("URL"));
    const QCommandLineOption noBrowserOption(
        QStringLiteral("no-browser"),
        AuthCommand::tr("Only print the sign-in address; do not try to open a browser."));
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           AuthCommand::tr("For logout: which account (default: all "
                                                           "on the instance)."),
                                           AuthCommand::tr("ACCT"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        AuthCommand::tr("How long to wait for the browser, in seconds (default 300)."),
        AuthCommand::tr("SECONDS"), QStringLiteral("300"));
    const QCommandLineOption clientIdOption(QStringLiteral("client-id"),
                                            AuthCommand::tr("Instagram: the App ID of your Meta app."),
                                            AuthCommand::tr("ID"));
    const QCommandLineOption clientSecretEnvOption(
        QStringLiteral("client-secret-env"),
        AuthCommand::tr(
            "Instagram: read the app secret from this environment variable (otherwise it is asked for on the "
            "terminal, or taken from the keychain after the first login)."),
        AuthCommand::tr("VAR"));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        AuthCommand::tr(
            "Instagram: the port of the redirect URI registered in the Meta app, http://localhost:PORT/ "
            "(default 8765)."),
        AuthCommand::tr("N"), QString::number(engine::FacebookLogin::DefaultPort));
    const QCommandLineOption forgetSecretOption(
        QStringLiteral("forget-secret"), AuthCommand::tr("Instagram logout: also forget the app secret."));
    parser.addOptions({sourceOption, instanceOption, noBrowserOption, accountOption, timeoutOption,
                       clientIdOption, clientSecretEnvOption, portOption, forgetSecretOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cli.usage(AuthCommand::tr("Say login, logout or status."));
    const QString &action = positional.first();
    const auto source = engine::sourceKindFromName(parser.value(sourceOption));
    if (source && *source == engine::SourceKind::Instagram) {
        bool ok = false;
        const int timeout = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeout < 1)
            return cli.usage(AuthCommand::tr("--timeout must be a number of seconds."));
        return runInstagramAuth(cli, parser, action, timeout, !parser.isSet(noBrowserOption));
    }
    if (!source || !engine::isFediverse(*source))
        return cli.usage(AuthCommand::tr("--source must be mastodon, pixelfed or instagram."));
    QUrl instance;
    if (parser.isSet(instanceOption)) {
        auto normalized = engine::MastodonTagTimeline::normalizeInstance(parser.value(instanceOption));
        if (!normalized)
            return cli.usage(normalized.error().message);
        instance = *normalized;
    }
    engine::TokenStore store;

    if (action == u"status") {
        const auto accounts =
            store.accounts(parser.isSet(sourceOption) ? std::optional(*source) : std::nullopt, instance);
        if (accounts.isEmpty()) {
            cli.out() << AuthCommand::tr("No logins are stored.") << Qt::endl;
            return ExitOk;
        }
        for (const auto &account : accounts) {
            const QString sourceName = engine::sourceKindName(account.source);
            if (account.source == engine::SourceKind::Instagram) {
                const auto instagram = engine::FacebookLogin::storedAccount(&store);
                cli.out() << sourceName << '\t' << (instagram ? shownInstagram(*instagram) : account.acct)
                          << '\t' << account.acct << Qt::endl;
                continue;
            }
            cli.out() << sourceName << '\t' << account.instance.toString() << '\t' << shownAccount(account)
                      << Qt::endl;
        }
        return ExitOk;
    }

    if (instance.isEmpty())
        return cli.usage(AuthCommand::tr("--instance is required for %1.").arg(action));

    if (action == u"login") {
        bool ok = false;
        const int timeout = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeout < 1)
            return cli.usage(AuthCommand::tr("--timeout must be a number of seconds."));
        engine::MastodonLogin login(store.place(), *source);
        login.setTimeout(std::chrono::seconds(timeout));
        const bool openBrowser = !parser.isSet(noBrowserOption);
        QObject::connect(&login, &engine::MastodonLogin::authorizeUrlReady, &login, [&](const QUrl &url) {
            cli.out() << AuthCommand::tr("Open this address in a browser to log in:") << Qt::endl
                      << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
            // xdg-open, not QDesktopServices: the command line links no GUI application class.
            if (openBrowser &&
                !QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
                cli.err() << AuthCommand::tr("Could not start a browser; open the address yourself.")
                          << Qt::endl;
        });
        QObject::connect(&login, &engine::MastodonLogin::waitingForBrowser, &login, [&] {
            cli.err() << AuthCommand::tr("Waiting for the browser (up to %n second(s); Ctrl+C cancels)…",
                                         nullptr, timeout)
                      << Qt::endl;
        });
        login.start(instance);
        const auto account = login.waitForFinished();
        if (!account)
            return cli.fail(account.error().message);
        if (!login.keychainProblem().isEmpty())
            cli.err() << login.keychainProblem() << Qt::endl;
        cli.out() << AuthCommand::tr("Logged in to %1 as %2").arg(instance.toString(), shownAccount(*account))
                  << Qt::endl;
        return ExitOk;
    }

    if (action == u"logout") {
        auto accounts = store.accounts(*source, instance);
        if (parser.isSet(accountOption)) {
            QString wanted = parser.value(accountOption);
            if (wanted.startsWith(QLatin1Char('@')))
                wanted.remove(0, 1);
            accounts.removeIf([&](const engine::StoredAccount &a) {
                return a.acct != wanted && shownAccount(a) != QLatin1Char('@') + wanted;
            });
        }
        if (accounts.isEmpty()) {
            cli.out() << AuthCommand::tr("Not logged in to %1.").arg(instance.toString()) << Qt::endl;
            return ExitOk;
        }
        for (const auto &account : std::as_const(accounts)) {
            QString problem;
            if (auto removed = engine::MastodonLogin::logout(&store, account, &problem); !removed)
                return cli.fail(removed.error().message);
            if (!problem.isEmpty())
                cli.err() << AuthCommand::tr("Warning: %1").arg(problem) << Qt::endl;
            cli.out()
                << AuthCommand::tr("Logged out of %1 (%2).").arg(instance.toString(), shownAccount(account))
                << Qt::endl;
        }
        return ExitOk;
    }
    return cli.usage(AuthCommand::tr("Unknown auth action \"%1\"; say login, logout or status.").arg(action));
}

} // namespace taglens::app
