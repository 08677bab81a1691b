using System.Net;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Pages;

public sealed class SitePageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/contact", "Contact")]
    [InlineData("/privacy", "Privacy Policy")]
    [InlineData("/terms", "Terms of Use")]
    [InlineData("/support", "Help and Support")]
    public async Task BuiltInPagesHaveRealText(string url, string title)
    {
        var page = await _app.GetPageAsync(url);

        Assert.Equal(title, Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        Assert.True(page.QuerySelectorAll(".prose h2").Length >= 2);
        Assert.True(page.QuerySelector(".prose")!.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 250);
    }

    [Fact]
    public async Task OperatorsReplaceAPageWithMarkdownInTheDataDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_app.DataDirectory, "pages"));
        await File.WriteAllTextAsync(Path.Combine(_app.DataDirectory, "pages", "contact.md"),
            "# Talk to the Harbour Writers\n\nEmail **hello@harbour.example**.\n\n<script>alert(1)</script>");

        var page = await _app.GetPageAsync("/contact");

        Assert.Equal("Talk to the Harbour Writers", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("hello@harbour.example", page.QuerySelector(".prose strong")?.TextContent);
        Assert.Empty(page.QuerySelectorAll(".prose script"));
        Assert.Equal("Privacy Policy", (await _app.GetPageAsync("/privacy")).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task InsightsPageExplainsEveryQuality()
    {
        var page = await _app.GetPageAsync("/insights");

        var qualities = page.QuerySelectorAll(".quality dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(
            ["Heartfelt and relatable", "Excellent storytelling", "Expert insights and opinions", "Eye opening",
             "Easy to read and follow", "Masterful proofreading", "Compelling and original writing", "On-point and relevant"],
            qualities);
        Assert.All(page.QuerySelectorAll(".quality dd"), dd => Assert.False(string.IsNullOrWhiteSpace(dd.TextContent)));
    }

    [Fact]
    public async Task FooterLinksEachLeadToARealPage()
    {
        var home = await _app.GetPageAsync("/");

        var links = home.QuerySelectorAll(".footer-nav a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();
        Assert.Equal(
            [("Explore", "/explore"), ("Contact", "/contact"), ("Privacy Policy", "/privacy"), ("Terms of Use", "/terms"), ("Support", "/support"), ("Developers", "/developers")],
            links);
        foreach (var (_, href) in links)
        {
            await _app.GetPageAsync(href);
        }

        Assert.NotEmpty(home.QuerySelectorAll(".site-footer .social-links a"));
        Assert.Contains($"© {_app.Clock.Now.Year}", home.QuerySelector(".copyright")?.TextContent);
    }

    [Fact]
    public async Task ErrorPagesAnswerWithTheirStatus()
    {
        var page = await _app.GetPageAsync("/error/500", HttpStatusCode.InternalServerError);
        Assert.Equal("Something went wrong on our side", page.QuerySelector("h1")?.TextContent);
        await _app.GetPageAsync("/a/b/c/d", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PagesSendASecurityPolicyThatForbidsInlineCode()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/insights");

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
