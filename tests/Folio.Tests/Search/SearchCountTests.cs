using Folio.Tests.Infrastructure;

namespace Folio.Tests.Search;

/// <summary>A search counts and ranks only so many matches, newest first, and says so honestly.</summary>
public sealed class SearchCountTests : IDisposable
{
    private const int MostCounted = 5;

    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Search:MostCounted"] = $"{MostCounted}" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MoreMatchesThanCountedSaysMoreThanAndRanksTheNewest()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "Oldest Heron", publishedAt: _app.Clock.UtcNow.AddDays(-30));
        for (var i = 1; i <= MostCounted; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Pool {i}", $"A heron stood in pool {i}.", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        var page = await _app.SearchAsync("heron");

        Assert.Contains($"More than {MostCounted} results for “heron”", page.QuerySelector(".search-summary")?.TextContent);
        var titles = page.QuerySelectorAll(".search-result .story-card__title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(MostCounted, titles.Count);
        Assert.DoesNotContain("Oldest Heron", titles);
    }

    [Fact]
    public async Task AsManyMatchesAsCountedAreCountedExactlyAndRankedByTitleFirst()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, "The Heron", "Nothing else.", publishedAt: _app.Clock.UtcNow.AddDays(-30));
        for (var i = 1; i < MostCounted; i++)
        {
            await _app.Data.StoryAsync(community, author, $"Pool {i}", $"A heron stood in pool {i}.", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        var page = await _app.SearchAsync("heron");

        Assert.Contains($"{MostCounted} results for “heron”", page.QuerySelector(".search-summary")?.TextContent);
        Assert.DoesNotContain("More than", page.QuerySelector(".search-summary")?.TextContent);
        Assert.Equal("The Heron", page.QuerySelector(".search-result .story-card__title")?.TextContent.Trim());
    }
}
