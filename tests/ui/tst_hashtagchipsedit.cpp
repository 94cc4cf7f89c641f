// SPDX-License-Identifier: GPL-3.0-or-later
// The hashtag chips: typed and pasted sequences become the right tags, refused ones stay in the
// editor with a reason, the keyboard reaches and removes chips, and both palettes stay readable.
#include "ui/hashtagchip.h"
#include "ui/hashtagchipsedit.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>
#include <initializer_list>

using taglens::ui::HashtagChip;
using taglens::ui::HashtagChipsEdit;

namespace {

/// Plays steps on the widget that has the focus: text is typed; "<Enter>", "<Backspace>",
/// "<Delete>", "<Left>", "<Right>", "<Home>" press that key; "<Paste:…>" pastes the text after
/// the colon with the platform's paste key.
void play(const QStringList &steps)
{
    for (const QString &step : steps) {
        QWidget *target = QApplication::focusWidget();
        QVERIFY2(target, "nothing has the focus");
        if (step.startsWith(QLatin1String("<Paste:"))) {
            QApplication::clipboard()->setText(step.mid(7, step.size() - 8));
            QTest::keySequence(target, QKeySequence::Paste);
        } else if (step == QLatin1String("<Enter>")) {
            QTest::keyClick(target, Qt::Key_Return);
        } else if (step == QLatin1String("<Backspace>")) {
            QTest::keyClick(target, Qt::Key_Backspace);
        } else if (step == QLatin1String("<Delete>")) {
            QTest::keyClick(target, Qt::Key_Delete);
        } else if (step == QLatin1String("<Left>")) {
            QTest::keyClick(target, Qt::Key_Left);
        } else if (step == QLatin1String("<Right>")) {
            QTest::keyClick(target, Qt::Key_Right);
        } else if (step == QLatin1String("<Home>")) {
            QTest::keyClick(target, Qt::Key_Home);
        } else {
            for (const QChar c : step) {
                if (c.unicode() < 0x80)
                    QTest::keyClick(QApplication::focusWidget(), char(c.unicode()));
                else // what an input method delivers: text without a key code
                    QTest::sendKeyEvent(QTest::Click, QApplication::focusWidget(), Qt::Key_unknown, QString(c),
                                        Qt::NoModifier);
            }
        }
        QCoreApplication::processEvents(); // deferred deletions of removed chips
    }
}

/// A string list from UTF-8 literals, for the data tables.
QStringList L(std::initializer_list<const char *> items = {})
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace

class TestHashtagChipsEdit : public QObject
{
    Q_OBJECT

private:
    struct Window
    {
        QWidget top;
        HashtagChipsEdit *edit = nullptr;
        QLineEdit *after = nullptr; // something to Tab to
    };

    static bool show(Window &w)
    {
        auto *layout = new QVBoxLayout(&w.top);
        w.edit = new HashtagChipsEdit(&w.top);
        w.after = new QLineEdit(&w.top);
        layout->addWidget(w.edit);
        layout->addWidget(w.after);
        w.top.resize(500, 80);
        w.top.show();
        w.top.activateWindow();
        if (!QTest::qWaitForWindowActive(&w.top))
            return false;
        w.edit->setFocus();
        return QApplication::focusWidget() == w.edit->editor();
    }

private Q_SLOTS:
    void sequences_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("pending");
        QTest::addColumn<bool>("refused");   // a rejection is shown at the end
        QTest::addColumn<int>("rejections"); // rejected() emitted (once per reason shown)
        QTest::addColumn<int>("starts");     // returnPressed() emitted

