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

    [Fact]
    public async Task AnIndexMissingStoriesAcrossManyBatchesIsCompletedAndLosesWhatIsNoLongerPublished()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Search:RebuildBatch"] = "2" });
        var community = await app.Data.CommunityAsync();
        var author = await app.Data.PersonAsync();
        var withdrawn = await app.Data.StoryAsync(community, author, "Marsh Lanterns");
        var drafts = new List<int>();
        foreach (var title in new[] { "Marsh Birds", "Marsh Paths", "Marsh Tides", "Marsh Reeds", "Marsh Fog" })
        {
            drafts.Add((await app.Data.StoryAsync(community, author, title, status: StoryStatus.Draft)).Id);
            await app.Data.StoryAsync(community, author, $"Orchard Walk {drafts.Count}"); // indexed, between the missing ones
        }

        // Behind the save pipeline's back: five stories published without index entries, one withdrawn keeping its entry.
        await app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => drafts.Contains(s.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StoryStatus.Published).SetProperty(x => x.PublishedAt, app.Clock.UtcNow));
            await db.Stories.Where(s => s.Id == withdrawn.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StoryStatus.Unpublished));
        });
        Assert.Empty(await app.TitlesFoundAsync("marsh"));
        Assert.Equal(6, await IndexEntriesAsync(app));

        await EnsureBuiltAsync(app);

        Assert.Equal(["Marsh Birds", "Marsh Fog", "Marsh Paths", "Marsh Reeds", "Marsh Tides"], (await app.TitlesFoundAsync("marsh")).Order());
        Assert.Equal(5, (await app.TitlesFoundAsync("orchard")).Count);
        Assert.Equal(10, await IndexEntriesAsync(app));
    }

    private Task EnsureBuiltAsync() => EnsureBuiltAsync(_app);

    private static Task<int> IndexEntriesAsync(FolioApp app) =>
        app.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"StorySearch\"").SingleAsync());

    private static async Task EnsureBuiltAsync(FolioApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().EnsureBuiltAsync(scope.ServiceProvider.GetRequiredService<Folio.Data.FolioDb>());
    }
}
