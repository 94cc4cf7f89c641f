// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchbar.h"

#include "ui/hashtagchipsedit.h"
#include "ui/themeicon.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace taglens::ui {

namespace {

const QString DefaultInstance = QStringLiteral("mastodon.social");

} // namespace

SearchBar::SearchBar(QWidget *parent)
    : QWidget(parent), m_tagsEdit(new HashtagChipsEdit(this)), m_sourceCombo(new QComboBox(this)),
      m_instanceEdit(new QLineEdit(DefaultInstance, this)), m_edgeCombo(new QComboBox(this)),
      m_budgetLabel(new QLabel(this)), m_limitSpin(new QSpinBox(this)),
      m_startButton(new QPushButton(themeIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay),
                                    tr("&Start"), this)),
      m_stopButton(new QPushButton(themeIcon(QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop),
                                   tr("S&top"), this)),
      m_browseButton(new QPushButton(themeIcon(QStringLiteral("folder-open"), QStyle::SP_DirOpenIcon),
                                     tr("&Browse…"), this)),
      m_tagsLabel(new QLabel(tr("&Tags:"), this))
{
    m_chooseFolder = [this](const QString &start) {
        return QFileDialog::getExistingDirectory(this, tr("Choose a Folder of Images"), start);
    };
    m_browseButton->setAccessibleName(tr("Choose the folder"));
    m_browseButton->hide();
    m_tagsEdit->setPlaceholderText(tr("Hashtags, e.g. #cats #dogs"));
    m_tagsEdit->setAccessibleName(tr("Hashtags"));
    m_tagsEdit->setToolTip(tr("Type hashtags; Space, comma or Enter adds each. Enter again starts."));
    // The items carry the names projects record.
    using engine::SourceKind;
    m_sourceCombo->addItem(tr("Mastodon"), engine::sourceKindName(SourceKind::Mastodon));
    m_sourceCombo->addItem(tr("Pixelfed"), engine::sourceKindName(SourceKind::Pixelfed));
    m_sourceCombo->addItem(tr("Instagram"), engine::sourceKindName(SourceKind::Instagram));
    m_sourceCombo->addItem(tr("Local folder"), engine::sourceKindName(SourceKind::Local));
    m_sourceCombo->setAccessibleName(tr("Source"));
    m_instanceEdit->setAccessibleName(tr("Instance"));
    m_instanceEdit->setPlaceholderText(tr("Instance, e.g. mastodon.social"));
    m_edgeCombo->addItem(tr("Recent (24 h)"), QStringLiteral("recent"));
    m_edgeCombo->addItem(tr("Top posts"), QStringLiteral("top"));
    m_edgeCombo->setAccessibleName(tr("Instagram media"));
    m_edgeCombo->setToolTip(
        tr("Recent: the public posts of the last 24 hours. Top: the most popular posts."));
    m_edgeCombo->hide();
    m_budgetLabel->setAccessibleName(tr("Instagram hashtag budget"));
    m_budgetLabel->setTextFormat(Qt::RichText);
    m_budgetLabel->hide();
    m_limitSpin->setRange(1, 100000);
    m_limitSpin->setValue(200);
    m_limitSpin->setAccessibleName(tr("Images per tag"));
    m_limitSpin->setSuffix(tr(" per tag"));
    m_startButton->setAccessibleName(tr("Start harvest"));
    m_startButton->setDefault(true);
    m_stopButton->setAccessibleName(tr("Stop harvest"));
    m_stopButton->setToolTip(
        tr("Stops the harvest; what is done is kept, and Start resumes where it stopped."));

    m_tagsLabel->setBuddy(m_tagsEdit);
    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_tagsLabel);
    bar->addWidget(m_tagsEdit, 3);
    bar->addWidget(m_sourceCombo);
    bar->addWidget(m_instanceEdit, 2);
    bar->addWidget(m_browseButton);
    bar->addWidget(m_edgeCombo);
    bar->addWidget(m_budgetLabel);
    bar->addWidget(m_limitSpin);
    bar->addWidget(m_startButton);
    bar->addWidget(m_stopButton);

    connect(m_tagsEdit, &HashtagChipsEdit::returnPressed, this, &SearchBar::startRequested);
    connect(m_tagsEdit, &HashtagChipsEdit::rejected, this, &SearchBar::tagRejected);
    connect(m_startButton, &QPushButton::clicked, this, &SearchBar::startRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &SearchBar::stopRequested);
    connect(m_browseButton, &QPushButton::clicked, this, &SearchBar::browse);
    connect(m_budgetLabel, &QLabel::linkActivated, this, &SearchBar::loginRequested);
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, &SearchBar::onSourceChanged);
}

engine::SourceKind SearchBar::source() const
{
    return engine::sourceKindFromName(m_sourceCombo->currentData().toString())
        .valueOr(engine::SourceKind::Mastodon);
}

