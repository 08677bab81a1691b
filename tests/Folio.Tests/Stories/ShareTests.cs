using System.Net;
using AngleSharp.Html.Dom;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Stories;

/// <summary>The Share block at the end of a story (Features/Sharing) and /share/mastodon, which asks the reader's server.</summary>
public sealed class ShareTests : IDisposable
{
    private const string Title = "Rain & Rivers: 100% wet?";

    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(IHtmlDocument Page, string Canonical)> StoryPageAsync()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), Title);
        var page = await _app.GetPageAsync($"/rivers/{story.Slug}");
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.StartsWith("http", canonical);
        return (page, canonical);
    }

    private static string MastodonUrl(string canonical, string instance) =>
        $"/share/mastodon?url={Uri.EscapeDataString(canonical)}&text={Uri.EscapeDataString(Title)}&instance={Uri.EscapeDataString(instance)}";

    [Fact]
    public async Task ShareLinksCarryTheStorysEncodedCanonicalUrlAndTitleAndOpenInANewTab()
    {
        var (page, canonical) = await StoryPageAsync();
        var (url, title) = (Uri.EscapeDataString(canonical), Uri.EscapeDataString(Title));
        var text = Uri.EscapeDataString($"{Title} {canonical}");

        var share = page.QuerySelector("section.share")!;
        var links = share.QuerySelectorAll(".share__links a").ToDictionary(a => a.TextContent.Replace("Share on ", "").Replace("Share by ", "").Trim(), a => a);
        Assert.Equal($"https://bsky.app/intent/compose?text={text}", links["Bluesky"].GetAttribute("href"));
        Assert.Equal($"https://www.linkedin.com/sharing/share-offsite/?url={url}", links["LinkedIn"].GetAttribute("href"));
        Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={url}", links["Facebook"].GetAttribute("href"));
        Assert.Equal($"https://x.com/intent/post?url={url}&text={title}", links["X"].GetAttribute("href"));
        Assert.Equal($"mailto:?subject={title}&body={text}", links["Email"].GetAttribute("href"));
        Assert.Contains("%26", links["X"].GetAttribute("href"));
        foreach (var name in new[] { "Bluesky", "LinkedIn", "Facebook", "X" })
        {
            Assert.Equal("_blank", links[name].GetAttribute("target"));
            Assert.Equal("noopener noreferrer", links[name].GetAttribute("rel"));
        }

        var mastodon = share.QuerySelector("form[action='/share/mastodon']")!;
        Assert.Equal("get", mastodon.GetAttribute("method"));
        Assert.Equal(canonical, mastodon.QuerySelector("input[name=url]")?.GetAttribute("value"));
        Assert.Equal(Title, mastodon.QuerySelector("input[name=text]")?.GetAttribute("value"));
        Assert.Equal("Your Mastodon server", mastodon.QuerySelector("label[for=share-mastodon]")?.TextContent.Trim());
        Assert.Equal(canonical, share.QuerySelector("#share-link")?.GetAttribute("value"));
        Assert.NotNull(share.QuerySelector("button[data-share-copy][hidden]"));
        Assert.NotNull(share.QuerySelector("button[data-share-native][hidden]"));

        // Nothing of a network's on the page itself: no script, frame or image from anywhere else.
        Assert.Empty(page.QuerySelectorAll("iframe"));
        Assert.All(page.QuerySelectorAll("script[src], img[src]"), e => Assert.StartsWith("/", e.GetAttribute("src")));
    }

    [Fact]
    public async Task TheMastodonFormSendsTheReaderToTheSharePageOfTheirOwnServer()
    {
        var (_, canonical) = await StoryPageAsync();
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync(MastodonUrl(canonical, "  Mastodon.Social "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"https://mastodon.social/share?text={Uri.EscapeDataString($"{Title} {canonical}")}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnInternationalServerNameIsSentInItsAsciiForm()
    {
        var (_, canonical) = await StoryPageAsync();
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync(MastodonUrl(canonical, "bücher.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://xn--bcher-kva.example/share?text=", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnythingButAServerNameGetsTheFormAgainWithWhatWasTypedAndWhatToFix()
    {
        var (_, canonical) = await StoryPageAsync();
        using var browser = _app.NewBrowser();
        string[] refused =
        [
            "evil.example/x", "https://a", "https://mastodon.social", "a@b", "user@mastodon.social", "localhost:80", "mastodon.social:443",
            "localhost", "127.0.0.1", "[::1]", "//evil.example", "evil.example\\x", "evil..example", "-evil.example", "evil.example.",
            "evil.example?x=1", "evil.example#x", "ev il.example", "", "   ", new string('a', 250) + ".example",
        ];

        foreach (var typed in refused)
        {
            using var response = await browser.GetAsync(MastodonUrl(canonical, typed));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"“{typed}”: {(int)response.StatusCode} {response.Headers.Location}");
            Assert.Null(response.Headers.Location);
            var page = await response.ReadHtmlAsync();
            var input = page.QuerySelector("form input[name=instance]")!;
            Assert.Equal(typed, input.GetAttribute("value") ?? "");
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#share-mastodon-server-error")?.TextContent), $"“{typed}”: no message\n{html}");
            Assert.Equal(canonical, page.QuerySelector("form input[name=url]")?.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task AShareLinkForAnotherSiteIsRefused()
    {
        using var browser = _app.NewBrowser();

        foreach (var url in new[] { "https://evil.example/x", "", "javascript:alert(1)", "/rivers/the-weir" })
        {
            using var response = await browser.GetAsync($"/share/mastodon?url={Uri.EscapeDataString(url)}&text=Hi&instance=mastodon.social");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Contains("doesn’t point to a story on this site", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task ALinkFromAnotherSiteAsksTheReaderBeforeLeaving()
    {
        var (_, canonical) = await StoryPageAsync();
        using var browser = _app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, MastodonUrl(canonical, "mastodon.social"));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await response.ReadHtmlAsync();
        var onward = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Continue to mastodon.social");
        Assert.Equal($"https://mastodon.social/share?text={Uri.EscapeDataString($"{Title} {canonical}")}", onward.GetAttribute("href"));
    }

    [Fact]
    public async Task WithoutJavaScriptTheFormLeadsToALinkToTheServerSinceTheCspStopsAFormsRedirectElsewhere()
    {
        var (_, canonical) = await StoryPageAsync();
        using var browser = _app.NewBrowser();

        using var response = await browser.GetAsync(MastodonUrl(canonical, "mastodon.social") + "&confirm=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Continue to mastodon.social"
            && a.GetAttribute("href") == $"https://mastodon.social/share?text={Uri.EscapeDataString($"{Title} {canonical}")}");
    }

    [Fact]
    public async Task WithoutAServerTheFormIsShownToFillIn()
    {
        var (_, canonical) = await StoryPageAsync();

        var page = await _app.GetPageAsync($"/share/mastodon?url={Uri.EscapeDataString(canonical)}&text={Uri.EscapeDataString(Title)}");

        Assert.Equal("Share on Mastodon", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form input[name=instance]"));
        Assert.True(string.IsNullOrWhiteSpace(page.QuerySelector("#share-mastodon-server-error")?.TextContent));
    }
}
