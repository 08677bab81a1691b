using AngleSharp.Html.Parser;
using Folio.Features.Stories;
using Folio.Features.Transfer;

namespace Folio.Tests.Transfer;

public sealed class HtmlToMarkdownTests
{
    private static string Convert(string html) => HtmlToMarkdown.Convert(html).TrimEnd('\n');

    /// <summary>What a reader sees: the Markdown rendered by the site's own renderer.</summary>
    private static AngleSharp.Html.Dom.IHtmlDocument Rendered(string html) =>
        new HtmlParser().ParseDocument(StoryRenderer.Render(HtmlToMarkdown.Convert(html)).Html);

    [Fact]
    public void ParagraphsBecomeBlocksSeparatedByABlankLine() =>
        Assert.Equal("First   paragraph".Replace("   ", " ") + "\n\nSecond one.", Convert("<p>First \n  paragraph</p>\n<p>Second one.</p>"));

    [Theory]
    [InlineData("<h1>Title</h1>", "## Title")]
    [InlineData("<h2>Second <em>level</em></h2>", "## Second *level*")]
    [InlineData("<h3>Three</h3>", "### Three")]
    [InlineData("<h6>Six<br>lines</h6>", "###### Six lines")]
    public void HeadingsKeepTheirLevelButTheFirstWhichTheStoryTitleHolds(string html, string markdown) => Assert.Equal(markdown, Convert(html));

    [Theory]
    [InlineData("<p><strong>bold</strong> and <b>bold</b></p>", "**bold** and **bold**")]
    [InlineData("<p><em>it</em> and <i>it</i></p>", "*it* and *it*")]
    [InlineData("<p>un<em>believ</em>able</p>", "un*believ*able")]
    [InlineData("<p>a<strong> spaced </strong>word</p>", "a **spaced** word")]
    [InlineData("<p><del>gone</del></p>", "~~gone~~")]
    public void EmphasisHugsItsText(string html, string markdown) => Assert.Equal(markdown, Convert(html));