        QTest::newRow("space commits") << L({"cats dogs "}) << L({"cats", "dogs"}) << "" << false << 0 << 0;
        QTest::newRow("the word being typed stays") << L({"cats dogs"}) << L({"cats"}) << "dogs" << false << 0 << 0;
        QTest::newRow("enter commits what is typed") << L({"cats", "<Enter>"}) << L({"cats"}) << "" << false << 0 << 0;
        QTest::newRow("enter with nothing typed starts")
            << L({"cats ", "<Enter>"}) << L({"cats"}) << "" << false << 0 << 1;
        QTest::newRow("enter twice: a chip, then start")
            << L({"cats", "<Enter>", "<Enter>"}) << L({"cats"}) << "" << false << 0 << 1;
        QTest::newRow("comma and semicolon") << L({"a,b;c,"}) << L({"a", "b", "c"}) << "" << false << 0 << 0;
        QTest::newRow("'#' is dropped") << L({"#cats #Dogs "}) << L({"cats", "Dogs"}) << "" << false << 0 << 0;
        QTest::newRow("duplicates in any case are ignored")
            << L({"cats CATS Cats "}) << L({"cats"}) << "" << false << 0 << 0;
        QTest::newRow("separators only") << L({" , ; ", "<Enter>"}) << L({}) << "" << false << 0 << 1;
        QTest::newRow("a lone '#'") << L({"# "}) << L({}) << "" << false << 0 << 0;
        QTest::newRow("unicode tags") << L({"café 猫 "}) << L({"café", "猫"}) << "" << false << 0 << 0;
        QTest::newRow("backspace in the empty editor removes the last chip")
            << L({"a b ", "<Backspace>"}) << L({"a"}) << "" << false << 0 << 0;
        QTest::newRow("backspace edits the text first")
            << L({"a b", "<Backspace>"}) << L({"a"}) << "" << false << 0 << 0;
        QTest::newRow("backspace until empty")
            << L({"a b", "<Backspace>", "<Backspace>", "<Backspace>"}) << L({}) << "" << false << 0 << 0;
        QTest::newRow("paste makes three") << L({"<Paste:#a #b, c>"}) << L({"a", "b", "c"}) << "" << false << 0 << 0;
        QTest::newRow("paste of joined hashtags") << L({"<Paste:#a#b>"}) << L({"a", "b"}) << "" << false << 0 << 0;
        QTest::newRow("paste of lines") << L({"<Paste:one\ntwo\r\nthree>"}) << L({"one", "two", "three"}) << ""
                                        << false << 0 << 0;
        QTest::newRow("paste after typing") << L({"x", "<Paste:y z>"}) << L({"xy", "z"}) << "" << false << 0 << 0;
        QTest::newRow("a slash is refused and stays") << L({"a/b "}) << L({}) << "a/b" << true << 1 << 0;
        QTest::newRow("a percent sign is refused") << L({"50% ok "}) << L({"ok"}) << "50%" << true << 1 << 0;
        QTest::newRow("refused one in a paste") << L({"<Paste:x a/b y?z w>"}) << L({"x", "w"}) << "a/b y?z" << true << 1 << 0;
        QTest::newRow("enter on a refused tag does not start")
            << L({"a?", "<Enter>"}) << L({}) << "a?" << true << 1 << 0;
        QTest::newRow("fixed after a refusal")
            << L({"a/b ", "<Backspace>", "<Backspace>", "<Backspace>", "<Backspace>", "ab "}) << L({"ab"}) << "" << false << 1 << 0;
        QTest::newRow("left selects the last chip, delete removes it")
            << L({"a b c ", "<Left>", "<Left>", "<Delete>"}) << L({"a", "c"}) << "" << false << 0 << 0;
        QTest::newRow("backspace on chips removes leftwards")
            << L({"a b c ", "<Left>", "<Backspace>", "<Backspace>"}) << L({"a"}) << "" << false << 0 << 0;
        QTest::newRow("home, then delete the first")
            << L({"a b c ", "<Left>", "<Home>", "<Delete>"}) << L({"b", "c"}) << "" << false << 0 << 0;
        QTest::newRow("typing on a chip goes to the editor")
            << L({"a ", "<Left>", "b "}) << L({"a", "b"}) << "" << false << 0 << 0;
        QTest::newRow("right from the last chip returns to the editor")
            << L({"a ", "<Left>", "<Right>", "<Backspace>"}) << L({}) << "" << false << 0 << 0;
    }

