// SPDX-License-Identifier: GPL-3.0-or-later
// ModelLabels: which models' labels a project holds, and the one rule for which of them the
// views and the exports show when nobody chose (issue 17 #1: a project extended with a second
// model must not hide the first one's labels). Checked against a real project file, and the
// export snapshot against the same rule.
#include "engine/export/exportsnapshot.h"
#include "engine/store/modellabels.h"
#include "engine/store/projectstore.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::Classification;
using taglens::engine::ExportOptions;
using taglens::engine::ExportSnapshot;
using taglens::engine::HarvestRecord;
using taglens::engine::ImageRecord;
using taglens::engine::ModelLabels;
using taglens::engine::ProjectStore;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString modelSha(const QString &name)
{
    return sha256Of(name.toUtf8());
}

} // namespace

/// One harvest: a model and how many of the images it classified.
struct Step
{
    QString model;
    int images = 0; ///< classified by this step's model: images 0 … images-1
};
Q_DECLARE_METATYPE(QList<Step>)

class TestModelLabels : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;
    /// Runs \a steps into \a store; \a classified gets which images each model labelled.
    static void harvest(ProjectStore &store, const QList<Step> &steps, QHash<QString, QSet<int>> &classified)
    {
        for (const Step &step : steps) {
            HarvestRecord record;
            record.source = QStringLiteral("local");
            record.instance = QStringLiteral("/photos");
            record.tags = {QStringLiteral("local")};
            record.modelName = step.model + QStringLiteral(".pt");
            record.modelSha256 = modelSha(step.model);
            QVERIFY(store.beginHarvest(record));
            for (int i = 0; i < step.images; ++i) {
                const QByteArray bytes = QByteArray("image ") + QByteArray::number(i);
                ImageRecord image;
                image.sha256 = sha256Of(bytes);
                image.bytes = bytes;
                image.byteSize = bytes.size();
                QVERIFY(store.addImage(image)); // the first one stays
                Classification labels;
                labels.labels = {{1, QStringLiteral("tabby"), 0.6f}, {2, QStringLiteral("tiger cat"), 0.3f}};
                labels.embedding = {0.5f, 0.25f};
                QVERIFY(store.addClassification(image.sha256, record.modelSha256, labels));
                classified[step.model].insert(i);
            }
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theModelWithTheMostImagesIsShown_data()
    {
        QTest::addColumn<QList<Step>>("steps");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QStringList>("order");
        QTest::newRow("one model") << QList<Step>{{QStringLiteral("a"), 3}} << QStringLiteral("a")
                                   << QStringList{QStringLiteral("a")};
        QTest::newRow("extended with another on fewer images (issue 17 #1)")
            << QList<Step>{{QStringLiteral("a"), 5}, {QStringLiteral("b"), 2}} << QStringLiteral("a")
            << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("the second labelled more")
            << QList<Step>{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 4}} << QStringLiteral("b")
            << QStringList{QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("as many: the newest")
            << QList<Step>{{QStringLiteral("a"), 3}, {QStringLiteral("b"), 3}} << QStringLiteral("b")
            << QStringList{QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("nothing classified: the newest harvest's")
            << QList<Step>{{QStringLiteral("a"), 0}, {QStringLiteral("b"), 0}} << QStringLiteral("b")
            << QStringList{QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("the same model again counts once")
            << QList<Step>{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 3}, {QStringLiteral("a"), 4}}
            << QStringLiteral("a") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("no harvest") << QList<Step>{} << QString() << QStringList{};
    }
    void theModelWithTheMostImagesIsShown()
    {
        QFETCH(QList<Step>, steps);
        QFETCH(QString, shown);
        QFETCH(QStringList, order);
        const QString path = m_dir.filePath(QStringLiteral("p%1.taglens").arg(++m_count));
        auto opened = ProjectStore::open(path);
        QVERIFY(opened);
        ProjectStore &store = **opened;
        QHash<QString, QSet<int>> classified; // the independent count: model → images
        harvest(store, steps, classified);
        if (QTest::currentTestFailed())
            return;
        const auto models = ModelLabels::of(store);
        QVERIFY(models);
        QStringList names;
        for (const ModelLabels &model : *models) {
            const QString name = model.name.chopped(3); // "a.pt" → "a"
            names << name;
            QCOMPARE(model.sha256, modelSha(name));
            QCOMPARE(model.images, int(classified.value(name).size()));
        }
        QCOMPARE(names, order);
        const ModelLabels byDefault = ModelLabels::shownByDefault(*models);
        QCOMPARE(byDefault.sha256, shown.isEmpty() ? QString() : modelSha(shown));

        // The exports follow the same rule when no model is asked for, and the one asked for when one is.
        const auto snapshot = ExportSnapshot::load(store, ExportOptions());
        QVERIFY(snapshot);
        QCOMPARE(snapshot->modelSha256, byDefault.sha256);
        if (order.size() > 1) {
            ExportOptions other;
            other.modelSha256 = modelSha(order.last());
            const auto chosen = ExportSnapshot::load(store, other);
            QVERIFY(chosen);
            QCOMPARE(chosen->modelSha256, other.modelSha256);
            QCOMPARE(chosen->modelName, order.last() + QStringLiteral(".pt"));
        }
    }

    // The user's choice (View ▸ Labels From) is kept in the project and overrides the rule for
    // the views and the exports alike; a choice the project holds no labels of falls back to it.
    void aChoiceOverridesTheRule_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("shown");
        QTest::newRow("the model with fewer images") << QStringLiteral("b") << QStringLiteral("b");
        QTest::newRow("the default one") << QStringLiteral("a") << QStringLiteral("a");
        QTest::newRow("a model without labels here") << QStringLiteral("c") << QStringLiteral("a");
        QTest::newRow("an unknown model") << QStringLiteral("z") << QStringLiteral("a");
        QTest::newRow("cleared") << QString() << QStringLiteral("a");
    }
    void aChoiceOverridesTheRule()
    {
        QFETCH(QString, chosen);
        QFETCH(QString, shown);
        const QString path = m_dir.filePath(QStringLiteral("choice%1.taglens").arg(++m_count));
        {
            auto opened = ProjectStore::open(path);
            QVERIFY(opened);
            QHash<QString, QSet<int>> classified;
            harvest(**opened, {{QStringLiteral("a"), 5}, {QStringLiteral("b"), 2}, {QStringLiteral("c"), 0}},
                    classified);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(ModelLabels::choose(**opened, chosen.isEmpty() ? QString() : modelSha(chosen)));
        }
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly); // kept in the file
        QVERIFY(store);
        const auto choice = ModelLabels::choice(**store);
        QVERIFY(choice);
        QCOMPARE(*choice, chosen.isEmpty() ? QString() : modelSha(chosen));
        const auto models = ModelLabels::of(**store);
        QVERIFY(models);
        QCOMPARE(ModelLabels::shown(*models, *choice).sha256, modelSha(shown));
        const auto snapshot = ExportSnapshot::load(**store, ExportOptions());
        QVERIFY(snapshot);
        QCOMPARE(snapshot->modelSha256, modelSha(shown));
        QCOMPARE(snapshot->modelName, shown + QStringLiteral(".pt"));
    }
};

QTEST_GUILESS_MAIN(TestModelLabels)
#include "tst_modellabels.moc"
