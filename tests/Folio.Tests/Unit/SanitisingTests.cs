using AngleSharp.Html.Parser;
using Folio.Features.Comments;
using Folio.Features.Stories;

namespace Folio.Tests.Unit;

public sealed class SanitisingTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument(StoryRenderer.Render(markdown).Html);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">hi</p>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<form action=\"https://evil.example\"><input name=p type=password><button>Go</button></form>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<style>body{display:none}</style><div style=\"position:fixed;inset:0\">x</div>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    public void HostileMarkupIsRemoved(string markdown)
    {
        var html = StoryRenderer.Render(markdown).Html;
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("script, iframe, form, input, button, object, embed, style, meta"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.Null(element.GetAttribute("style"));
        }
    }

    [Theory]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://player.vimeo.com/video/76979871")]
    public void VideoEmbedsFromAllowedHostsStaySandboxed(string src)
    {
        var iframe = Render($"<iframe src=\"{src}\" allowfullscreen></iframe>").QuerySelector("iframe");

        Assert.NotNull(iframe);
        Assert.Equal(src, iframe.GetAttribute("src"));
        Assert.NotNull(iframe.GetAttribute("sandbox"));
    }

    [Fact]
    public void MarkdownFeaturesSurvive()
    {
        var document = Render("""
            ## A heading with id

            - one
            - two

            > a quote

            | a | b |
            |---|---|
            | 1 | 2 |

            Visit https://example.org today. ![A river](/demo/images/a.svg)
            """);

        Assert.Equal("user-content-a-heading-with-id", document.QuerySelector("h2")?.Id);
        Assert.Equal(2, document.QuerySelectorAll("li").Length);
        Assert.NotNull(document.QuerySelector("blockquote"));
        Assert.NotNull(document.QuerySelector("table td"));
        Assert.Equal("https://example.org", document.QuerySelector("a")?.GetAttribute("href"));
        var image = document.QuerySelector("img");
        Assert.Equal("A river", image?.GetAttribute("alt"));
        Assert.Equal("lazy", image?.GetAttribute("loading"));
    }

    [Fact]
    public void IdsAndNamesAnAuthorWritesCannotTakeOverThePagesOwn()
    {
        var document = Render("<p id=\"main\">x</p> <a name=\"comment-607\">y</a> <img id=\"user-content-kept\" src=\"/a.svg\" alt=\"\">");

        Assert.Equal("user-content-main", document.QuerySelector("p")?.Id);
        Assert.Equal("user-content-comment-607", document.QuerySelector("a")?.GetAttribute("name"));
        Assert.Equal("user-content-kept", document.QuerySelector("img")?.Id);
    }

    [Fact]
    public void LinksWithinAStoryStillReachItsHeadings()
    {
        var document = Render("## Main\n\n[Back to the top](#main) [Elsewhere](/rivers/weir#main) [Nowhere](#)");

        Assert.Equal("user-content-main", document.QuerySelector("h2")?.Id);
        Assert.Equal(["#user-content-main", "/rivers/weir#main", "#"], document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void WordsAndImagesAreCountedFromWhatIsShown()
    {
        var rendered = StoryRenderer.Render("# Title here\n\nOne **two** three, four.\n\n![alt](/a.svg) ![alt](/b.svg)\n\n<script>var hidden = words;</script>");

        Assert.Equal(6, rendered.WordCount);
        Assert.Equal(2, rendered.ImageCount);
        Assert.Equal(1, rendered.ReadingMinutes);
    }

    [Fact]
    public void CommentsKeepEmphasisLinksAndCodeOnly()
    {
        var html = CommentRenderer.Render("# Not a heading\n\n*em* **strong** `code` [link](https://example.org) ![img](/x.png) <b>raw</b> [bad](javascript:alert(1))");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("h1, img, b, script"));
        Assert.NotNull(document.QuerySelector("em"));
        Assert.NotNull(document.QuerySelector("strong"));
        Assert.NotNull(document.QuerySelector("code"));
        var link = document.QuerySelector("a[href='https://example.org']");
        Assert.Equal("nofollow ugc noopener", link?.GetAttribute("rel"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}