    void sequences()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, tags);
        QFETCH(QString, pending);
        QFETCH(bool, refused);
        QFETCH(int, rejections);
        QFETCH(int, starts);

        Window w;
        QVERIFY(show(w));
        QSignalSpy started(w.edit, &HashtagChipsEdit::returnPressed);
        QSignalSpy rejected(w.edit, &HashtagChipsEdit::rejected);
        play(steps);
        QCOMPARE(w.edit->tags(), tags);
        QCOMPARE(w.edit->pendingText(), pending);
        QCOMPARE(!w.edit->rejection().isEmpty(), refused);
        QCOMPARE(rejected.count(), rejections);
        QCOMPARE(started.count(), starts);
        QCOMPARE(w.edit->chips().size(), tags.size());
        for (qsizetype i = 0; i < tags.size(); ++i) {
            QCOMPARE(w.edit->chips().at(i)->tag(), tags.at(i));
            QVERIFY(w.edit->chips().at(i)->isVisible());
        }
    }

    void hostilePasteIsBounded()
    {
        Window w;
        QVERIFY(show(w));
        QString many;
        for (int i = 0; i < 300; ++i)
            many += QStringLiteral("#t%1 ").arg(i % 150); // every tag twice
        many += QStringLiteral("?? %%% //");
        play({QStringLiteral("<Paste:%1>").arg(many)});
        QCOMPARE(w.edit->tags().size(), 150);
        QCOMPARE(w.edit->pendingText(), QStringLiteral("?? %%% //"));
        QVERIFY(!w.edit->rejection().isEmpty());
        // Still one row high, scrolled so that the editor stays in view.
        QCOMPARE(w.edit->height(), w.edit->sizeHint().height());
        QTRY_VERIFY(w.edit->editor()->visibleRegion().boundingRect().width() > 10);
    }

    void api()
    {
        HashtagChipsEdit edit;
        QSignalSpy changed(&edit, &HashtagChipsEdit::tagsChanged);
        QSignalSpy rejected(&edit, &HashtagChipsEdit::rejected);
        edit.setTags({QStringLiteral("#Cats"), QStringLiteral("dogs"), QStringLiteral("cats"), QStringLiteral("a/b"),
                      QString()});
        QCOMPARE(edit.tags(), (QStringList{QStringLiteral("Cats"), QStringLiteral("dogs")}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().toStringList(), edit.tags());
        QVERIFY(rejected.isEmpty()); // setTags() leaves out quietly

        QVERIFY(edit.addTag(QStringLiteral("birds")));
        QVERIFY(!edit.addTag(QStringLiteral("BIRDS")));
        QVERIFY(!edit.addTag(QStringLiteral("control") + QChar(7) + QStringLiteral("char")));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.last().first().toString().contains(QStringLiteral("not a hashtag")));
        QCOMPARE(changed.count(), 2);

        edit.removeTag(QStringLiteral("DOGS"));
        QCoreApplication::processEvents();
        QCOMPARE(edit.tags(), (QStringList{QStringLiteral("Cats"), QStringLiteral("birds")}));
        QCOMPARE(changed.count(), 3);

        edit.editor()->setText(QStringLiteral("x y/z"));
        QVERIFY(!edit.commitText());
        QCOMPARE(edit.tags().last(), QStringLiteral("x"));
        QCOMPARE(edit.pendingText(), QStringLiteral("y/z"));

        edit.clear();
        QVERIFY(edit.tags().isEmpty());
        QVERIFY(edit.pendingText().isEmpty());
        QVERIFY(edit.rejection().isEmpty());
    }

    void removeButtonAndAccessibility()
    {
        Window w;
        QVERIFY(show(w));
        w.edit->setTags({QStringLiteral("cats"), QStringLiteral("dogs")});
        HashtagChip *chip = w.edit->chips().first();
        QCOMPARE(chip->accessibleName(), QStringLiteral("#cats"));
        QVERIFY(!chip->accessibleDescription().isEmpty());
        QCOMPARE(chip->removeButton()->accessibleName(), QStringLiteral("Remove #cats"));
        QVERIFY(!w.edit->editor()->accessibleName().isEmpty());
        QVERIFY(chip->focusPolicy() & Qt::ClickFocus);
        QTest::mouseClick(chip->removeButton(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(w.edit->tags(), QStringList{QStringLiteral("dogs")});
        QCOMPARE(QApplication::focusWidget(), w.edit->editor());

        // The chips are not Tab stops of their own: Tab from a chip leaves the widget.
        play({QStringLiteral("<Left>")});
        QCOMPARE(QApplication::focusWidget(), w.edit->chips().first());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), w.after);
    }

    void disabledChipsStayPut()
    {
        Window w;
        QVERIFY(show(w));
        w.edit->setTags({QStringLiteral("cats")});
        w.edit->setEnabled(false);
        QVERIFY(!w.edit->chips().first()->isEnabled());
        QVERIFY(!w.edit->editor()->isEnabled());
        w.edit->setEnabled(true);
        QVERIFY(w.edit->chips().first()->isEnabled());
    }

    void palettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void palettes()
    {
        QFETCH(bool, dark);
        Window w;
        if (dark)
            w.top.setPalette(darkPalette());
        QVERIFY(show(w));
        w.edit->setTags({QStringLiteral("cats")});
        QCoreApplication::processEvents();
        HashtagChip *chip = w.edit->chips().first();
        QTRY_VERIFY(chip->width() > 0);
        const QImage image = chip->grab().toImage();
        const qreal ratio = image.devicePixelRatio();
        // Inside the rounded end, left of the text: the chip's own fill.
        const QColor fill = image.pixelColor(int(5 * ratio), int(chip->height() / 2 * ratio));
        const QColor text = chip->palette().color(QPalette::Text);
        QCOMPARE(fill.lightness() < 128, dark);
        QVERIFY2(qAbs(fill.lightness() - text.lightness()) > 100,
                 qPrintable(QStringLiteral("fill %1, text %2").arg(fill.name(), text.name())));
        // The fill is tinted, not the plain background, so a chip stands out from the editor.
        QVERIFY(fill != w.edit->palette().color(QPalette::Base));
        // To look at them: TAGLENS_SCREENSHOT_DIR=/tmp/shots tst_hashtagchipsedit palettes
        if (const QString dir = qEnvironmentVariable("TAGLENS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            w.edit->setTags({QStringLiteral("cats"), QStringLiteral("Dogs"), QStringLiteral("猫")});
            w.edit->editor()->setText(QStringLiteral("a/b "));
            w.edit->commitText();
            w.edit->chips().at(1)->setFocus();
            QCoreApplication::processEvents();
            QVERIFY(w.top.grab().save(QStringLiteral("%1/chips-%2.png").arg(dir, QLatin1String(dark ? "dark" : "light"))));
        }
    }
};

QTEST_MAIN(TestHashtagChipsEdit)
#include "tst_hashtagchipsedit.moc"
