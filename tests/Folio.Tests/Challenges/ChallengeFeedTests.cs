using System.Xml.Linq;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Challenges;

public sealed class ChallengeFeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheFeedListsChallengesNewestFirstAsAtom()
    {
        var now = _app.Clock.UtcNow;
        await _app.ChallengeAsync(now.AddDays(1), now.AddDays(20), title: "Older Challenge");
        _app.Clock.Now = _app.Clock.Now.AddHours(1);
        await _app.ChallengeAsync(now.AddDays(2), now.AddDays(30), title: "Newer Challenge");
        using var browser = _app.NewBrowser();

        var response = await browser.GetAsync("/challenges/feed");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(["Newer Challenge", "Older Challenge"], entries.Select(e => e.Element(Atom + "title")?.Value));
        Assert.EndsWith("/challenges/newer-challenge", entries[0].Element(Atom + "link")?.Attribute("href")?.Value);
        Assert.Contains("the sea", entries[0].Element(Atom + "content")?.Value);
        Assert.Equal("Challenges", feed.Root.Element(Atom + "title")?.Value);
    }
}
