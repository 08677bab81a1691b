using AngleSharp.Html.Parser;

namespace Folio.Tests.Security.Xss;

/// <summary>The detector the XSS corpus relies on finds what is live, so the corpus cannot pass by finding nothing.</summary>
public sealed class LiveScriptTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<script type=\"module\" src=\"/js/comments.js\">alert(1)</script>")]
    [InlineData("<script type=\"module\" src=\"https://evil.example/js/x.js\"></script>")]
    [InlineData("<script type=\"application/ld+json\">{\"name\":\"</script>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg><animate onbegin=alert(1)></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" &#14; JaVa&#x09;Script&#x0A;:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>")]
    [InlineData("<form action=\"javascript:alert(1)\"></form>")]
    [InlineData("<button formaction=\"javascript:alert(1)\">x</button>")]
    [InlineData("<object data=\"x.swf\"></object>")]
    [InlineData("<embed src=\"x.swf\">")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>")]
    [InlineData("<meta http-equiv=\"Refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<base href=\"https://evil.example/\">")]
    [InlineData("<div style=\"width: expr/**/ession(alert(1))\">x</div>")]
    [InlineData("<div style=\"background:url('java\\script:alert(1)')\">x</div>")]
    [InlineData("<style>body{background:url(javascript:alert(1))}</style>")]
    [InlineData("<template><img src=x onerror=alert(1)></template>")]
    public void LiveMarkupIsFound(string html) => Assert.NotEmpty(LiveScript.InFragment(html));

    [Theory]
    [InlineData("<script type=\"module\" src=\"/js/comments.js?v=Ab_c-1\"></script>")]
    [InlineData("<script type=\"application/ld+json\">{\"name\":\"&lt;/script&gt;\"}</script>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onerror=alert(1)</p>")]
    [InlineData("<a href=\"https://example.org/javascript:alert(1)\" title=\"onload\">x</a>")]
    [InlineData("<img src=\"/demo/images/a.svg\" alt=\"x\"><img src=\"data:image/png;base64,AAAA\" alt=\"\">")]
    [InlineData("<a href=\"#user-content-main\">top</a><form action=\"/search\"><button>Go</button></form>")]
    public void HarmlessMarkupIsNotFound(string html) => Assert.Empty(LiveScript.InFragment(html));

    [Fact]
    public void AWholePageIsSearchedHeadAndBody()
    {
        var document = new HtmlParser().ParseDocument("<html><head><base href=/x><script>alert(1)</script></head><body><p onclick=x>y</p></body></html>");

        Assert.Equal(3, LiveScript.In(document).Count);
    }
}
