using Folio.Tests.Infrastructure;
using Folio.Tests.Reads;

namespace Folio.Tests.Caching;

/// <summary>Reads are counted per view even though every visitor gets the same cached page.</summary>
public sealed class CachedReadTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TwoReadersOfTheSameCachedPageEachGetTheirOwnTokenAndBothReadsCount()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        var url = $"/{community.Slug}/{story.Slug}";
        using var first = _app.Browser();
        using var second = _app.Browser();

        var firstToken = await first.ReadTokenAsync(url);
        var cached = await second.VisitAsync(url);
        var secondToken = await second.ReadTokenAsync(url);
        await first.PostReadAsync(story.Id, firstToken!);
        await second.PostReadAsync(story.Id, secondToken!);
        await second.PostReadAsync(story.Id, secondToken!);

        Assert.True(cached.FromCache);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(2, await _app.ReadsAsync(story));
    }
}
