// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestcommand.h"

#include "clicontext.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/inference/classifierworker.h"
#include "engine/net/graphapierror.h"
#include "engine/pipeline/harvestpipeline.h"
#include "engine/sources/hashtagledger.h"
#include "engine/sources/instagramhashtagsource.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/sources/postsourcefactory.h"
#include "engine/store/projectstore.h"
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

namespace taglens::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HarvestCommand", text);
}

std::atomic<bool> s_interrupted{false};

extern "C" void onInterrupt(int)
{
    s_interrupted = true; // the event loop notices and cancels cleanly
}

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const int s = int(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int runHarvestCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fetch the images posted under hashtags, classify them and store them in a "
           "project. Running it again resumes."));
    parser.addHelpOption();
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          tr("mastodon, pixelfed, instagram or local."), tr("SOURCE"));
    const QCommandLineOption tagOption(
        QStringLiteral("tag"),
        tr("A hashtag (repeat for several). For local sources: the collection's name."), tr("TAG"));
    const QCommandLineOption instanceOption(QStringLiteral("instance"),
                                            tr("The instance, e.g. https://mastodon.social."), tr("URL"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
                                        tr("A folder or file for --source local (repeatable)."), tr("PATH"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         tr("Classified images per tag (default 200)."), tr("N"),
                                         QStringLiteral("200"));
    const QCommandLineOption projectOption(QStringLiteral("project"), tr("The project file (.taglens)."),
                                           tr("FILE"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         tr("Model file (default: the installed one)."), tr("PATH"));
    const QCommandLineOption topOption(QStringLiteral("top"), tr("Labels stored per image (default 5)."),
                                       tr("K"), QStringLiteral("5"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token-env"), tr("Read an access token from this environment variable."), tr("VAR"));
    const QCommandLineOption edgeOption(QStringLiteral("edge"),
                                        tr("Instagram: recent (the last 24 hours, default) or top media."),
                                        tr("EDGE"), QStringLiteral("recent"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           tr("Model threads (default: one per core)."), tr("N"),
                                           QStringLiteral("0"));
    parser.addOptions({sourceOption, tagOption, instanceOption, pathOption, limitOption, projectOption,
                       modelOption, topOption, tokenOption, threadsOption, edgeOption});
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        cli.out() << parser.helpText();
        return ExitOk;
    }

    const QString source = parser.value(sourceOption);
    const auto kind = engine::sourceKindFromName(source);
    if (!kind || *kind == engine::SourceKind::Urls)
        return cli.usage(tr("--source must be mastodon, pixelfed, instagram or local."));
    const bool instagram = *kind == engine::SourceKind::Instagram;
    if (!parser.isSet(projectOption))
        return cli.usage(tr("--project is required."));
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000000)
        return cli.usage(tr("--limit must be a positive number."));
    const int top = parser.value(topOption).toInt(&ok);
    if (!ok || top < 1 || top > 1000)
        return cli.usage(tr("--top must be a number from 1 to 1000."));
    const int threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || threads < 0 || threads > 256)
        return cli.usage(tr("--threads must be a number from 0 to 256."));

    engine::SourceSpec spec;
    spec.kind = *kind;
    QStringList tags;
    if (spec.isLocal()) {
        spec.paths = parser.values(pathOption);
        if (spec.paths.isEmpty())
            return cli.usage(tr("--source local needs --path."));
        for (const QString &p : std::as_const(spec.paths)) {
            if (!QFileInfo::exists(p))
                return cli.fail(tr("%1 does not exist.").arg(p));
        }
        tags = parser.values(tagOption);
        if (tags.size() > 1)
            return cli.usage(tr("A local harvest is one collection: give at most one --tag."));
        if (tags.isEmpty())
            tags << QFileInfo(spec.paths.first()).absoluteFilePath().section(QLatin1Char('/'), -1);
    } else if (instagram) {
        for (const QString &typed : parser.values(tagOption)) {
            auto tag = engine::InstagramHashtagSource::normalizeTag(typed);
            if (!tag)
                return cli.usage(tag.error().message);
            if (!tags.contains(*tag))
                tags << *tag;
        }
        if (tags.isEmpty())
            return cli.usage(tr("Name at least one --tag."));
        const auto edge = engine::InstagramHashtagSource::edgeFromName(parser.value(edgeOption));
        if (!edge)
            return cli.usage(edge.error().message);
        spec.instagramEdge = engine::InstagramHashtagSource::edgeName(*edge);
        const auto graphBase =
            engine::FacebookLogin::loopbackOverride(qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), QUrl());
        if (!graphBase)
            return cli.usage(graphBase.error().message);
        spec.graphApiBase = *graphBase;
    } else {
        if (!parser.isSet(instanceOption))
            return cli.usage(tr("--instance is required for %1.").arg(source));
        auto normalized = engine::MastodonTagTimeline::normalizeInstance(parser.value(instanceOption));
        if (!normalized)
            return cli.usage(normalized.error().message);
        spec.instance = *normalized;
        for (const QString &typed : parser.values(tagOption)) {
            auto tag = engine::MastodonTagTimeline::normalizeTag(typed);
            if (!tag)
                return cli.usage(tag.error().message);
            if (!tags.contains(*tag, Qt::CaseInsensitive))
                tags << *tag;
        }
        if (tags.isEmpty())
            return cli.usage(tr("Name at least one --tag."));
    }
    if (parser.isSet(tokenOption)) {
        spec.accessToken = qEnvironmentVariable(parser.value(tokenOption).toLocal8Bit().constData());
        if (spec.accessToken.isEmpty())
            return cli.usage(tr("The environment variable %1 is empty.").arg(parser.value(tokenOption)));
    }
    std::unique_ptr<engine::HashtagLedger> ledger;
    engine::InstagramAccount instagramAccount;
    if (instagram) {
        // The login stored by `taglens-cli auth login --source instagram`: which account searches,
        // and (unless --token-env gave one) its token from the keychain.
        engine::TokenStore tokens;
        auto account = engine::FacebookLogin::storedAccount(&tokens);
        if (!account)
            return cli.fail(account.error().message);
        instagramAccount = *account;
        spec.instagramUserId = account->userId;
        if (spec.accessToken.isEmpty()) {
            if (account->isExpired(QDateTime::currentDateTimeUtc()))
                return cli.fail(engine::GraphApiError::expiredLoginMessage());
            auto token = engine::FacebookLogin::storedToken(&tokens, *account);
            if (!token)
                return cli.fail(token.error().message);
            spec.accessToken = *token;
        }
        // Meta's budget: 30 unique hashtags per account in a rolling 7 days.
        auto opened = engine::HashtagLedger::open();
        if (!opened)
            return cli.fail(opened.error().message);
        ledger = std::move(*opened);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto left = ledger->remaining(account->userId, now);
        if (!left)
            return cli.fail(left.error().message);
        cli.err()
            << tr("Instagram hashtag budget of %1: %2 of %3 unique hashtags left in the rolling 7 days.")
                   .arg(account->username.isEmpty() ? account->userId : QLatin1Char('@') + account->username)
                   .arg(*left)
                   .arg(engine::HashtagLedger::Budget)
            << Qt::endl;
        if (auto admitted = ledger->wouldAdmit(account->userId, tags, now); !admitted)
            return cli.fail(admitted.error().message);
        if (spec.instagramEdge != QLatin1String("top"))
            cli.err()
                << tr("Instagram's recent media cover the last 24 hours only; harvest again to follow a tag.")
                << Qt::endl;
    } else if (!spec.isLocal() && !parser.isSet(tokenOption)) {
        // A login stored by `taglens-cli auth login` for this instance (the keychain holds the token).
        engine::TokenStore tokens;
        if (auto stored = tokens.tokenFor(source, spec.instance))
            spec.accessToken = *stored;
        else
            cli.err() << tr("Warning: the stored login for %1 cannot be read: %2")
                             .arg(spec.instance.toString(), stored.error().message)
                      << Qt::endl;
    }

    auto classifier = cli.loadClassifier(parser.value(modelOption), threads);
    if (!classifier)
        return cli.fail(classifier.error().message);
    auto store = engine::ProjectStore::open(parser.value(projectOption));
    if (!store)
        return cli.fail(store.error().message);
    engine::ClassifierWorker worker(std::move(*classifier));
    worker.setTopK(top);
    if (!worker.modelInfo().trained)
        cli.err() << tr("Warning: %1 is an untrained test model; its labels are meaningless.")
                         .arg(worker.modelInfo().name)
                  << Qt::endl;

    auto factory = [&spec, &ledger, &instagramAccount, &cli](const QString &tag, engine::HttpClient *client) {
        auto made = engine::makePostSource(spec, tag, client);
        if (made && ledger) {
            if (auto *search = qobject_cast<engine::InstagramHashtagSource *>(made->get())) {
                // The search is what Meta counts: note each tag when it is made.
                QObject::connect(
                    search, &engine::InstagramHashtagSource::hashtagSearched, search,
                    [&ledger, &instagramAccount, &cli](const QString &searched, const QString &) {
                        auto recorded = ledger->record(instagramAccount.userId, searched,
                                                       QDateTime::currentDateTimeUtc());
                        if (!recorded)
                            cli.err() << recorded.error().message << Qt::endl;
                    });
            }
        }
        return made;
    };
    engine::HarvestPipeline pipeline(store->get(), &worker, factory);

    engine::HarvestRequest request;
    request.source = *kind;
    request.instance = spec.recordedInstance();
    request.tags = tags;
    request.limitPerTag = limit;
    request.topK = top;
    request.parameters.insert(QStringLiteral("command"), QJsonArray::fromStringList(arguments.mid(1)));

    TerminalProgress bar(cli.err());
    QEventLoop loop;
    engine::HarvestOutcome outcome;
    QObject::connect(
        &pipeline, &engine::HarvestPipeline::progress, &loop, [&](const engine::HarvestProgress &p) {
            bar.update(double(p.ok) / qMax(1, p.limit),
                       tr("#%1 (%2/%3): %4 ok, %5 skipped, %6 failed, %7 posts, %8 img/s, ETA %9")
                           .arg(p.tag)
                           .arg(p.tagIndex + 1)
                           .arg(p.tagCount)
                           .arg(p.ok)
                           .arg(p.skipped)
                           .arg(p.failed)
                           .arg(p.postsSeen)
                           .arg(p.imagesPerSecond, 0, 'f', 1)
                           .arg(duration(p.etaSeconds)));
        });
    QObject::connect(&pipeline, &engine::HarvestPipeline::notice, &loop, [&](const QString &message) {
        bar.done();
        cli.err() << message << Qt::endl;
    });
    QObject::connect(&pipeline, &engine::HarvestPipeline::tagFinished, &loop,
                     [&](const engine::TagSummary &) { bar.done(); });
    QObject::connect(&pipeline, &engine::HarvestPipeline::finished, &loop,
                     [&](const engine::HarvestOutcome &ended) {
                         outcome = ended;
                         loop.quit();
                     });
    s_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [&] {
        if (s_interrupted.exchange(false)) {
            bar.done();
            cli.err() << tr("Stopping; what is done is kept, running the same command again resumes.")
                      << Qt::endl;
            pipeline.cancel();
        }
    });
    interruptPoll.start(100);
    pipeline.start(request);
    loop.exec();
    bar.done();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    for (const auto &s : std::as_const(outcome.summaries)) {
        cli.out() << tr("#%1: %2 images ok, %3 skipped, %4 failed, %5 posts")
                         .arg(s.tag)
                         .arg(s.ok)
                         .arg(s.skipped)
                         .arg(s.failed)
                         .arg(s.postsSeen);
        if (s.sourceFailed) {
            cli.out() << " — " << s.error.message;
        }
        cli.out() << Qt::endl;
    }
    if (ledger) {
        if (const auto left = ledger->remaining(instagramAccount.userId, QDateTime::currentDateTimeUtc()))
            cli.err() << tr("Instagram hashtag budget: %1 of %2 left.")
                             .arg(*left)
                             .arg(engine::HashtagLedger::Budget)
                      << Qt::endl;
    }
    if (outcome.end == engine::HarvestEnd::Failed)
        return cli.fail(outcome.error.message);
    if (outcome.end == engine::HarvestEnd::Cancelled)
        return cli.fail(tr("Harvest interrupted; run the same command again to resume."));
    if (outcome.anySourceFailed())
        return cli.fail(tr("Some tags could not be harvested (see above)."));
    return ExitOk;
}

} // namespace taglens::app
