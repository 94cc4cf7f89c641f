// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcespec.h"

#include <QFileInfo>

namespace taglens::engine {

namespace {

SourceSpec::Details emptyDetails(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Mastodon:
    case SourceKind::Pixelfed:
        return FediverseSpec{};
    case SourceKind::Local:
        return LocalSpec{};
    case SourceKind::Urls:
        return UrlsSpec{};
    case SourceKind::Instagram:
        return InstagramSpec{};
    }
    return FediverseSpec{};
}

} // namespace

SourceSpec::SourceSpec(SourceKind kind) : m_kind(kind), m_details(emptyDetails(kind))
{
}

SourceSpec SourceSpec::fediverse(SourceKind kind, FediverseSpec details)
{
    Q_ASSERT(isFediverse(kind));
    return {kind, std::move(details)};
}

SourceSpec SourceSpec::local(LocalSpec details)
{
    return {SourceKind::Local, std::move(details)};
}

SourceSpec SourceSpec::urls(UrlsSpec details)
{
    return {SourceKind::Urls, std::move(details)};
}

SourceSpec SourceSpec::instagram(InstagramSpec details)
{
    return {SourceKind::Instagram, std::move(details)};
}

QString SourceSpec::accessToken() const
{
    if (const auto *fediverse = as<FediverseSpec>())
        return fediverse->accessToken;
    if (const auto *instagram = as<InstagramSpec>())
        return instagram->accessToken;
    return {};
}

void SourceSpec::setAccessToken(const QString &token)
{
    if (auto *fediverse = as<FediverseSpec>())
        fediverse->accessToken = token;
    else if (auto *instagram = as<InstagramSpec>())
        instagram->accessToken = token;
}

QString SourceSpec::recordedInstance() const
{
    if (const auto *local = as<LocalSpec>())
        return local->paths.isEmpty() ? QString() : QFileInfo(local->paths.first()).absoluteFilePath();
    if (as<InstagramSpec>())
        return instagramInstance();
    if (const auto *addresses = as<UrlsSpec>()) // the first address's origin
        return addresses->urls.isEmpty() ? QString()
                                         : addresses->urls.first()
                                               .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                                         QUrl::RemoveQuery | QUrl::RemoveFragment)
                                               .toString();
    return as<FediverseSpec>()->instance.toString();
}

} // namespace taglens::engine
