// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcekind.h"

#include <QCoreApplication>
#include <QStringList>

namespace taglens::engine {

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Mastodon:
        return QStringLiteral("mastodon");
    case SourceKind::Pixelfed:
        return QStringLiteral("pixelfed");
    case SourceKind::Instagram:
        return QStringLiteral("instagram");
    case SourceKind::Local:
        return QStringLiteral("local");
    case SourceKind::Urls:
        return QStringLiteral("url");
    }
    return QString();
}

QList<SourceKind> allSourceKinds()
{
    return {SourceKind::Mastodon, SourceKind::Pixelfed, SourceKind::Instagram, SourceKind::Local,
            SourceKind::Urls};
}

Expected<SourceKind> sourceKindFromName(QStringView name)
{
    QStringList names;
    for (SourceKind kind : allSourceKinds()) {
        if (name == sourceKindName(kind))
            return kind;
        names << sourceKindName(kind);
    }
    return Error::make(ErrorCode::InvalidArgument,
                       QCoreApplication::translate("SourceKind", "Unknown source \"%1\"; TagLens knows %2.")
                           .arg(name.toString(), names.join(QStringLiteral(", "))));
}

bool isFediverse(SourceKind kind)
{
    return kind == SourceKind::Mastodon || kind == SourceKind::Pixelfed;
}

QString instagramInstance()
{
    return QStringLiteral("https://www.instagram.com");
}

} // namespace taglens::engine
