// SPDX-License-Identifier: GPL-3.0-or-later
#include "postsourcefactory.h"

#include "instagramhashtagsource.h"
#include "localfoldersource.h"
#include "mastodontagtimeline.h"
#include "urllistsource.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace taglens::engine {

bool SourceSpec::isLocal() const
{
    return kind == SourceKind::Local;
}

QString SourceSpec::recordedInstance() const
{
    if (isLocal())
        return paths.isEmpty() ? QString() : QFileInfo(paths.first()).absoluteFilePath();
    if (kind == SourceKind::Instagram)
        return instagramInstance();
    if (kind == SourceKind::Urls) // the first address's origin
        return urls.isEmpty() ? QString()
                              : urls.first()
                                    .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                                              QUrl::RemoveFragment)
                                    .toString();
    return instance.toString();
}

Expected<std::unique_ptr<PostSource>> makePostSource(const SourceSpec &spec, const QString &tag,
                                                     HttpClient *client)
{
    if (spec.isLocal()) {
        if (spec.paths.isEmpty())
            return Error::make(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("PostSourceFactory", "No folder or file was given."));
        if (spec.paths.size() == 1 && QFileInfo(spec.paths.first()).isDir())
            return std::unique_ptr<PostSource>(new LocalFolderSource(spec.paths.first()));
        return std::unique_ptr<PostSource>(new LocalFolderSource(spec.paths));
    }
    if (spec.kind == SourceKind::Urls) {
        if (spec.urls.isEmpty())
            return Error::make(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("PostSourceFactory", "No image address was given."));
        return std::unique_ptr<PostSource>(new UrlListSource(spec.urls));
    }
    if (isFediverse(spec.kind)) {
        auto timeline = std::make_unique<MastodonTagTimeline>(client, spec.instance, tag);
        timeline->setSourceName(sourceKindName(spec.kind));
        if (!spec.accessToken.isEmpty())
            timeline->setAccessToken(spec.accessToken);
        return std::unique_ptr<PostSource>(std::move(timeline));
    }
    if (spec.kind == SourceKind::Instagram) {
        const auto edge = InstagramHashtagSource::edgeFromName(spec.instagramEdge);
        if (!edge)
            return edge.error();
        auto source =
            std::make_unique<InstagramHashtagSource>(client, spec.instagramUserId, tag, spec.accessToken);
        if (!spec.graphApiBase.isEmpty())
            source->setGraphBase(spec.graphApiBase);
        source->setEdge(*edge);
        return std::unique_ptr<PostSource>(std::move(source));
    }
    return Error::make(ErrorCode::Internal,
                       QCoreApplication::translate("PostSourceFactory", "SourceSpec of an unhandled kind %1")
                           .arg(int(spec.kind)));
}

} // namespace taglens::engine
