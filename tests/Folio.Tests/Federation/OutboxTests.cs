using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

/// <summary>An actor's outbox pages through its published stories, newest first, twenty at a time.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACreatorsOutboxPagesThroughTheirCreatesNewestFirstWithoutRepeats()
    {
        var community = await _app.Data.CommunityAsync();
        var maya = await _app.Data.PersonAsync();
        var stories = new List<int>();
        for (var n = 0; n < 25; n++)
        {
            // Two at each time, so the page boundary falls among stories published at the same moment.
            stories.Add((await _app.Data.StoryAsync(community, maya, publishedAt: _app.Clock.UtcNow.AddHours(-100 + n / 2))).Id);
        }

        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        await _app.Data.StoryAsync(community, maya, status: Folio.Features.Stories.StoryStatus.Draft);
        var outboxId = $"http://localhost/ap/people/{maya.Id}/outbox";

        var outbox = await _app.ActivityAsync($"/ap/people/{maya.Id}/outbox");
        Assert.Equal(outboxId, outbox.Text("id"));
        Assert.Equal("OrderedCollection", outbox.Text("type"));
        Assert.Equal(25, outbox.GetProperty("totalItems").GetInt32());
        var first = await _app.ActivityAsync(ActivityPubCalls.PathOf(outbox.Text("first")));
        var second = await _app.ActivityAsync(ActivityPubCalls.PathOf(first.Text("next")));

        Assert.Equal("OrderedCollectionPage", first.Text("type"));
        Assert.Equal(outboxId, first.Text("partOf"));
        Assert.Equal(outboxId, second.Text("partOf"));
        Assert.False(second.TryGetProperty("next", out _));
        var items = first.GetProperty("orderedItems").EnumerateArray().Concat(second.GetProperty("orderedItems").EnumerateArray()).ToList();
        Assert.Equal(20, first.GetProperty("orderedItems").GetArrayLength());
        var expected = stories.Select((id, n) => (id, n)).OrderByDescending(s => s.n / 2).ThenByDescending(s => s.id).Select(s => s.id).ToList();
        Assert.Equal(expected.Select(id => $"http://localhost/ap/activities/create/{id}"), items.Select(i => i.Text("id")));
        var create = items[0];
        Assert.Equal("Create", create.Text("type"));
        Assert.Equal($"http://localhost/ap/people/{maya.Id}", create.Text("actor"));
        Assert.Equal(["https://www.w3.org/ns/activitystreams#Public"], create.Strings("to"));
        var article = create.GetProperty("object");
        Assert.Equal("Article", article.Text("type"));
        Assert.Equal($"http://localhost/ap/stories/{expected[0]}", article.Text("id"));
        Assert.Equal(article.Strings("cc"), create.Strings("cc"));
        Assert.Equal(article.Text("published"), create.Text("published"));
    }

    [Fact]
    public async Task ACommunitysOutboxAnnouncesItsStories()
    {
        var community = await _app.Data.CommunityAsync();
        var older = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), publishedAt: _app.Clock.UtcNow.AddDays(-2));
        var newer = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), publishedAt: _app.Clock.UtcNow.AddDays(-1));
        var group = $"http://localhost/ap/communities/{community.Id}";

        var outbox = await _app.ActivityAsync($"/ap/communities/{community.Id}/outbox");
        var page = await _app.ActivityAsync(ActivityPubCalls.PathOf(outbox.Text("first")));

        Assert.Equal(2, outbox.GetProperty("totalItems").GetInt32());
        var items = page.GetProperty("orderedItems").EnumerateArray().ToList();
        Assert.Equal([$"http://localhost/ap/activities/announce/{newer.Id}", $"http://localhost/ap/activities/announce/{older.Id}"], items.Select(i => i.Text("id")));
        Assert.All(items, item => Assert.Equal("Announce", item.Text("type")));
        Assert.All(items, item => Assert.Equal(group, item.Text("actor")));
        Assert.Equal($"http://localhost/ap/stories/{newer.Id}", items[0].Text("object"));
        Assert.Equal([group + "/followers"], items[0].Strings("cc"));
    }

    [Fact]
    public async Task APageAfterAStoryNotInTheOutboxIsA404()
    {
        var community = await _app.Data.CommunityAsync();
        var maya = await _app.Data.PersonAsync();
        var someoneElses = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());

        await _app.NotFoundAsync($"/ap/people/{maya.Id}/outbox?page=true&before={someoneElses.Id}");
        await _app.NotFoundAsync($"/ap/people/{maya.Id}/outbox?page=true&before=abc");
    }
}
