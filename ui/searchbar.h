// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/core/sourcekind.h"
#include "engine/store/harvestrecord.h"
#include "engine/workflow/harvestinput.h"

#include <QUrl>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace taglens::ui {

class HashtagChipsEdit;

/// What to harvest, typed: the hashtags (or a collection's name), the source, its instance (or
/// folder), Instagram's edge and budget, the images per tag, and Start / Stop. It turns what is
/// typed into a HarvestInput; the planner decides whether that can run.
class SearchBar : public QWidget
{
    Q_OBJECT

public:
    /// Asks for a folder, starting at \a start; empty when cancelled. Tests replace the dialog.
    using FolderChooser = std::function<QString(const QString &start)>;

    explicit SearchBar(QWidget *parent = nullptr);
    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }

    engine::SourceKind source() const;
    void setSource(engine::SourceKind kind);
    /// What is typed, as a harvest's input (text still typed counts as if Enter had been
    /// pressed). Errors: InvalidArgument with the tag that cannot be a hashtag.
    engine::Expected<engine::HarvestInput> input();
    /// Shows a search again (the newest of an opened project), so that Start resumes it.
    void showSearch(const engine::HarvestRecord &search);

    /// While \a busy, the fields and Start wait; Stop works while \a running.
    void setBusy(bool busy, bool running);
    /// Instagram's budget, as a link ("Log in…") or a count, with its explanation.
    void setBudget(const QString &richText, const QString &toolTip);
    QString budgetText() const;
    /// Start's tooltip (why a harvest would not classify).
    void setStartToolTip(const QString &text);
    /// Where the Graph API is; passed on in every Instagram input.
    void setGraphApiBase(const QUrl &base) { m_graphApiBase = base; }

    HashtagChipsEdit *tagsEdit() const { return m_tagsEdit; }
    QComboBox *sourceCombo() const { return m_sourceCombo; }
    QComboBox *edgeCombo() const { return m_edgeCombo; }
    QLineEdit *instanceEdit() const { return m_instanceEdit; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *browseButton() const { return m_browseButton; }
    QLabel *tagsLabel() const { return m_tagsLabel; }
    QSpinBox *limitSpin() const { return m_limitSpin; }

Q_SIGNALS:
    void startRequested();
    void stopRequested();
    void sourceChanged(taglens::engine::SourceKind kind);
    /// The budget's "Log in…" link.
    void loginRequested();
    /// A typed tag was refused (the message says why).
    void tagRejected(const QString &message);

private:
    void onSourceChanged();
    void browse();

    HashtagChipsEdit *m_tagsEdit;
    QComboBox *m_sourceCombo;
    QLineEdit *m_instanceEdit;
    QComboBox *m_edgeCombo;
    QLabel *m_budgetLabel;
    QSpinBox *m_limitSpin;
    QPushButton *m_startButton;
    QPushButton *m_stopButton;
    QPushButton *m_browseButton;
    QLabel *m_tagsLabel;
    QUrl m_graphApiBase;
    FolderChooser m_chooseFolder;
    QString m_lastInstance; ///< what the field held for Mastodon or Pixelfed, while it shows a folder
    QString m_lastFolder;   ///< and the folder, while it shows an instance
};

} // namespace taglens::ui
