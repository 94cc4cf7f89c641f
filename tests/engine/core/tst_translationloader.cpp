// SPDX-License-Identifier: GPL-3.0-or-later
// TranslationLoader installs the built-in German catalogue for German locales (the texts are the
// ones in resources/translations/taglens_de.ts) and nothing for English or the C locale.
#include "engine/core/translationloader.h"
#include "engine/store/projectstore.h"
#include "support/testpaths.h"
#include "support/translationcatalogue.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QSet>
#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::ProjectStore;
using taglens::engine::TranslationLoader;
using taglens::tests::TranslationCatalogue;

namespace {

// What the application shows for a message, with %n filled in as translate() does.
QString shown(const TranslationCatalogue::Message &m, int n)
{
    return QCoreApplication::translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                                       m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData(), n);
}

// A message as shown, numerus messages for seven.
QString shownForSeven(const TranslationCatalogue::Message &m)
{
    return m.numerus ? shown(m, 7) : shown(m, -1);
}

QString sourceForSeven(const TranslationCatalogue::Message &m)
{
    return m.numerus ? QString(m.source).replace(QStringLiteral("%n"), QStringLiteral("7")) : m.source;
}

} // namespace

class TestTranslationLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto parsed = TranslationCatalogue::read(
            taglens::tests::sourceDir() + QStringLiteral("/resources/translations/taglens_de.ts"));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        m_german = *parsed;
        QVERIFY(!m_german.messages().isEmpty());
    }

    void germanLocalesGetTheGermanCatalogue_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria);
        QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland);
    }
    void germanLocalesGetTheGermanCatalogue()
    {
        QFETCH(QLocale, locale);
        const TranslationLoader loader(locale);
        QVERIFY(loader.hasTagLensTranslation());
        QCOMPARE(loader.language(), QStringLiteral("de"));
        // Qt's own German texts come along exactly when the system has them.
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        QCOMPARE(loader.hasQtTranslation(), QFile::exists(qtDir + QStringLiteral("/qtbase_de.qm")));
    }

    // The built-in catalogue is the one in the source tree, message for message.
    void everyMessageComesBackAsTheCatalogueSaysIt()
    {
        const TranslationLoader loader(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loader.hasTagLensTranslation());
        QSet<QString> translatedContexts;
        QSet<QString> contexts;
        for (const auto &m : m_german.messages()) {
            contexts.insert(m.context);
            if (m.numerus) {
                QCOMPARE(m.translations.size(), 2);
                QCOMPARE(shown(m, 1),
                         QString(m.translations[0]).replace(QStringLiteral("%n"), QStringLiteral("1")));
                QCOMPARE(shown(m, 7),
                         QString(m.translations[1]).replace(QStringLiteral("%n"), QStringLiteral("7")));
            } else {
                QCOMPARE(shown(m, -1), m.translations.value(0));
            }
            if (shownForSeven(m) != sourceForSeven(m))
                translatedContexts.insert(m.context);
        }
        // Every context says at least something differently in German.
        QCOMPARE(translatedContexts, contexts);
    }

    // An engine error made while the German catalogue is installed is German; without it, not.
    void engineErrorsFollowTheLanguage()
    {
        QString english;
        {
            const auto opened = ProjectStore::open(QString());
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
            english = opened.error().message;
        }
        QString german;
        {
            const TranslationLoader loader(QLocale(QLocale::German, QLocale::Germany));
            const auto opened = ProjectStore::open(QString());
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
            german = opened.error().message;
        }
        QVERIFY(!german.isEmpty());
        QVERIFY(german != english);
        // The loader took its catalogue with it.
        const auto again = ProjectStore::open(QString());
        QVERIFY(!again);
        QCOMPARE(again.error().message, english);
    }

    void otherLocalesChangeNothing_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("C") << QLocale::c();
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom);
        QTest::newRow("fr_FR (no catalogue)") << QLocale(QLocale::French, QLocale::France);
    }
    void otherLocalesChangeNothing()
    {
        QFETCH(QLocale, locale);
        const TranslationLoader loader(locale);
        QVERIFY(!loader.hasTagLensTranslation());
        QVERIFY(!loader.hasQtTranslation());
        QVERIFY(loader.language().isEmpty());
        for (const auto &m : m_german.messages())
            QCOMPARE(shownForSeven(m), sourceForSeven(m));
    }

private:
    TranslationCatalogue m_german;
};

QTEST_GUILESS_MAIN(TestTranslationLoader)
#include "tst_translationloader.moc"
