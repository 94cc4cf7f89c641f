// SPDX-License-Identifier: GPL-3.0-or-later
#include "postsourcefactory.h"

#include "instagramhashtagsource.h"
#include "localfoldersource.h"
#include "mastodontagtimeline.h"
#include "urllistsource.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace taglens::engine {

Expected<std::unique_ptr<PostSource>> makePostSource(const SourceSpec &spec, const QString &tag,
                                                     HttpClient *client)
{
    if (const auto *local = spec.as<LocalSpec>()) {
        if (local->paths.isEmpty())
            return Error::make(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("PostSourceFactory", "No folder or file was given."));
        if (local->paths.size() == 1 && QFileInfo(local->paths.first()).isDir())
            return std::unique_ptr<PostSource>(new LocalFolderSource(local->paths.first()));
        return std::unique_ptr<PostSource>(new LocalFolderSource(local->paths));
    }
    if (const auto *addresses = spec.as<UrlsSpec>()) {
        if (addresses->urls.isEmpty())
            return Error::make(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("PostSourceFactory", "No image address was given."));
        return std::unique_ptr<PostSource>(new UrlListSource(addresses->urls));
    }
    if (const auto *fediverse = spec.as<FediverseSpec>()) {
        auto timeline = std::make_unique<MastodonTagTimeline>(client, fediverse->instance, tag);
        timeline->setSourceName(sourceKindName(spec.kind()));
        if (!fediverse->accessToken.isEmpty())
            timeline->setAccessToken(fediverse->accessToken);
        return std::unique_ptr<PostSource>(std::move(timeline));
    }
    if (const auto *instagram = spec.as<InstagramSpec>()) {
        const auto edge = InstagramHashtagSource::edgeFromName(instagram->edge);
        if (!edge)
            return edge.error();
        auto source =
            std::make_unique<InstagramHashtagSource>(client, instagram->userId, tag, instagram->accessToken);
        if (!instagram->graphApiBase.isEmpty())
            source->setGraphBase(instagram->graphApiBase);
        source->setEdge(*edge);
        return std::unique_ptr<PostSource>(std::move(source));
    }
    return Error::make(ErrorCode::Internal,
                       QCoreApplication::translate("PostSourceFactory", "SourceSpec of an unhandled kind %1")
                           .arg(int(spec.kind())));
}

} // namespace taglens::engine
