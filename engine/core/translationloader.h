// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <memory>

class QTranslator;

namespace taglens::engine {

/// Installs the translations for one locale in the running application: TagLens' own catalogue
/// (built into the program, `:/i18n/taglens_<language>.qm`) and Qt's own (qtbase, from the
/// system's Qt translations folder, when it has them). The desktop app and the CLI each keep one
/// beside their application object; the translations stay installed while it lives.
///
/// The user's languages are tried in order; English, the language of the source texts, ends the
/// search, so `LANGUAGE=en:de` stays English.
class TranslationLoader
{
public:
    /// Installs the translations for \a locale (QLocale::system() follows LANGUAGE, LC_ALL,
    /// LC_MESSAGES and LANG). Needs a QCoreApplication.
    explicit TranslationLoader(const QLocale &locale = QLocale::system());
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    /// The language whose TagLens catalogue is installed ("de"); empty when TagLens speaks English.
    QString language() const { return m_language; }
    /// Whether TagLens' own messages are translated.
    bool hasTagLensTranslation() const;
    /// Whether Qt's own texts (standard buttons, file dialogs) are translated too.
    bool hasQtTranslation() const;

    /// The resource folder of TagLens' catalogues.
    static QString catalogueDirectory();

private:
    std::unique_ptr<QTranslator> m_taglens;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language;
};

} // namespace taglens::engine
