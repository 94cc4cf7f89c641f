// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/sourcekind.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <variant>

namespace taglens::engine {

/// A Mastodon or Pixelfed tag timeline on one instance.
struct FediverseSpec
{
    QUrl instance;       ///< the normalised instance URL
    QString accessToken; ///< empty for anonymous access
    bool operator==(const FediverseSpec &) const = default;
};

/// Local folders and image files.
struct LocalSpec
{
    QStringList paths; ///< absolute
    bool operator==(const LocalSpec &) const = default;
};

/// Image addresses (http/https), fetched one by one.
struct UrlsSpec
{
    QList<QUrl> urls;
    bool operator==(const UrlsSpec &) const = default;
};

/// The Instagram Graph API's hashtag search, by one professional account.
struct InstagramSpec
{
    QString userId;      ///< the Instagram professional account searching (from the login)
    QString accessToken; ///< the login's token
    QUrl graphApiBase;   ///< empty: https://graph.facebook.com/v21.0 (tests: 127.0.0.1)
    QString edge = QStringLiteral("recent"); ///< "recent" (the last 24 hours) or "top"
    bool operator==(const InstagramSpec &) const = default;
};

/// Which kind of source a harvest reads, and what that kind needs to open one per tag — and
/// nothing another kind needs. The planner fills it in; makePostSource() turns it into a
/// PostSource.
class SourceSpec
{
public:
    using Details = std::variant<FediverseSpec, LocalSpec, UrlsSpec, InstagramSpec>;

    /// A Mastodon timeline with no instance yet.
    SourceSpec() = default;
    /// \a kind with empty details of its kind.
    explicit SourceSpec(SourceKind kind);
    /// \a kind is Mastodon or Pixelfed.
    static SourceSpec fediverse(SourceKind kind, FediverseSpec details);
    static SourceSpec local(LocalSpec details);
    static SourceSpec urls(UrlsSpec details);
    static SourceSpec instagram(InstagramSpec details);

    SourceKind kind() const { return m_kind; }
    bool isLocal() const { return m_kind == SourceKind::Local; }
    /// The details when they are of kind T, else null.
    template <typename T> const T *as() const { return std::get_if<T>(&m_details); }
    template <typename T> T *as() { return std::get_if<T>(&m_details); }

    /// The login's token of a Mastodon, Pixelfed or Instagram source; empty for the others.
    QString accessToken() const;
    /// Sets the token of a kind that logs in; the others have none and ignore it.
    void setAccessToken(const QString &token);

    /// The source's "instance" as recorded in the project: the URL, the first local path, the
    /// first address's origin, or https://www.instagram.com.
    QString recordedInstance() const;

    bool operator==(const SourceSpec &) const = default;

private:
    SourceSpec(SourceKind kind, Details details) : m_kind(kind), m_details(std::move(details)) {}

    SourceKind m_kind = SourceKind::Mastodon;
    Details m_details;
};

} // namespace taglens::engine
