// SPDX-License-Identifier: GPL-3.0-or-later
// Every catalogue in resources/translations is complete: no message unfinished or empty, every
// plural form there, and each translation uses the placeholders its source uses.
#include "support/testpaths.h"
#include "support/translationcatalogue.h"

#include <QDir>
#include <QTest>

using taglens::tests::TranslationCatalogue;

namespace {

QByteArray catalogue(const QByteArray &messages)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
           "<TS version=\"2.1\" language=\"de\" sourcelanguage=\"en\">\n<context>\n<name>Sample</name>\n" +
           messages + "</context>\n</TS>\n";
}

} // namespace

class TestTranslationFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(taglens::tests::sourceDir() + QStringLiteral("/resources/translations"));
        const QStringList files = dir.entryList({QStringLiteral("taglens_*.ts")}, QDir::Files, QDir::Name);
        QVERIFY2(files.contains(QStringLiteral("taglens_de.ts")), qPrintable(dir.path()));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void catalogueIsComplete()
    {
        QFETCH(QString, path);
        const auto parsed = TranslationCatalogue::read(path);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QVERIFY(!parsed->messages().isEmpty());
        QVERIFY(TranslationCatalogue::pluralForms(parsed->language()) > 0);
        const QStringList problems = parsed->problems();
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 messages need work:\n  %2")
                                                    .arg(problems.size())
                                                    .arg(problems.join(QStringLiteral("\n  ")))));
    }

    // The check can tell: each kind of flaw in a small catalogue is reported, a sound one is not.
    void checkSeesFlaws_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<int>("problems");
        QTest::newRow("finished")
            << QByteArray("<message><source>Cannot read %1: %2</source>"
                          "<translation>%1 kann nicht gelesen werden: %2</translation></message>")
            << 0;
        QTest::newRow("localised placeholder")
            << QByteArray(
                   "<message><source>%L1 images</source><translation>%1 Bilder</translation></message>")
            << 0;
        QTest::newRow("unfinished") << QByteArray(
                                           "<message><source>Open</source>"
                                           "<translation type=\"unfinished\">Öffnen</translation></message>")
                                    << 1;
        QTest::newRow("vanished") << QByteArray(
                                         "<message><source>Open</source>"
                                         "<translation type=\"vanished\">Öffnen</translation></message>")
                                  << 1;
        QTest::newRow("empty") << QByteArray(
                                      "<message><source>Open</source><translation></translation></message>")
                               << 1;
        QTest::newRow("placeholder dropped")
            << QByteArray("<message><source>Cannot read %1: %2</source>"
                          "<translation>%1 kann nicht gelesen werden</translation></message>")
            << 1;
        QTest::newRow("placeholder added")
            << QByteArray(
                   "<message><source>Cancelled.</source><translation>%1 abgebrochen.</translation></message>")
            << 1;
        QTest::newRow("plural form missing")
            << QByteArray("<message numerus=\"yes\"><source>%n image(s)</source>"
                          "<translation><numerusform>%n Bild</numerusform></translation></message>")
            << 1;
        QTest::newRow("plural form without %n")
            << QByteArray("<message numerus=\"yes\"><source>%n image(s)</source><translation>"
                          "<numerusform>ein Bild</numerusform><numerusform>%n Bilder</numerusform>"
                          "</translation></message>")
            << 1;
        QTest::newRow("plural forms complete")
            << QByteArray("<message numerus=\"yes\"><source>%n image(s)</source><translation>"
                          "<numerusform>%n Bild</numerusform><numerusform>%n Bilder</numerusform>"
                          "</translation></message>")
            << 0;
    }
    void checkSeesFlaws()
    {
        QFETCH(QByteArray, messages);
        QFETCH(int, problems);
        const auto parsed = TranslationCatalogue::parse(catalogue(messages));
        QVERIFY(parsed);
        QCOMPARE(parsed->messages().size(), 1);
        QCOMPARE(parsed->problems().size(), problems);
    }

    void malformedCatalogueIsAnError()
    {
        const auto parsed = TranslationCatalogue::parse("<TS><context><name>Sample</name>");
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, taglens::engine::ErrorCode::InvalidArgument);
        QVERIFY(!TranslationCatalogue::parse("<html/>"));
    }
};

QTEST_GUILESS_MAIN(TestTranslationFile)
#include "tst_translationfile.moc"
