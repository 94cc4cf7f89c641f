// SPDX-License-Identifier: GPL-3.0-or-later
#include "authcommand.h"

#include "clicontext.h"
#include "engine/auth/mastodonlogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/sources/mastodontagtimeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>

namespace taglens::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AuthCommand", text);
}

QString shownAccount(const engine::StoredAccount &account)
{
    return account.acct.contains(QLatin1Char('@'))
               ? QLatin1Char('@') + account.acct
               : QStringLiteral("@%1@%2").arg(account.acct, account.instance.host());
}

} // namespace

int runAuthCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Log in to a Mastodon or Pixelfed instance through the browser (the token is kept in the system "
           "keychain), list the logins, or log out.\n\n"
           "  login    open the instance's sign-in page and wait for it to come back\n"
           "  status   list the stored logins\n"
           "  logout   revoke the token at the instance and forget it"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("login, logout or status."));
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          tr("mastodon or pixelfed (default mastodon)."), tr("SOURCE"),
                                          QStringLiteral("mastodon"));
    const QCommandLineOption instanceOption(QStringLiteral("instance"),
                                            tr("The instance, e.g. https://mastodon.social."), tr("URL"));
    const QCommandLineOption noBrowserOption(
        QStringLiteral("no-browser"), tr("Only print the sign-in address; do not try to open a browser."));
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           tr("For logout: which account (default: all "
                                              "on the instance)."),
                                           tr("ACCT"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("How long to wait for the browser, in seconds (default 300)."),
                                           tr("SECONDS"), QStringLiteral("300"));
    parser.addOptions({sourceOption, instanceOption, noBrowserOption, accountOption, timeoutOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cli.usage(tr("Say login, logout or status."));
    const QString action = positional.first();
    const QString source = parser.value(sourceOption);
    if (source != u"mastodon" && source != u"pixelfed")
        return cli.usage(tr("--source must be mastodon or pixelfed."));
    QUrl instance;
    if (parser.isSet(instanceOption)) {
        auto normalized = engine::MastodonTagTimeline::normalizeInstance(parser.value(instanceOption));
        if (!normalized)
            return cli.usage(normalized.error().message);
        instance = *normalized;
    }
    engine::TokenStore store;

    if (action == u"status") {
        const auto accounts = store.accounts(parser.isSet(sourceOption) ? source : QString(), instance);
        if (accounts.isEmpty()) {
            cli.out() << tr("No logins are stored.") << Qt::endl;
            return ExitOk;
        }
        for (const auto &account : accounts)
            cli.out() << account.source << '\t' << account.instance.toString() << '\t'
                      << shownAccount(account) << Qt::endl;
        return ExitOk;
    }

    if (instance.isEmpty())
        return cli.usage(tr("--instance is required for %1.").arg(action));

    if (action == u"login") {
        bool ok = false;
        const int timeout = parser.value(timeoutOption).toInt(&ok);
        if (!ok || timeout < 1)
            return cli.usage(tr("--timeout must be a number of seconds."));
        engine::MastodonLogin login(&store, source);
        login.setTimeout(std::chrono::seconds(timeout));
        const bool openBrowser = !parser.isSet(noBrowserOption);
        QObject::connect(&login, &engine::MastodonLogin::authorizeUrlReady, &login, [&](const QUrl &url) {
            cli.out() << tr("Open this address in a browser to log in:") << Qt::endl
                      << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
            // xdg-open, not QDesktopServices: the command line links no GUI application class.
            if (openBrowser &&
                !QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
                cli.err() << tr("Could not start a browser; open the address yourself.") << Qt::endl;
        });
        QObject::connect(&login, &engine::MastodonLogin::waitingForBrowser, &login, [&] {
            cli.err() << QCoreApplication::translate(
                             "AuthCommand", "Waiting for the browser (up to %n second(s); Ctrl+C cancels)…",
                             nullptr, timeout)
                      << Qt::endl;
        });
        login.start(instance);
        const auto account = login.waitForFinished();
        if (!account)
            return cli.fail(account.error().message);
        if (!store.keychainProblem().isEmpty())
            cli.err() << store.keychainProblem() << Qt::endl;
        cli.out() << tr("Logged in to %1 as %2").arg(instance.toString(), shownAccount(*account)) << Qt::endl;
        return ExitOk;
    }

    if (action == u"logout") {
        auto accounts = store.accounts(source, instance);
        if (parser.isSet(accountOption)) {
            QString wanted = parser.value(accountOption);
            if (wanted.startsWith(QLatin1Char('@')))
                wanted.remove(0, 1);
            accounts.removeIf([&](const engine::StoredAccount &a) {
                return a.acct != wanted && shownAccount(a) != QLatin1Char('@') + wanted;
            });
        }
        if (accounts.isEmpty()) {
            cli.out() << tr("Not logged in to %1.").arg(instance.toString()) << Qt::endl;
            return ExitOk;
        }
        for (const auto &account : std::as_const(accounts)) {
            QString problem;
            if (auto removed = engine::MastodonLogin::logout(&store, account, &problem); !removed)
                return cli.fail(removed.error().message);
            if (!problem.isEmpty())
                cli.err() << tr("Warning: %1").arg(problem) << Qt::endl;
            cli.out() << tr("Logged out of %1 (%2).").arg(instance.toString(), shownAccount(account))
                      << Qt::endl;
        }
        return ExitOk;
    }
    return cli.usage(tr("Unknown auth action \"%1\"; say login, logout or status.").arg(action));
}

} // namespace taglens::app