    [Fact]
    public void LinksKeepTheirAddressAndTitle()
    {
        Assert.Equal("See [the docs](https://example.org/docs \"Docs\").", Convert("<p>See <a href=\"https://example.org/docs\" title=\"Docs\">the docs</a>.</p>"));
        Assert.Equal("[Wiki](<https://en.wikipedia.org/wiki/Foo_(bar)>)", Convert("<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">Wiki</a></p>"));
        Assert.Equal("no link", Convert("<p><a href=\"javascript:alert(1)\">no link</a></p>"));
    }

    [Fact]
    public void ImagesKeepTheirAltText()
    {
        Assert.Equal("![A heron at dawn](/content/images/heron.jpg)", Convert("<img src=\"/content/images/heron.jpg\" alt=\"A heron at dawn\">"));
        var image = Rendered("<p><img src=\"https://example.org/a.png\" alt=\"A [bracketed] alt\"></p>").QuerySelector("img")!;
        Assert.Equal("A [bracketed] alt", image.GetAttribute("alt"));
        Assert.Equal("https://example.org/a.png", image.GetAttribute("src"));
    }

    [Fact]
    public void ListsNestAndNumber()
    {
        const string html = "<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li></ul><ol start=\"3\"><li>Three</li><li>Four</li></ol>";

        Assert.Equal("- One\n- Two\n  - Two a\n  - Two b\n\n3. Three\n4. Four", Convert(html));
        var page = Rendered(html);
        Assert.Equal(["Two a", "Two b"], page.QuerySelectorAll("ul ul > li").Select(li => li.TextContent));
        Assert.Equal("3", page.QuerySelector("ol")!.GetAttribute("start"));
    }

    [Fact]
    public void ListItemsWithParagraphsMakeALooseList() =>
        Assert.Equal("1. First\n\n   More of it\n\n2. Second", Convert("<ol><li><p>First</p><p>More of it</p></li><li><p>Second</p></li></ol>"));

    [Fact]
    public void BlockquotesPrefixEveryLine()
    {
        Assert.Equal("> Said once.\n>\n> Said twice.", Convert("<blockquote><p>Said once.</p><p>Said twice.</p></blockquote>"));
        Assert.Equal(2, Rendered("<blockquote><p>a</p><p>b</p></blockquote>").QuerySelectorAll("blockquote p").Length);
    }

    [Fact]
    public void PreformattedCodeBecomesAFencedBlockWithItsLanguage()
    {
        const string html = "<pre><code class=\"language-csharp\">var x = 1;\n\nif (x &lt; 2) { }\n</code></pre>";

        Assert.Equal("```csharp\nvar x = 1;\n\nif (x < 2) { }\n```", Convert(html));
        Assert.Equal("var x = 1;\n\nif (x < 2) { }\n", Rendered(html).QuerySelector("pre code")!.TextContent);
    }

    [Fact]
    public void CodeBlocksContainingFencesGetALongerFence() =>
        Assert.StartsWith("````\n```", Convert("<pre>```\nnested\n```</pre>"));

    [Theory]
    [InlineData("<p>Use <code>dotnet run</code> now</p>", "Use `dotnet run` now")]
    [InlineData("<p><code>a`b</code></p>", "``a`b``")]
    public void InlineCodeKeepsItsText(string html, string markdown) => Assert.Equal(markdown, Convert(html));

    [Fact]
    public void RulesAndLineBreaks()
    {
        Assert.Equal("Above\n\n---\n\nBelow", Convert("<p>Above</p><hr><p>Below</p>"));
        Assert.Equal("Roses are red,\\\nviolets are blue", Convert("<p>Roses are red,<br>violets are blue<br></p>"));
        Assert.Single(Rendered("<p>Roses are red,<br>violets are blue</p>").QuerySelectorAll("p br"));
    }

    [Fact]
    public void FiguresKeepTheirCaption()
    {
        const string html = "<figure class=\"kg-card kg-image-card\"><img src=\"/a.jpg\" alt=\"Cliffs\"><figcaption>Cliffs at <em>dusk</em></figcaption></figure>";

        Assert.Equal("^^^\n![Cliffs](/a.jpg)\n^^^ Cliffs at *dusk*", Convert(html));
        var figure = Rendered(html).QuerySelector("figure")!;
        Assert.Equal("Cliffs", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Cliffs at dusk", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void TablesBecomePipeTables()
    {
        const string html = "<table><thead><tr><th>Name</th><th align=\"right\">Count</th></tr></thead>"
            + "<tbody><tr><td>Herons</td><td>12</td></tr><tr><td>A | B</td></tr></tbody></table>";

        Assert.Equal("| Name | Count |\n| --- | ---: |\n| Herons | 12 |\n| A \\| B |  |", Convert(html));
        var table = Rendered(html).QuerySelector("table")!;
        Assert.Equal(["Name", "Count"], table.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal("A | B", table.QuerySelectorAll("tbody tr")[1].QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void ScriptsAndStylesGoButUnknownWrappersKeepTheirText()
    {
        var markdown = Convert("<div class=\"kg-card\"><script>alert('x')</script><style>p{}</style><section><span data-x>Kept</span> <custom-tag>text</custom-tag></section></div>");

        Assert.Equal("Kept text", markdown);
    }

    [Fact]
    public void TextThatLooksLikeMarkdownStaysText()
    {
        const string html = "<p>1986. A year</p><p># not a heading</p><p>- not a list *nor emphasis* &lt;b&gt; [x] snake_case _under_ &amp;copy;</p>";

        var page = Rendered(html);
        Assert.Equal(["1986. A year", "# not a heading", "- not a list *nor emphasis* <b> [x] snake_case _under_ &copy;"],
            page.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Empty(page.QuerySelectorAll("h1, ol, ul, em, b"));
    }

    [Fact]
    public void AllowedVideoEmbedsStayAndOthersBecomeLinks()
    {
        Assert.Equal("<iframe src=\"https://www.youtube.com/embed/abc123\" title=\"Talk\" allowfullscreen></iframe>",
            Convert("<figure><iframe src=\"https://www.youtube.com/embed/abc123\" title=\"Talk\"></iframe></figure>"));
        Assert.Equal("[https://maps.example/x](https://maps.example/x)", Convert("<iframe src=\"https://maps.example/x\"></iframe>"));
    }

    [Fact]
    public void EmptyHtmlIsAnEmptyBody()
    {
        Assert.Equal("", HtmlToMarkdown.Convert(null));
        Assert.Equal("", HtmlToMarkdown.Convert("<p> </p><div></div>"));
    }

    [Fact]
    public void AGhostPostWithItsCardsReadsCleanly()
    {
        const string html = """
            <p>Intro with a <a href="https://x.org">link</a>.</p>
            <figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/a.jpg" class="kg-image" alt="Sea" srcset="x 600w"><figcaption><span>The sea, </span><a href="https://unsplash.com"><span>Unsplash</span></a></figcaption></figure>
            <figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://example.com/post"><div class="kg-bookmark-content"><div class="kg-bookmark-title">A bookmarked post</div><div class="kg-bookmark-description">Its description.</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://example.com/icon.png" alt=""><span class="kg-bookmark-author">Example</span></div></div></a></figure>
            <div class="kg-card kg-callout-card"><div class="kg-callout-emoji">💡</div><div class="kg-callout-text">A callout with <b>bold</b>.</div></div>
            <div class="kg-card kg-button-card"><a href="https://x.org/subscribe" class="kg-btn">Subscribe</a></div>
            <!--kg-card-begin: html--><div><script>alert(1)</script><p>raw html card</p></div><!--kg-card-end: html-->
            <a href="https://example.org"><div>Block</div><div>inside</div></a>
            """;

        var page = Rendered(html);

        Assert.Equal("The sea, Unsplash", page.QuerySelector("figure figcaption")?.TextContent);
        Assert.Equal("Sea", page.QuerySelector("figure img")?.GetAttribute("alt"));
        Assert.Equal("A bookmarked post", page.QuerySelector("a[href='https://example.com/post']")?.TextContent);
        Assert.Contains("Its description.", page.Body!.TextContent);
        Assert.DoesNotContain("example.com/icon.png", page.Body.InnerHtml);
        Assert.Equal("bold", page.QuerySelector("strong")?.TextContent);
        Assert.Equal("Subscribe", page.QuerySelector("a[href='https://x.org/subscribe']")?.TextContent);
        Assert.Contains("raw html card", page.Body.TextContent);
        Assert.DoesNotContain("alert", page.Body.InnerHtml);
        Assert.Equal("Block inside", page.QuerySelector("a[href='https://example.org']")?.TextContent);
    }
}
