// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestcommand.h"

#include "clicontext.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/workflow/credentiallookup.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/harvestsession.h"
#include "engine/workflow/instagrambudget.h"
#include "engine/workflow/progresstext.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <optional>

namespace taglens::app {

namespace {

// The translation context of this command's messages (the command is a function, not a class).
struct HarvestCommand
{
    Q_DECLARE_TR_FUNCTIONS(HarvestCommand)
};

std::atomic<bool> s_interrupted{false};

extern "C" void onInterrupt(int)
{
    s_interrupted = true; // the event loop notices and cancels cleanly
}

} // namespace

int runHarvestCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        HarvestCommand::tr("Fetch the images posted under hashtags, classify them and store them in a "
                           "project. Running it again resumes."));
    parser.addHelpOption();
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          HarvestCommand::tr("mastodon, pixelfed, instagram or local."),
                                          HarvestCommand::tr("SOURCE"));
    const QCommandLineOption tagOption(
        QStringLiteral("tag"),
        HarvestCommand::tr("A hashtag (repeat for several). For local sources: the collection's name."),
        HarvestCommand::tr("TAG"));
    const QCommandLineOption instanceOption(QStringLiteral("instance"),
                                            HarvestCommand::tr("The instance, e.g. https://mastodon.social."),
                                            HarvestCommand::tr("URL"));
    const QCommandLineOption pathOption(
        QStringLiteral("path"), HarvestCommand::tr("A folder or file for --source local (repeatable)."),
        HarvestCommand::tr("PATH"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         HarvestCommand::tr("Classified images per tag (default 200)."),
                                         HarvestCommand::tr("N"), QStringLiteral("200"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
                                           HarvestCommand::tr("The project file (.taglens)."),
                                           HarvestCommand::tr("FILE"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         HarvestCommand::tr("Model file (default: the installed one)."),
                                         HarvestCommand::tr("PATH"));
    const QCommandLineOption topOption(QStringLiteral("top"),
                                       HarvestCommand::tr("Labels stored per image (default 5)."),
                                       HarvestCommand::tr("K"), QStringLiteral("5"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token-env"),
        HarvestCommand::tr("Read an access token from this environment variable."),
        HarvestCommand::tr("VAR"));
    const QCommandLineOption edgeOption(
        QStringLiteral("edge"),
        HarvestCommand::tr("Instagram: recent (the last 24 hours, default) or top media."),
        HarvestCommand::tr("EDGE"), QStringLiteral("recent"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           HarvestCommand::tr("Model threads (default: one per core)."),
                                           HarvestCommand::tr("N"), QStringLiteral("0"));
    parser.addOptions({sourceOption, tagOption, instanceOption, pathOption, limitOption, projectOption,
                       modelOption, topOption, tokenOption, threadsOption, edgeOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }

    const auto kind = engine::sourceKindFromName(parser.value(sourceOption));
    if (!kind || *kind == engine::SourceKind::Urls)
        return cli.usage(HarvestCommand::tr("--source must be mastodon, pixelfed, instagram or local."));
    if (!parser.isSet(projectOption))
        return cli.usage(HarvestCommand::tr("--project is required."));
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok)
        return cli.usage(HarvestCommand::tr("--limit must be a positive number."));
    const int top = parser.value(topOption).toInt(&ok);
    if (!ok || top < 1 || top > 1000)
        return cli.usage(HarvestCommand::tr("--top must be a number from 1 to 1000."));
    const int threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || threads < 0 || threads > 256)
        return cli.usage(HarvestCommand::tr("--threads must be a number from 0 to 256."));
    if (engine::isFediverse(*kind) && !parser.isSet(instanceOption))
        return cli.usage(
            HarvestCommand::tr("--instance is required for %1.").arg(engine::sourceKindName(*kind)));
    if (*kind == engine::SourceKind::Local && !parser.isSet(pathOption))
        return cli.usage(HarvestCommand::tr("--source local needs --path."));

    engine::HarvestInput input;
    input.source = *kind;
    input.tags = parser.values(tagOption);
    input.instance = parser.value(instanceOption);
    input.paths = parser.values(pathOption);
    input.limitPerTag = limit;
    input.instagramEdge = parser.value(edgeOption);
    if (*kind == engine::SourceKind::Instagram) {
        const auto graphBase =
            engine::FacebookLogin::loopbackOverride(qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), QUrl());
        if (!graphBase)
            return cli.usage(graphBase.error().message);
        input.graphApiBase = *graphBase;
    }
    if (parser.isSet(tokenOption)) {
        input.accessToken = qEnvironmentVariable(parser.value(tokenOption).toLocal8Bit().constData());
        if (input.accessToken.isEmpty())
            return cli.usage(
                HarvestCommand::tr("The environment variable %1 is empty.").arg(parser.value(tokenOption)));
    }
    auto planned = engine::HarvestPlanner::plan(input);
    if (!planned)
        return planned.error().code == engine::ErrorCode::InvalidArgument ? cli.usage(planned.error().message)
                                                                          : cli.fail(planned.error().message);
    // The login stored by `taglens-cli auth login` (the keychain holds the token).
    engine::TokenStore tokens;
    auto completed = engine::CredentialLookup::complete(std::move(*planned), &tokens);
    if (!completed)
        return cli.fail(completed.error().message);
    for (const QString &warning : std::as_const(completed->warnings))
        cli.err() << HarvestCommand::tr("Warning: %1").arg(warning) << Qt::endl;
    const engine::HarvestPlan &plan = completed->plan;
    const engine::InstagramAccount &instagramAccount = completed->instagram;

    std::unique_ptr<engine::InstagramBudget> budget;
    if (*kind == engine::SourceKind::Instagram) {
        // Meta's budget: 30 unique hashtags per account in a rolling 7 days.
        auto opened = engine::InstagramBudget::open();
        if (!opened)
            return cli.fail(opened.error().message);
        budget = std::move(*opened);
        const auto standing = budget->standing(instagramAccount.userId);
        if (!standing)
            return cli.fail(standing.error().message);
        cli.err()
            << HarvestCommand::tr(
                   "Instagram hashtag budget of %1: %2 of %3 unique hashtags left in the rolling 7 days.")
                   .arg(instagramAccount.username.isEmpty() ? instagramAccount.userId
                                                            : QLatin1Char('@') + instagramAccount.username)
                   .arg(standing->remaining)
                   .arg(standing->budget)
            << Qt::endl;
        if (auto admitted = budget->admit(instagramAccount.userId, plan.request.tags); !admitted)
            return cli.fail(admitted.error().message);
        QObject::connect(budget.get(), &engine::InstagramBudget::recordFailed, budget.get(),
                         [&cli](const engine::Error &error) { cli.err() << error.message << Qt::endl; });
        if (const auto *instagram = plan.spec.as<engine::InstagramSpec>();
            instagram && instagram->edge != QLatin1String("top"))
            cli.err() << HarvestCommand::tr("Instagram's recent media cover the last 24 hours only; harvest "
                                            "again to follow a tag.")
                      << Qt::endl;
    }

    engine::HarvestSession session(
        [&cli, threads](const QString &path) { return cli.loadClassifier(path, threads); });
    session.setModel({parser.value(modelOption), threads});
    session.setBudget(budget.get());
    engine::HarvestPlan run = plan;
    run.request.topK = top;
    run.request.parameters.insert(QStringLiteral("command"), QJsonArray::fromStringList(arguments.mid(1)));

    TerminalProgress bar(cli.err());
    QEventLoop loop;
    engine::HarvestOutcome outcome;
    QObject::connect(&session, &engine::HarvestSession::started, &loop,
                     [&](const engine::HarvestRequest &, const engine::ModelInfo &model) {
                         if (!model.trained)
                             cli.err()
                                 << HarvestCommand::tr(
                                        "Warning: %1 is an untrained test model; its labels are meaningless.")
                                        .arg(model.name)
                                 << Qt::endl;
                     });
    std::optional<engine::RetryNotice> lastRetry;
    QObject::connect(&session, &engine::HarvestSession::progress, &loop,
                     [&](const engine::HarvestProgress &p) {
                         // A wait to retry is a line of its own (the bar may print only now and then).
                         if (p.retry) {
                             if (p.retry != lastRetry) {
                                 bar.done();
                                 cli.err() << engine::ProgressText::retrying(*p.retry) << Qt::endl;
                             }
                         } else {
                             bar.update(double(p.ok) / qMax(1, p.limit), engine::ProgressText::describe(p));
                         }
                         lastRetry = p.retry;
                     });
    QObject::connect(&session, &engine::HarvestSession::notice, &loop, [&](const QString &message) {
        bar.done();
        cli.err() << message << Qt::endl;
    });
    QObject::connect(&session, &engine::HarvestSession::tagFinished, &loop, [&] { bar.done(); });
    QObject::connect(&session, &engine::HarvestSession::finished, &loop,
                     [&](const engine::HarvestOutcome &ended) { outcome = ended; });
    QObject::connect(&session, &engine::HarvestSession::idle, &loop, &QEventLoop::quit);
    s_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (s_interrupted.exchange(false)) {
            bar.done();
            cli.err() << HarvestCommand::tr(
                             "Stopping; what is done is kept, running the same command again resumes.")
                      << Qt::endl;
            session.stop();
        }
    });
    interruptPoll.start(100);
    if (auto started = session.start(parser.value(projectOption), run); !started)
        return cli.fail(started.error().message);
    loop.exec();
    bar.done();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    for (const auto &s : std::as_const(outcome.summaries)) {
        cli.out() << HarvestCommand::tr("#%1: %2 images ok, %3 skipped, %4 failed, %5 posts")
                         .arg(s.tag)
                         .arg(s.ok)
                         .arg(s.skipped)
                         .arg(s.failed)
                         .arg(s.postsSeen);
        if (s.sourceFailed) {
            cli.out() << " — " << s.error.message;
        } else if (const QString note = engine::ProgressText::tagNote(s, outcome.source); !note.isEmpty()) {
            cli.out() << " — " << note;
        }
        cli.out() << Qt::endl;
    }
    if (budget) {
        if (const auto standing = budget->standing(instagramAccount.userId))
            cli.err() << HarvestCommand::tr("Instagram hashtag budget: %1 of %2 left.")
                             .arg(standing->remaining)
                             .arg(standing->budget)
                      << Qt::endl;
    }
    if (outcome.end == engine::HarvestEnd::Failed)
        return cli.fail(outcome.error.message);
    if (outcome.end == engine::HarvestEnd::Cancelled)
        return cli.fail(HarvestCommand::tr("Harvest interrupted; run the same command again to resume."));
    if (outcome.anySourceFailed())
        return cli.fail(HarvestCommand::tr("Some tags could not be harvested (see above)."));
    return ExitOk;
}

} // namespace taglens::app
