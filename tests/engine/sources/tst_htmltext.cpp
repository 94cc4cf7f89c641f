// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sources/htmltext.h"

#include <QTest>

using taglens::engine::HtmlText;

class TestHtmlText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toPlainText_data();
    void toPlainText();
};

void TestHtmlText::toPlainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("just text") << QStringLiteral("just text");
    QTest::newRow("paragraphs") << QStringLiteral("<p>one</p><p>two</p>") << QStringLiteral("one\n\ntwo");
    QTest::newRow("br") << QStringLiteral("<p>line<br>next<br/>last<br />end</p>")
                        << QStringLiteral("line\nnext\nlast\nend");
    QTest::newRow("mastodon hashtag and mention")
        << QString::fromUtf8(
               R"(<p>Look <span class="h-card"><a href="https://ex.social/@bob" class="u-url mention">@<span>bob</span></a></span> )"
               R"(<a href="https://ex.social/tags/cats" class="mention hashtag" rel="tag">#<span>Cats</span></a></p>)")
        << QStringLiteral("Look @bob #Cats");
    QTest::newRow("mastodon link with invisible parts")
        << QString::fromUtf8(
               R"(<p><a href="https://example.org/a/long/path" rel="nofollow noopener noreferrer" target="_blank">)"
               R"(<span class="invisible">https://</span><span class="ellipsis">example.org/a/lo</span>)"
               R"(<span class="invisible">ng/path</span></a></p>)")
        << QStringLiteral("https://example.org/a/long/path");
    QTest::newRow("entities") << QStringLiteral(
                                     "Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#39;s &#x1F431; caf&eacute;")
                              << QStringLiteral("Tom & Jerry <3 \"hi\" it's \U0001F431 caf&eacute;");
    QTest::newRow("escaped markup stays text")
        << QStringLiteral("&lt;p&gt;not a tag&lt;/p&gt;") << QStringLiteral("<p>not a tag</p>");
    QTest::newRow("bad numeric entities")
        << QStringLiteral("a&#0;b&#xD800;c&#99999999;d") << QStringLiteral("a\uFFFDb\uFFFDc\uFFFDd");
    QTest::newRow("whitespace folded") << QStringLiteral("<p>  many \n\t spaces  </p>\n\n<p> here </p>")
                                       << QStringLiteral("many spaces\n\nhere");
    QTest::newRow("nbsp kept") << QStringLiteral("a&nbsp;&nbsp;b") << QStringLiteral("a  b");
    QTest::newRow("script and style dropped")
        << QStringLiteral("<p>a<script>alert('x')</script>b<style>p{}</style>c</p>") << QStringLiteral("abc");
    QTest::newRow("comment dropped") << QStringLiteral("a<!-- <p>hidden</p> -->b") << QStringLiteral("ab");
    QTest::newRow("quoted > in attribute")
        << QString::fromUtf8(R"(<a title="x > y">link</a>)") << QStringLiteral("link");
    QTest::newRow("lone less-than") << QStringLiteral("1 < 2 and 3 <4") << QStringLiteral("1 < 2 and 3 <4");
    QTest::newRow("unclosed tag") << QStringLiteral("text <a href=") << QStringLiteral("text <a href=");
    QTest::newRow("lone ampersand") << QStringLiteral("fish & chips &unknown; &")
                                    << QStringLiteral("fish & chips &unknown; &");
    QTest::newRow("list") << QStringLiteral("<ul><li>one</li><li>two</li></ul>")
                          << QStringLiteral("one\ntwo");
    QTest::newRow("upper-case tags") << QStringLiteral("<P>a</P><BR><P>b</P>") << QStringLiteral("a\n\nb");
}

void TestHtmlText::toPlainText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::toPlainText(html), text);
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
