using Folio.Features.Search;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Search;

/// <summary>Start-up rebuilds the index when it does not hold exactly the published stories (changed behind Folio's back).</summary>
public sealed class SearchIndexRepairTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnIndexWithAsManyEntriesButNotTheSameStoriesIsRebuilt()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var indexed = await _app.Data.StoryAsync(community, author, "Heron Mornings");
        var draft = await _app.Data.StoryAsync(community, author, "Kingfisher Evenings", status: StoryStatus.Draft);
        // Bulk updates bypass the save pipeline, and so the index: one story leaves, another arrives, the count stays.
        await _app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => s.Id == indexed.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StoryStatus.Unpublished));
            await db.Stories.Where(s => s.Id == draft.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StoryStatus.Published).SetProperty(x => x.PublishedAt, _app.Clock.UtcNow));
        });
        Assert.Empty(await _app.TitlesFoundAsync("kingfisher"));

        await EnsureBuiltAsync();

        Assert.Equal(["Kingfisher Evenings"], await _app.TitlesFoundAsync("kingfisher"));
    }

    [Fact]
    public async Task AnIndexMissingAStoryIsRebuilt()
    {
        var community = await _app.Data.CommunityAsync();
        var draft = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Otter Tracks", status: StoryStatus.Draft);
        await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == draft.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, StoryStatus.Published).SetProperty(x => x.PublishedAt, _app.Clock.UtcNow)));
        Assert.Empty(await _app.TitlesFoundAsync("otter"));

        await EnsureBuiltAsync();

        Assert.Equal(["Otter Tracks"], await _app.TitlesFoundAsync("otter"));
    }

    private async Task EnsureBuiltAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(scope.ServiceProvider.GetRequiredService<Folio.Data.FolioDb>());
    }
}
