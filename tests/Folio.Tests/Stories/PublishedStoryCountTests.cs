using Folio.Data;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Settings;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Folio.Shared;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Folio.Tests.Api.StoryApiCalls;

namespace Folio.Tests.Stories;

/// <summary>Tags and communities keep their count of published stories in a column; every way a story changes keeps it true.</summary>
public sealed class PublishedStoryCountTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task PublishingRetaggingUnpublishingAndDeletingKeepTheCounts()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        await _app.Data.CommunityAsync("water", "Water");
        using var author = await _app.ApiClientForAsync(Persona.Trusted);

        var first = (await author.CreateStoryAsync(NewStory("earth", "First Published", status: "published"))).GetProperty("id").GetInt32();
        await author.CreateStoryAsync(NewStory("earth", "Only A Draft"));
        var second = (await author.CreateStoryAsync(NewStory("water", "Second Published", status: "published"))).GetProperty("id").GetInt32();
        Assert.Equal((1, 1), (await CommunityCountAsync(author, "earth"), await CommunityCountAsync(author, "water")));
        Assert.Equal(new Dictionary<string, int> { ["climate"] = 2, ["nature"] = 2 }, await TagCountsAsync());

        await (await author.PatchJsonAsync($"/api/v1/stories/{first}", new { tags = new[] { "Ice", "Climate" } })).ReadOkAsync();
        Assert.Equal(new Dictionary<string, int> { ["climate"] = 2, ["ice"] = 1, ["nature"] = 1 }, await TagCountsAsync());

        await (await author.PatchJsonAsync($"/api/v1/stories/{second}", new { status = "unpublished" })).ReadOkAsync();
        Assert.Equal(0, await CommunityCountAsync(author, "water"));
        Assert.Equal(new Dictionary<string, int> { ["climate"] = 1, ["ice"] = 1, ["nature"] = 0 }, await TagCountsAsync());

        await author.DeleteAsync($"/api/v1/stories/{first}");
        Assert.Equal(0, await CommunityCountAsync(author, "earth"));
        Assert.Equal(new Dictionary<string, int> { ["climate"] = 0, ["ice"] = 0, ["nature"] = 0 }, await TagCountsAsync());
    }

    [Fact]
    public async Task DeletingAnAccountWithItsStoriesTakesThemOutOfTheCounts()
    {
        var community = await _app.Data.CommunityAsync("fire", "Fire");
        var leaving = await _app.Data.PersonAsync();
        var staying = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, leaving, tags: ["Embers"]);
        await _app.Data.StoryAsync(community, staying, tags: ["Embers"]);
        Assert.Equal(new Dictionary<string, int> { ["embers"] = 2 }, await TagCountsAsync());

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(leaving, StoriesOnDeletion.Delete, CancellationToken.None);
        }

        Assert.Equal(new Dictionary<string, int> { ["embers"] = 1 }, await TagCountsAsync());
        Assert.Equal(1, await _app.WithDbAsync(db => db.Communities.Where(c => c.Slug == "fire").Select(c => c.StoryCount).SingleAsync()));
    }

    [Fact]
    public async Task AnImportedBatchAddsEachPublishedStoryOnceToItsTagsAndCommunity()
    {
        var community = await _app.Data.CommunityAsync("wind", "Wind");
        var author = await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author, tags: ["Gales"]);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FolioDb>();
            var gales = await db.Tags.SingleAsync(t => t.Slug == "gales");
            var breezes = new Tag { Name = "Breezes", Slug = "breezes" };
            var batch = Enumerable.Range(1, 3).Select(i => ImportedStory(community, author, $"Imported {i}", [gales, breezes], published: true)).ToList();
            batch.Add(ImportedStory(community, author, "Imported draft", [gales, breezes], published: false));
            await scope.ServiceProvider.GetRequiredService<StoryWorkflow>().ImportAsync(batch, CancellationToken.None);
        }

        Assert.Equal(new Dictionary<string, int> { ["breezes"] = 3, ["gales"] = 4 }, await TagCountsAsync());
        Assert.Equal(4, await _app.WithDbAsync(db => db.Communities.Where(c => c.Slug == "wind").Select(c => c.StoryCount).SingleAsync()));
    }

    private static Story ImportedStory(Community community, FolioUser author, string title, List<Tag> tags, bool published)
    {
        var story = new Story
        {
            CommunityId = community.Id,
            AuthorId = author.Id,
            Title = title,
            Subtitle = "",
            Slug = Slug.From(title),
            ImportKey = "test:" + Slug.From(title),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Tags = tags,
        };
        story.SetBody("A short story, imported.", StoryRenderer.Render("A short story, imported."));
        if (published)
        {
            story.Publish(DateTime.UtcNow);
        }

        return story;
    }

    private static async Task<int> CommunityCountAsync(ApiClient api, string slug) =>
        (await (await api.GetAsync($"/api/v1/communities/{slug}")).ReadOkAsync()).GetProperty("storyCount").GetInt32();

    private Task<Dictionary<string, int>> TagCountsAsync() =>
        _app.WithDbAsync(db => db.Tags.ToDictionaryAsync(t => t.Slug, t => t.StoryCount));
}
