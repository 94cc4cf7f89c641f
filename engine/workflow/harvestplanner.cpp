// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestplanner.h"

#include "engine/sources/instagramhashtagsource.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/sources/urllistsource.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcPlanner, "taglens.engine.workflow.planner")

namespace taglens::engine {

namespace {

Error refuse(const QString &message)
{
    return Error::make(ErrorCode::InvalidArgument, message);
}

/// Each typed tag normalised by \a normalize, in order, without repeats (as \a sensitivity compares).
template <typename Normalize>
Expected<QStringList> normalizedTags(const QStringList &typed, Normalize normalize,
                                     Qt::CaseSensitivity sensitivity)
{
    QStringList tags;
    for (const QString &t : typed) {
        auto tag = normalize(t);
        if (!tag)
            return tag.error();
        if (!tags.contains(*tag, sensitivity))
            tags << *tag;
    }
    if (tags.isEmpty())
        return refuse(HarvestPlanner::tr("Name at least one hashtag."));
    return tags;
}

/// Local and address harvests file everything under one name.
Expected<QString> collectionOf(const HarvestInput &input, const QString &fallback)
{
    if (input.tags.size() > 1)
        return refuse(
            HarvestPlanner::tr("Images from folders or addresses go into one collection: name at most one."));
    QString name = input.collection.trimmed();
    if (name.isEmpty() && !input.tags.isEmpty())
        name = input.tags.first().trimmed();
    return name.isEmpty() ? fallback : name;
}

Expected<HarvestPlan> planFediverse(const HarvestInput &input, HarvestPlan plan)
{
    auto instance = MastodonTagTimeline::normalizeInstance(input.instance);
    if (!instance)
        return instance.error();
    auto tags = normalizedTags(input.tags, &MastodonTagTimeline::normalizeTag, Qt::CaseInsensitive);
    if (!tags)
        return tags.error();
    plan.spec.as<FediverseSpec>()->instance = *instance;
    plan.request.tags = *tags;
    return plan;
}

Expected<HarvestPlan> planInstagram(const HarvestInput &input, HarvestPlan plan)
{
    auto tags = normalizedTags(input.tags, &InstagramHashtagSource::normalizeTag, Qt::CaseSensitive);
    if (!tags)
        return tags.error();
    const auto edge = InstagramHashtagSource::edgeFromName(input.instagramEdge);
    if (!edge)
        return edge.error();
    InstagramSpec &spec = *plan.spec.as<InstagramSpec>();
    spec.edge = InstagramHashtagSource::edgeName(*edge);
    spec.graphApiBase = input.graphApiBase;
    plan.request.tags = *tags;
    plan.request.parameters.insert(QStringLiteral("edge"), spec.edge);
    return plan;
}

Expected<HarvestPlan> planLocal(const HarvestInput &input, HarvestPlan plan)
{
    if (input.paths.isEmpty())
        return refuse(HarvestPlanner::tr("Name a folder or an image file."));
    QStringList absolute;
    for (const QString &path : input.paths) {
        const QFileInfo info(path);
        if (path.trimmed().isEmpty() || !info.exists())
            return Error::make(ErrorCode::NotFound, HarvestPlanner::tr("%1 does not exist.").arg(path));
        if (!absolute.contains(info.absoluteFilePath()))
            absolute << info.absoluteFilePath();
    }
    auto collection = collectionOf(input, absolute.first().section(QLatin1Char('/'), -1));
    if (!collection)
        return collection.error();
    plan.spec.as<LocalSpec>()->paths = absolute;
    plan.request.tags = {*collection};
    plan.request.parameters.insert(QStringLiteral("paths"), QJsonArray::fromStringList(absolute));
    return plan;
}

Expected<HarvestPlan> planUrls(const HarvestInput &input, HarvestPlan plan)
{
    QList<QUrl> accepted;
    for (const QUrl &url : input.urls) {
        auto checked = UrlListSource::acceptedUrl(url);
        if (!checked) {
            plan.leftOut << checked.error().message;
            continue;
        }
        if (!accepted.contains(*checked))
            accepted << *checked;
    }
    if (accepted.isEmpty())
        return refuse(input.urls.isEmpty() ? HarvestPlanner::tr("No image address was given.")
                                           : HarvestPlanner::tr("None of the %n address(es) can be fetched.",
                                                                nullptr, int(input.urls.size())));
    auto collection = collectionOf(input, QStringLiteral("dropped"));
    if (!collection)
        return collection.error();
    plan.spec.as<UrlsSpec>()->urls = accepted;
    plan.request.tags = {*collection};
    plan.request.parameters.insert(QStringLiteral("addresses"), int(accepted.size()));
    return plan;
}

} // namespace

Expected<HarvestPlan> HarvestPlanner::plan(const HarvestInput &input)
{
    if (input.limitPerTag < 1 || input.limitPerTag > HarvestInput::Everything)
        return refuse(
            HarvestPlanner::tr("The limit must be a number from 1 to %1.").arg(HarvestInput::Everything));
    HarvestPlan plan;
    plan.spec = SourceSpec(input.source);
    plan.spec.setAccessToken(input.accessToken); // a kind without logins has none
    plan.request.source = input.source;
    plan.request.limitPerTag = input.limitPerTag;

    Expected<HarvestPlan> planned = Error::make(ErrorCode::Internal, QString());
    switch (input.source) {
    case SourceKind::Mastodon:
    case SourceKind::Pixelfed:
        planned = planFediverse(input, std::move(plan));
        break;
    case SourceKind::Instagram:
        planned = planInstagram(input, std::move(plan));
        break;
    case SourceKind::Local:
        planned = planLocal(input, std::move(plan));
        break;
    case SourceKind::Urls:
        planned = planUrls(input, std::move(plan));
        break;
    }
    return std::move(planned).transform([](HarvestPlan p) {
        p.request.instance = p.spec.recordedInstance();
        qCDebug(lcPlanner) << "planned" << sourceKindName(p.request.source) << p.request.tags
                           << p.request.instance;
        return p;
    });
}

QFuture<QList<Expected<HarvestPlan>>> HarvestPlanner::planInBackground(const QList<HarvestInput> &inputs)
{
    return QtConcurrent::run([inputs] {
        QList<Expected<HarvestPlan>> plans;
        plans.reserve(inputs.size());
        for (const HarvestInput &input : inputs)
            plans.append(plan(input));
        return plans;
    });
}

QList<HarvestInput> HarvestPlanner::dropInputs(const QStringList &paths, const QList<QUrl> &urls,
                                               const QString &collection)
{
    QList<HarvestInput> inputs;
    HarvestInput input;
    input.collection = collection;
    input.limitPerTag = HarvestInput::Everything; // everything that was dropped
    if (!paths.isEmpty()) {
        input.source = SourceKind::Local;
        input.paths = paths;
        inputs << input;
        input.paths.clear();
    }
    if (!urls.isEmpty()) {
        input.source = SourceKind::Urls;
        input.urls = urls;
        inputs << input;
    }
    return inputs;
}

} // namespace taglens::engine
