// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresstext.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringList>
#include <cmath>

Q_LOGGING_CATEGORY(lcProgressText, "taglens.engine.workflow.progresstext")

namespace taglens::engine {

namespace {

QString reasonText(const RetryNotice &notice)
{
    switch (notice.reason) {
    case RetryNotice::Reason::ConnectionRefused:
        return ProgressText::tr("The connection was refused.");
    case RetryNotice::Reason::ConnectionLost:
        return ProgressText::tr("The connection was lost.");
    case RetryNotice::Reason::TimedOut:
        return ProgressText::tr("No data arrived in time.");
    case RetryNotice::Reason::ServerError:
        return ProgressText::tr("The server answered HTTP %1.").arg(notice.httpStatus);
    case RetryNotice::Reason::RateLimited:
        return ProgressText::tr("The server asks to wait.");
    case RetryNotice::Reason::NetworkError:
        break;
    }
    return ProgressText::tr("A network problem.");
}

/// "#cats" for a hashtag; a local collection or a list of addresses goes by its name.
QString tagName(const QString &tag, SourceKind source)
{
    const bool hashtag = isFediverse(source) || source == SourceKind::Instagram;
    return hashtag ? QLatin1Char('#') + tag : tag;
}

} // namespace

QString ProgressText::describe(const HarvestProgress &p)
{
    if (p.retry)
        return tr("#%1 (%2 of %3): %4")
            .arg(p.tag)
            .arg(p.tagIndex + 1)
            .arg(p.tagCount)
            .arg(retrying(*p.retry));
    return tr("#%1 (%2 of %3): %4 classified, %5 skipped, %6 failed, %7 posts · "
              "%8 images/s · ETA %9")
        .arg(p.tag)
        .arg(p.tagIndex + 1)
        .arg(p.tagCount)
        .arg(p.ok)
        .arg(p.skipped)
        .arg(p.failed)
        .arg(p.postsSeen)
        .arg(p.imagesPerSecond, 0, 'f', 1)
        .arg(duration(p.etaSeconds));
}

QString ProgressText::retrying(const RetryNotice &notice)
{
    // Whole seconds, rounded up: "in 0 s" would read as "now" while it still waits.
    const qint64 seconds = qMax<qint64>(1, qint64(std::ceil(double(notice.delayMs) / 1000.0)));
    const QString wait = seconds < 60 ? tr("%1 s").arg(seconds) : duration(double(seconds));
    return tr("%1 Retrying (%2 of %3) in %4…")
        .arg(reasonText(notice))
        .arg(notice.attempt)
        .arg(notice.attempts)
        .arg(wait);
}

QString ProgressText::duration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e9) // negative, NaN or absurd: not known
        return QStringLiteral("–");
    const qint64 s = qint64(seconds);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString ProgressText::tagNote(const TagSummary &summary, SourceKind source)
{
    const QString name = tagName(summary.tag, source);
    if (summary.hasNoPosts()) {
        switch (source) {
        case SourceKind::Mastodon:
        case SourceKind::Pixelfed:
            return tr("%1 has no posts on this instance.").arg(name);
        case SourceKind::Instagram:
            return tr("%1 has no posts on Instagram.").arg(name);
        case SourceKind::Local:
        case SourceKind::Urls:
            break;
        }
        return tr("%1 has nothing to harvest.").arg(name);
    }
    if (summary.hasNoImages())
        return tr("%1 has %n post(s), none with a still image.", nullptr, summary.postsSeen).arg(name);
    return QString();
}

HarvestEndText ProgressText::describeEnd(const HarvestOutcome &outcome)
{
    HarvestEndText text;
    text.verdict = outcome.verdict();
    QStringList notes;
    bool allUnreachable = true;
    for (const TagSummary &s : outcome.summaries) {
        if (s.sourceFailed) {
            text.problems << tr("%1: %2").arg(tagName(s.tag, outcome.source), s.error.message);
            allUnreachable = allUnreachable && s.error.code == ErrorCode::Network;
        } else if (const QString note = tagNote(s, outcome.source); !note.isEmpty()) {
            notes << note;
        }
    }
    const int images = outcome.ok();
    switch (text.verdict) {
    case HarvestVerdict::Finished:
        text.status = tr("Harvest finished: %n image(s) classified.", nullptr, images);
        break;
    case HarvestVerdict::SomeTagsFailed:
        text.status = tr("Harvest incomplete: %n image(s) classified; %1 of %2 tags could not be harvested.",
                         nullptr, images)
                          .arg(outcome.sourceFailures())
                          .arg(outcome.summaries.size());
        break;
    case HarvestVerdict::NoTagHarvested:
        text.status = allUnreachable ? tr("Harvest failed: the source could not be reached.")
                                     : tr("Harvest failed: no tag could be harvested.");
        break;
    case HarvestVerdict::Cancelled:
        text.status = tr("Harvest stopped; starting it again resumes.");
        break;
    case HarvestVerdict::Failed: {
        const bool modelFailed =
            outcome.error.code == ErrorCode::ModelMissing || outcome.error.code == ErrorCode::ModelInvalid;
        text.problems.prepend(modelFailed
                                  ? tr("The model could not be loaded: %1").arg(outcome.error.message)
                                  : tr("The project could not be written: %1").arg(outcome.error.message));
        text.status = tr("Harvest failed.");
        break;
    }
    }
    if (!notes.isEmpty() && text.verdict != HarvestVerdict::Failed)
        text.status += QLatin1Char(' ') + notes.join(QLatin1Char(' '));
    qCDebug(lcProgressText) << "end of harvest:" << int(text.verdict) << text.status;
    return text;
}

} // namespace taglens::engine
