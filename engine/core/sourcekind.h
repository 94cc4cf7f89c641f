// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace taglens::engine {

/// Where a harvest's posts come from. Every layer speaks of sources by this value; the names
/// below are what projects record and what the command line takes.
enum class SourceKind
{
    Mastodon,  ///< a Mastodon instance's hashtag timeline
    Pixelfed,  ///< a Pixelfed instance (the same Mastodon API)
    Instagram, ///< the Instagram Graph API hashtag search (needs a login)
    Local,     ///< folders and files on this computer
    Urls,      ///< image addresses, dropped or pasted
};

/// "mastodon", "pixelfed", "instagram", "local" or "url": as written in projects and typed.
QString sourceKindName(SourceKind kind);
/// The kind of a name as sourceKindName() writes it (exact, lower case). Errors: InvalidArgument.
Expected<SourceKind> sourceKindFromName(QStringView name);
/// Every kind, in the order the user is offered them.
QList<SourceKind> allSourceKinds();
/// Mastodon and Pixelfed: an instance's hashtag timeline, merged by ActivityPub URI.
bool isFediverse(SourceKind kind);
/// What a project records as the "instance" of every Instagram harvest.
QString instagramInstance();

} // namespace taglens::engine
