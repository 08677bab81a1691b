using System.Net;
using System.Text.Json;
using Folio.Features.Insights;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class InsightApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Story> StoryAsync(StoryStatus status = StoryStatus.Published) =>
        await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), await _app.Data.PersonAsync(), status: status);

    private static string Insights(Story story) => $"/api/v1/stories/{story.Id}/insights";

    private Task<int> GivenCountAsync() =>
        _app.WithDbAsync(async db => await db.ReaderInsights.CountAsync() + await db.ReaderImpressions.CountAsync());

    [Fact]
    public async Task AReadersInsightsAreCountedForEveryoneAndTheAuthorIsTold()
    {
        var story = await StoryAsync();
        await _app.Data.InsightsAsync(story, await _app.Data.PersonAsync(), InsightQuality.EyeOpening);
        using var reader = await _app.ApiClientForAsync(Persona.Reader);
        using var visitor = await _app.ApiClientForAsync(Persona.Anonymous);

        var given = await reader.PostJsonAsync(Insights(story), new { impression = "outstanding", qualities = new[] { "eye-opening", "excellent-storytelling" } });
        var seen = await (await visitor.GetAsync(Insights(story))).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var mine = (await given.ReadJsonAsync()).GetProperty("mine");
        Assert.Equal("outstanding", mine.GetProperty("impression").GetString());
        Assert.Equal(["excellent-storytelling", "eye-opening"], mine.GetProperty("qualities").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(2, seen.GetProperty("readers").GetInt32());
        Assert.Equal(1, seen.GetProperty("impressions").GetProperty("outstanding").GetInt32());
        Assert.Equal(0, seen.GetProperty("impressions").GetProperty("good-effort").GetInt32());
        var qualities = seen.GetProperty("qualities").EnumerateArray()
            .Select(q => (q.GetProperty("key").GetString(), q.GetProperty("name").GetString(), q.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("eye-opening", "Eye opening", 2), ("excellent-storytelling", "Excellent storytelling", 1)], qualities);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("mine").ValueKind);
        Assert.True(await _app.WithDbAsync(db => db.Notifications.AnyAsync(
            n => n.RecipientId == story.AuthorId && n.Kind == NotificationKind.InsightOnStory && n.ActorId == reader.User!.Id)));
    }

    [Fact]
    public async Task OneReadersInsightsSentManyTimesAtOnceAreKeptOnceNeverAnError()
    {
        var story = await StoryAsync();
        using var reader = await _app.ApiClientForAsync(Persona.Reader);

        for (var round = 0; round < 3; round++)
        {
            var qualities = round == 1 ? new[] { "masterful-proofreading" } : new[] { "eye-opening", "excellent-storytelling" };
            var sent = Enumerable.Range(0, 8).Select(_ => reader.PostJsonAsync(Insights(story), new { impression = "nice-work", qualities }));
            var statuses = (await Task.WhenAll(sent)).Select(r => (int)r.StatusCode).ToList();

            Assert.All(statuses, status => Assert.Equal(200, status));
            Assert.Equal(1 + qualities.Length, await GivenCountAsync());
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.Notifications.CountAsync(
            n => n.RecipientId == story.AuthorId && n.Kind == NotificationKind.InsightOnStory && n.ActorId == reader.User!.Id)));
    }

    [Fact]
    public async Task GivingAgainReplacesTheInsightsAndDeleteWithdrawsThem()
    {
        var story = await StoryAsync();
        using var reader = await _app.ApiClientForAsync(Persona.Reader);
        await reader.PostJsonAsync(Insights(story), new { impression = "good-effort", qualities = new[] { "eye-opening", "eye-opening" } });

        var changed = await (await reader.PostJsonAsync(Insights(story), new { impression = "nice-work", qualities = new[] { "masterful-proofreading" } })).ReadJsonAsync();
        var withdrawn = await reader.DeleteAsync(Insights(story));
        var after = await (await reader.GetAsync(Insights(story))).ReadJsonAsync();

        Assert.Equal(1, changed.GetProperty("readers").GetInt32());
        Assert.Equal((0, 1), (changed.GetProperty("impressions").GetProperty("good-effort").GetInt32(), changed.GetProperty("impressions").GetProperty("nice-work").GetInt32()));
        Assert.Equal("masterful-proofreading", Assert.Single(changed.GetProperty("qualities").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(0, after.GetProperty("readers").GetInt32());
        Assert.Empty(after.GetProperty("qualities").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("mine").ValueKind);
        Assert.Equal(0, await GivenCountAsync());
    }

    [Fact]
    public async Task UnknownKeysAreRefusedWithTheAllowedValues()
    {
        var story = await StoryAsync();
        using var reader = await _app.ApiClientForAsync(Persona.Reader);

        var unknown = await (await reader.PostJsonAsync(Insights(story), new { impression = "amazing", qualities = new[] { "eye-opening", "bogus", "EyeOpening" } }))
            .ReadProblemAsync(400);
        var missing = await (await reader.PostJsonAsync(Insights(story), new { qualities = new[] { "eye-opening" } })).ReadProblemAsync(400);
        var tooMany = await (await reader.PostJsonAsync(Insights(story), new { impression = "outstanding", qualities = Enumerable.Repeat("eye-opening", 10_000) }))
            .ReadProblemAsync(400);

        Assert.Contains("good-effort, nice-work, outstanding", Assert.Single(unknown.FieldErrors("impression")));
        Assert.Empty(unknown.FieldErrors("qualities[0]"));
        Assert.Contains("heartfelt-and-relatable", Assert.Single(unknown.FieldErrors("qualities[1]")));
        Assert.Contains("“EyeOpening” is not a quality", Assert.Single(unknown.FieldErrors("qualities[2]")));
        Assert.Contains("Choose your overall impression", Assert.Single(missing.FieldErrors("impression")));
        Assert.Contains("at most 8", Assert.Single(tooMany.FieldErrors("qualities")));
        Assert.Equal(0, await GivenCountAsync());
    }

    [Fact]
    public async Task CreatorsCannotGiveInsightsToTheirOwnStory()
    {
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), author.User!);

        var problem = await (await author.PostJsonAsync(Insights(story), new { impression = "outstanding" })).ReadProblemAsync(403);

        Assert.Contains("other readers", problem.GetProperty("detail").GetString());
        await (await author.DeleteAsync(Insights(story))).ReadProblemAsync(403);
        Assert.Equal(0, await GivenCountAsync());
    }

    [Fact]
    public async Task UnknownAndUnpublishedStoriesHaveNoInsights()
    {
        var draft = await StoryAsync(StoryStatus.Draft);
        using var reader = await _app.ApiClientForAsync(Persona.Reader);

        await (await reader.GetAsync(Insights(draft))).ReadProblemAsync(404);
        await (await reader.PostJsonAsync(Insights(draft), new { impression = "outstanding" })).ReadProblemAsync(404);
        await (await reader.DeleteAsync(Insights(draft))).ReadProblemAsync(404);
        await (await reader.GetAsync("/api/v1/stories/987654/insights")).ReadProblemAsync(404);
        Assert.Equal(0, await GivenCountAsync());
    }

    [Fact]
    public async Task GivingOrWithdrawingWithoutATokenIsUnauthorized()
    {
        var story = await StoryAsync();
        using var visitor = await _app.ApiClientForAsync(Persona.Anonymous);

        await (await visitor.PostJsonAsync(Insights(story), new { impression = "outstanding" })).ReadProblemAsync(401);
        await (await visitor.DeleteAsync(Insights(story))).ReadProblemAsync(401);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("""{"impression": 2}""")]
    [InlineData("""{"impression": "nice-work", "qualities": "eye-opening"}""")]
    [InlineData("""{"impression": "nice-work", "qualities": [1, 2]}""")]
    [InlineData("""{"impression": "nice-work", "hearts": 1}""")]
    public async Task UnreadableBodiesAreBadRequestProblems(string body)
    {
        var story = await StoryAsync();
        using var reader = await _app.ApiClientForAsync(Persona.Reader);

        await (await reader.SendRawAsync(HttpMethod.Post, Insights(story), body)).ReadProblemAsync(400);

        Assert.Equal(0, await GivenCountAsync());
    }
}
