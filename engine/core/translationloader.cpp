// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "taglens.engine.core.translations", QtInfoMsg)

namespace taglens::engine {

namespace {

std::unique_ptr<QTranslator> installed(const QLocale &locale, const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory) ||
        !QCoreApplication::installTranslator(translator.get()))
        return nullptr;
    qCDebug(lcTranslations) << "installed" << translator->filePath();
    return translator;
}

} // namespace

TranslationLoader::TranslationLoader(const QLocale &locale)
{
    for (const QString &name : locale.uiLanguages()) {
        const QLocale wanted(name);
        // The source texts are English: a user who prefers English before German gets English.
        if (wanted.language() == QLocale::English || wanted.language() == QLocale::C)
            break;
        m_taglens = installed(wanted, QStringLiteral("taglens"), catalogueDirectory());
        if (!m_taglens)
            continue;
        m_language = QLocale::languageToCode(wanted.language());
        // Qt's own texts in the same language only, so buttons never speak a third language.
        m_qt =
            installed(wanted, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        break;
    }
    qCDebug(lcTranslations) << "locale" << locale.uiLanguages()
                            << "TagLens:" << (m_language.isEmpty() ? QStringLiteral("English") : m_language)
                            << "Qt:" << hasQtTranslation();
}

TranslationLoader::~TranslationLoader()
{
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    if (m_taglens)
        QCoreApplication::removeTranslator(m_taglens.get());
}

bool TranslationLoader::hasTagLensTranslation() const
{
    return m_taglens != nullptr;
}

bool TranslationLoader::hasQtTranslation() const
{
    return m_qt != nullptr;
}

QString TranslationLoader::catalogueDirectory()
{
    return QStringLiteral(":/i18n");
}

} // namespace taglens::engine
