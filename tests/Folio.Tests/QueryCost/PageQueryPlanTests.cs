using Folio.Tests.Infrastructure;
using Folio.Testing;

namespace Folio.Tests.QueryCost;

/// <summary>
/// The list query behind each page is served by the index meant for it, and no command a page runs reads every row
/// of Stories. The plans are those of the commands the page really ran, with their own parameters (see QueryPlans for
/// when statistics are used). A tag's page is checked on a rare tag: a common one is rightly
/// read from the newest stories down. One site serves every page.
/// </summary>
public sealed class PageQueryPlanTests : IDisposable
{
    // An index's name in either provider's plan; the stories' primary key is the rowid on SQLite.
    private static readonly (Persona Persona, string Url, string[] Index)[] Pages =
    [
        (Persona.Anonymous, "/", ["IX_Stories_Status_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/rivers", ["IX_Stories_CommunityId_Status_PublishedAt"]),
        (Persona.Anonymous, "/tags/topic-3", ["IX_StoryTags_TagsId_StoriesId"]),
        (Persona.Anonymous, "/authors/wren", ["COVERING INDEX IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/authors/wren?community=rivers", ["IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/top", ["COVERING INDEX IX_Stories_Status_TopStoryAt_Id_PublishedAt"]),
        (Persona.Anonymous, "/explore", ["IX_Stories_Status_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/feed.xml", ["IX_Stories_Status_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/rivers/feed.xml", ["IX_Stories_CommunityId_Status_PublishedAt"]),
        (Persona.Anonymous, "/tags/topic-3/feed.xml", ["IX_StoryTags_TagsId_StoriesId"]),
        (Persona.Anonymous, "/authors/wren/feed.xml", ["IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/api/v1/stories", ["IX_Stories_Status_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/rivers/the-weir", ["IX_Comments_StoryId_CreatedAt"]),
        (Persona.Anonymous, "/api/v1/stories/{story}/comments", ["IX_Comments_StoryId_CreatedAt"]),
        (Persona.Moderator, "/moderation", ["IX_Stories_Status_SubmittedAt"]),
        (Persona.Reader, "/notifications", ["IX_Notifications_RecipientId_ReadAt_CreatedAt"]),
        (Persona.Reader, "/saved", ["IX_SavedStories_UserId_SavedAt_StoryId"]),
        (Persona.Anonymous, "/sitemap.xml", ["COVERING INDEX IX_Stories_Status_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/sitemaps/authors-1.xml", ["IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/sitemaps/tags-1.xml", ["IX_Tags_StoryCount_Name", "IX_Tags_Slug"]),
        (Persona.Anonymous, "/sitemaps/stories-1.xml", ["COVERING INDEX IX_Stories_Status_Id_PublishedAt_UpdatedAt"]),
        (Persona.Anonymous, "/ap/people/{wren}/outbox", ["COVERING INDEX IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/ap/people/{wren}/outbox?page=true", ["IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/ap/people/{wren}/outbox?page=true&before={story}", ["IX_Stories_AuthorId_Status_PublishedAt_CommunityId"]),
        (Persona.Anonymous, "/ap/communities/{rivers}/outbox?page=true", ["IX_Stories_CommunityId_Status_PublishedAt"]),
    ];

    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Caching:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryListQueryUsesItsIndexAndNoPageScansAllStories()
    {
        var site = await GrowingSite.CreateAsync(_app);
        await site.GrowAsync(10);
        var problems = new List<string>();
        foreach (var (persona, url, index) in Pages)
        {
            using var client = await _app.ClientForAsync(persona);
            var commands = await _app.CommandsRunByAsync(client.Http, site.Resolve(url));
            var plans = new List<string>();
            foreach (var command in commands)
            {
                var plan = await QueryPlans.ExplainAsync(_app, command, statistics: false);
                if (QueryPlans.ScansAllStories(command, plan))
                {
                    problems.Add($"{url} scans all stories:\n{command.Sql}\n--\n{plan}");
                }

                plans.Add(await QueryPlans.ExplainAsync(_app, command, statistics: true));
            }

            // PostgreSQL's cost model picks among usable indexes by its statistics of a few dozen rows (a range of
            // ids over all 60 stories costs the same through any index), so there the check is the one above: with
            // sequential scans priced out, an index serves every read of Stories.
            if (!TestDatabase.IsPostgres
                && !plans.Any(plan => index.Any(name => plan.Contains(name, StringComparison.Ordinal))))
            {
                problems.Add($"{url} uses no {string.Join(" or ", index)}:\n{string.Join("\n=====\n", commands.Zip(plans, (c, p) => $"{c.Sql}\n--\n{p}"))}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n##########\n", problems));
    }

    /// <summary>
    /// "Read next" finds the stories sharing a tag from the story's tags (the join's tag index, then each story by its
    /// key), not by asking each of the community's stories for its tags: a story whose tags no other story has would
    /// otherwise read the whole community on every signed-in view. Checked on SQLite, with and without statistics;
    /// PostgreSQL picks among indexes by its statistics of a few rows, so there only the scan check applies.
    /// </summary>
    [Fact]
    public async Task ReadNextOfAStoryWhoseTagsNoOtherStoryHasDoesNotWalkTheCommunity()
    {
        var rivers = await _app.Data.CommunityAsync("rivers", "Rivers");
        var wren = await _app.Data.PersonAsync("wren");
        var reed = await _app.Data.PersonAsync("reed");
        await _app.Data.StoryAsync(rivers, wren, "Alone Here", tags: ["Rare Bird", "Odd One"]);
        for (var i = 1; i <= 40; i++)
        {
            await _app.Data.StoryAsync(rivers, i % 2 == 0 ? wren : reed, $"River story {i}", publishedAt: _app.Clock.UtcNow.AddMinutes(-i), tags: ["Water"]);
        }

        using var reader = await _app.ClientForAsync(Persona.Reader);
        var readingTags = (await _app.CommandsRunByAsync(reader.Http, "/rivers/alone-here"))
            .Where(c => c.Sql.Contains("\"StoryTags\"", StringComparison.Ordinal))
            .ToList();

        var problems = new List<string>();
        var plans = new List<string>();
        foreach (var command in readingTags)
        {
            foreach (var statistics in new[] { false, true })
            {
                var plan = await QueryPlans.ExplainAsync(_app, command, statistics);
                plans.Add(plan);
                if (QueryPlans.ScansAllStories(command, plan)
                    || plan.Contains("IX_Stories_CommunityId_Status_PublishedAt", StringComparison.Ordinal))
                {
                    problems.Add($"reads the community (statistics: {statistics}):\n{command.Sql}\n--\n{plan}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n##########\n", problems));
        if (!TestDatabase.IsPostgres)
        {
            Assert.Contains(plans, plan => plan.Contains("IX_StoryTags_TagsId_StoriesId (TagsId=?)", StringComparison.Ordinal));
        }
    }
}