void SearchBar::setSource(engine::SourceKind kind)
{
    const int index = m_sourceCombo->findData(engine::sourceKindName(kind));
    if (index >= 0)
        m_sourceCombo->setCurrentIndex(index);
}

engine::Expected<engine::HarvestInput> SearchBar::input()
{
    if (!m_tagsEdit->commitText())
        return engine::Error::make(engine::ErrorCode::InvalidArgument, m_tagsEdit->rejection());
    engine::HarvestInput input;
    input.source = source();
    input.limitPerTag = m_limitSpin->value();
    if (input.source == engine::SourceKind::Local) {
        // The chips split on spaces; a collection's name may have them.
        input.paths = {m_instanceEdit->text().trimmed()};
        input.collection = m_tagsEdit->tags().join(QLatin1Char(' '));
        input.limitPerTag = engine::HarvestInput::Everything;
    } else {
        input.tags = m_tagsEdit->tags();
        input.instance = m_instanceEdit->text();
        input.instagramEdge = m_edgeCombo->currentData().toString();
        input.graphApiBase = m_graphApiBase;
    }
    return input;
}

void SearchBar::showSearch(const engine::HarvestRecord &search)
{
    const auto kind = engine::sourceKindFromName(search.source);
    if (!kind || *kind == engine::SourceKind::Local || *kind == engine::SourceKind::Urls)
        return;
    setSource(*kind);
    if (*kind == engine::SourceKind::Instagram) {
        const QString edge = search.parameters.value(QStringLiteral("edge")).toString();
        m_edgeCombo->setCurrentIndex(qMax(0, m_edgeCombo->findData(edge)));
    } else {
        // An https instance on its usual port is shown by its name, as people type it.
        const QUrl instance(search.instance);
        m_instanceEdit->setText(instance.scheme() == QLatin1String("https") && instance.port() < 0
                                    ? instance.host()
                                    : search.instance);
    }
    m_tagsEdit->setTags(search.tags);
}

void SearchBar::setBusy(bool busy, bool running)
{
    m_startButton->setEnabled(!busy);
    m_stopButton->setEnabled(running);
    m_tagsEdit->setEnabled(!busy);
    m_sourceCombo->setEnabled(!busy);
    m_instanceEdit->setEnabled(!busy);
    m_browseButton->setEnabled(!busy);
    m_edgeCombo->setEnabled(!busy);
    m_limitSpin->setEnabled(!busy);
}

void SearchBar::setBudget(const QString &richText, const QString &toolTip)
{
    m_budgetLabel->setText(richText);
    m_budgetLabel->setToolTip(toolTip);
}

QString SearchBar::budgetText() const
{
    return m_budgetLabel->text();
}

void SearchBar::setStartToolTip(const QString &text)
{
    m_startButton->setToolTip(text);
}

void SearchBar::onSourceChanged()
{
    const engine::SourceKind kind = source();
    const bool local = kind == engine::SourceKind::Local;
    const bool instagram = kind == engine::SourceKind::Instagram;
    // Instagram has no instances: the account searching comes from the login.
    m_instanceEdit->setVisible(!instagram);
    m_edgeCombo->setVisible(instagram);
    m_budgetLabel->setVisible(instagram);
    m_browseButton->setVisible(local);
    // A folder is read whole: no number per tag.
    m_limitSpin->setVisible(!local);
    m_tagsLabel->setText(local ? tr("&Collection:") : tr("&Tags:"));
    m_instanceEdit->setAccessibleName(local ? tr("Folder") : tr("Instance"));
    m_instanceEdit->setPlaceholderText(local ? tr("Folder with images")
                                             : tr("Instance, e.g. mastodon.social"));
    m_tagsEdit->setPlaceholderText(local ? tr("Collection name, e.g. holidays")
                                         : tr("Hashtags, e.g. #cats #dogs"));
    // One field, two meanings: each keeps what was typed for it while the other is shown.
    const QString shown = m_instanceEdit->text();
    const bool showsFolder = QFileInfo(shown).isAbsolute();
    if (local && !showsFolder) {
        m_lastInstance = shown;
        m_instanceEdit->setText(m_lastFolder.isEmpty() ? QDir::homePath() : m_lastFolder);
    } else if (!local && showsFolder) {
        m_lastFolder = shown;
        m_instanceEdit->setText(m_lastInstance.isEmpty() ? DefaultInstance : m_lastInstance);
    }
    Q_EMIT sourceChanged(kind);
}

void SearchBar::browse()
{
    const QString shown = m_instanceEdit->text().trimmed();
    const QString folder = m_chooseFolder(QFileInfo(shown).isAbsolute() ? shown : QDir::homePath());
    if (!folder.isEmpty())
        m_instanceEdit->setText(QDir::toNativeSeparators(folder));
}

} // namespace taglens::ui
