using System.Text.Json;
using Folio.Features.Federation;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>A story's labels in its Article: a content warning as Mastodon reads one, AI making as a hashtag.</summary>
public sealed class ArticleLabelTests : IDisposable
{
    private readonly RemoteInbox _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task AWarnedStorysArticleIsSensitiveWithItsWarningsAsTheSummary()
    {
        using var app = new FolioApp();
        var community = await app.Data.CommunityAsync("rivers");
        var maya = await app.Data.PersonAsync("maya");
        var warned = await app.Data.StoryAsync(community, maya, "The Long War", tags: ["History"], subtitle: "What the river saw");
        var plain = await app.Data.StoryAsync(community, maya, "A Quiet Garden", subtitle: "Peas <and> beans");
        await app.LabelAsync(warned, StoryMaking.AiGenerated, ContentWarnings.Violence | ContentWarnings.SelfHarm, "Grief & loss");

        var article = await app.ActivityAsync($"/ap/stories/{warned.Id}");
        var unlabelled = await app.ActivityAsync($"/ap/stories/{plain.Id}");

        Assert.True(article.GetProperty("sensitive").GetBoolean());
        Assert.Equal("Content warning: Violence, Self-harm; Grief &amp; loss.", article.Text("summary"));
        var context = article.GetProperty("@context").EnumerateArray().ToList();
        Assert.Equal("https://www.w3.org/ns/activitystreams", context[0].GetString());
        Assert.Equal("as:sensitive", context[1].GetProperty("sensitive").GetString());
        Assert.Equal(["#AIGenerated", "#History"], article.GetProperty("tag").EnumerateArray().Select(t => t.Text("name")).Order(StringComparer.Ordinal));
        Assert.All(article.GetProperty("tag").EnumerateArray(), t => Assert.Equal("Hashtag", t.Text("type")));

        Assert.False(unlabelled.TryGetProperty("sensitive", out _));
        Assert.Equal("Peas &lt;and&gt; beans", unlabelled.Text("summary"));
        Assert.Equal(JsonValueKind.String, unlabelled.GetProperty("@context").ValueKind);
        Assert.Empty(unlabelled.GetProperty("tag").EnumerateArray());
    }

    [Fact]
    public async Task AnAiAssistedStoryIsTaggedAndNotSensitive()
    {
        using var app = new FolioApp();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync(), "Edited With Help", subtitle: "A subtitle");
        await app.LabelAsync(story, StoryMaking.AiAssistedEditing);

        var article = await app.ActivityAsync($"/ap/stories/{story.Id}");

        Assert.False(article.TryGetProperty("sensitive", out _));
        Assert.Equal("A subtitle", article.Text("summary"));
        Assert.Equal("#AIAssisted", Assert.Single(article.GetProperty("tag").EnumerateArray()).Text("name"));
    }

    [Fact]
    public async Task AWarningAddedToALiveStoryReachesFollowersAsAnUpdateThatDefinesSensitive()
    {
        using var app = InboxTestKit.App();
        await app.PauseFederationAsync();
        var (maya, community) = (await app.Data.PersonAsync(), await app.Data.CommunityAsync());
        await app.RemoteFollowerAsync(maya, _server.Url("/users/ana"));
        var story = await app.Data.StoryAsync(community, maya, title: "First light");
        await app.FanOutDueAsync();

        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Stories.SingleAsync(s => s.Id == story.Id);
            tracked.Warnings = ContentWarnings.Spoilers;
            await db.SaveChangesAsync();
        });
        await app.FanOutDueAsync();
        await app.DeliverDueAsync();

        var update = Assert.Single(_server.Received, r => r.Json.GetProperty("type").GetString() == "Update").Json;
        Assert.Equal("as:sensitive", update.GetProperty("@context")[1].GetProperty("sensitive").GetString());
        var article = update.GetProperty("object");
        Assert.False(article.TryGetProperty("@context", out _));
        Assert.True(article.GetProperty("sensitive").GetBoolean());
        Assert.Equal("Content warning: Spoilers.", article.Text("summary"));
        var create = Assert.Single(_server.Received, r => r.Json.GetProperty("type").GetString() == "Create").Json;
        Assert.Equal(ActivityStreams.Context, create.GetProperty("@context").GetString());
    }

    [Fact]
    public async Task AWarnedStorysCreateInTheOutboxCarriesTheSensitiveTerm()
    {
        using var app = new FolioApp();
        var maya = await app.Data.PersonAsync("maya");
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), maya, "The Long War");
        await app.LabelAsync(story, StoryMaking.WrittenByAPerson, ContentWarnings.Violence);

        var page = await app.ActivityAsync($"/ap/people/{maya.Id}/outbox?page=true");

        var create = Assert.Single(page.GetProperty("orderedItems").EnumerateArray());
        Assert.Equal("as:sensitive", create.GetProperty("@context")[1].GetProperty("sensitive").GetString());
        Assert.True(create.GetProperty("object").GetProperty("sensitive").GetBoolean());
        Assert.False(create.GetProperty("object").TryGetProperty("@context", out _));
    }
}
