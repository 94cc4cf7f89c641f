// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-standin: the Mastodon stand-in as a program of its own, for what runs TagLens in
// another process: the benchmark, screenshots and the kill -9 resume test.
#include "support/mastodonstandin.h"
#include "support/mastodonstandinscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <cstdio>

using taglens::tests::MastodonStandIn;
using taglens::tests::MastodonStandInScenario;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "taglens-standin: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // QImage encodes photos without a GUI connection, so a plain core application is enough.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taglens-standin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A stand-in Mastodon instance on 127.0.0.1 with real photos and hostile media. Prints "
        "\"listening on http://127.0.0.1:PORT\" once it serves, then serves until killed.\n"
        "Introspection: GET /_standin/expected (every media item and the status a harvest should "
        "give it), /_standin/fetches (downloads per file), /_standin/requests."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Scenario JSON file."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption tagsOption(
        QStringLiteral("tags"),
        QStringLiteral("Photo statuses per tag instead of a scenario, e.g. cats:150,dogs:150."),
        QStringLiteral("LIST"));
    const QCommandLineOption cacheOption(QStringLiteral("photo-cache"),
                                         QStringLiteral("Keep encoded photos in DIR for later runs."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption noWarmOption(
        QStringLiteral("no-warm"),
        QStringLiteral("Encode photos when first asked for, not before listening."));
    const QCommandLineOption expectedOption(
        QStringLiteral("expected"),
        QStringLiteral("Write every media item's expected status to FILE (JSON)."), QStringLiteral("FILE"));
    const QCommandLineOption delayOption(QStringLiteral("api-delay-ms"),
                                         QStringLiteral("Delay every timeline response (slow server)."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption tokenOption(
        QStringLiteral("token"), QStringLiteral("Require login: tag timelines need this bearer token."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Log every request (and libpng's notes) on stderr."));
    parser.addOptions({portOption, scenarioOption, tagsOption, cacheOption, noWarmOption, expectedOption,
                       delayOption, tokenOption, verboseOption});
    parser.process(app);
    // stderr is for this program's own lines; the server's per-request debug output and libpng's
    // notes about the sample photos' colour profiles only with --verbose.
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(
            QStringLiteral("taglens.tests.*.debug=false\nqt.gui.imageio.info=false"));

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("--port needs a number from 0 to 65535"));
    if (parser.isSet(scenarioOption) == parser.isSet(tagsOption))
        return fail(QStringLiteral("give either --scenario FILE or --tags LIST"));

    const auto load = [&]() -> taglens::engine::Expected<MastodonStandInScenario> {
        if (!parser.isSet(scenarioOption))
            return MastodonStandInScenario::fromTagList(parser.value(tagsOption));
        QFile file(parser.value(scenarioOption));
        if (!file.open(QIODevice::ReadOnly)) {
            return taglens::engine::Error::make(
                taglens::engine::ErrorCode::Io,
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        }
        return MastodonStandInScenario::fromJson(file.readAll());
    };
    auto scenario = load();
    if (!scenario)
        return fail(scenario.error().message);
    if (parser.isSet(tokenOption)) {
        scenario->requiresLogin = true;
        scenario->tokens.append(parser.value(tokenOption));
    }

    MastodonStandIn standIn(*scenario);
    if (!standIn.listenOn(quint16(port)))
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port));
    if (!standIn.photos().isValid())
        return fail(standIn.photos().errorString());
    if (parser.isSet(cacheOption))
        standIn.setPhotoCacheDir(parser.value(cacheOption));
    standIn.setTimelineDelay(parser.value(delayOption).toInt());

    // Encode before announcing the port: a benchmark must not time the server's JPEG encoder.
    if (!parser.isSet(noWarmOption)) {
        QElapsedTimer timer;
        timer.start();
        standIn.prepareMedia();
        std::fprintf(stderr, "taglens-standin: photos ready in %.1f s\n", double(timer.elapsed()) / 1000.0);
    }
    if (parser.isSet(expectedOption)) {
        QSaveFile file(parser.value(expectedOption));
        const QByteArray json = QJsonDocument(standIn.expectedMediaJson()).toJson(QJsonDocument::Indented);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    for (const QString &tag : standIn.tagNames()) {
        const QJsonArray statuses = standIn.timeline(tag);
        qsizetype media = 0;
        for (const QJsonValue &status : statuses)
            media += status[QLatin1String("media_attachments")].toArray().size();
        std::fprintf(stderr, "taglens-standin: #%s: %lld statuses, %lld media\n", qPrintable(tag),
                     qlonglong(statuses.size()), qlonglong(media));
    }
    std::fprintf(stdout, "listening on %s\n", standIn.baseUrl().toEncoded().constData());
    std::fflush(stdout);
    return app.exec();
}
