using System.Xml.Linq;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;

namespace Folio.Tests.Feeds;

/// <summary>Labels in RSS and Atom: categories in Folio's label schemes beside the tags, and the warning before the subtitle.</summary>
public sealed class FeedLabelTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<XDocument> FeedAsync(string url)
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren");
        var story = await _app.Data.StoryAsync(community, author, "The Weir", tags: ["Rivers"], subtitle: "What the water keeps");
        await _app.LabelAsync(story, StoryMaking.AiGenerated, ContentWarnings.Violence | ContentWarnings.StrongLanguage, "A drowning");
        return XDocument.Parse(await _app.CreateClient().GetStringAsync(url));
    }

    [Fact]
    public async Task RssItemsCarryAWarningCategoryPerWarningAndOneForAiMakingInFoliosDomains()
    {
        var feed = await FeedAsync("/feed.xml");

        var item = feed.Descendants("item").Single();
        var categories = item.Elements("category").Select(c => (c.Value, (string?)c.Attribute("domain"))).ToList();
        Assert.Equal(
        [
            ("Rivers", null),
            ("ai-generated", "http://localhost/labels/making"),
            ("violence", "http://localhost/labels/warnings"),
            ("strong-language", "http://localhost/labels/warnings"),
        ], categories);
        Assert.Equal("Content warning: Violence, Strong language; A drowning. What the water keeps", item.Element("description")!.Value);
    }

    [Fact]
    public async Task AtomEntriesCarryLabelCategoriesWithSchemeAndReadableLabel()
    {
        var feed = await FeedAsync("/rivers/feed.atom");

        var entry = feed.Descendants(Atom + "entry").Single();
        var categories = entry.Elements(Atom + "category")
            .Select(c => ((string?)c.Attribute("term"), (string?)c.Attribute("scheme"), (string?)c.Attribute("label"))).ToList();
        Assert.Contains(("ai-generated", "http://localhost/labels/making", "AI-generated"), categories);
        Assert.Contains(("violence", "http://localhost/labels/warnings", "Violence"), categories);
        Assert.Contains(("strong-language", "http://localhost/labels/warnings", "Strong language"), categories);
        Assert.Contains(("Rivers", null, null), categories);
        Assert.StartsWith("Content warning: Violence, Strong language; A drowning.", entry.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public async Task AStoryWrittenByAPersonWithoutWarningsHasOnlyItsTags()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Plain", tags: ["Rivers"], subtitle: "Just a story");

        var feed = XDocument.Parse(await _app.CreateClient().GetStringAsync("/feed.xml"));

        var item = feed.Descendants("item").Single();
        Assert.Equal(["Rivers"], item.Elements("category").Select(c => c.Value));
        Assert.Equal("Just a story", item.Element("description")!.Value);
    }
}
