using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Webhooks;
using Folio.Tests.Challenges;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

/// <summary>challenge.opened and challenge.closed from the minute pass, once each however often it runs; challenge.results from the lead judge.</summary>
public sealed class ChallengeWebhookTests : IDisposable
{
    private readonly FolioApp _app = WebhookSteps.NewApp();
    private readonly WebhookReceiver _receiver = new();

    public void Dispose()
    {
        _app.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task TheMinutePassAnnouncesOpeningAndClosingOnceEachEvenWhenItRunsTwiceAtOnce()
    {
        var community = await _app.Data.CommunityAsync("harbour", "The Harbour");
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.ChallengeOpened, WebhookEvents.ChallengeClosed]);
        var start = _app.Clock.Now;
        var challenge = await _app.ChallengeAsync(start.UtcDateTime.AddHours(1), start.UtcDateTime.AddHours(3), community, "Harbour Lights");

        await _app.RunChallengePassAsync();
        Assert.Empty(await _app.DeliveriesAsync());

        _app.Clock.Now = start.AddHours(1).AddMinutes(1);
        await Task.WhenAll(_app.RunChallengePassAsync(), _app.RunChallengePassAsync());
        await _app.RunChallengePassAsync();

        var opened = await _receiver.WaitForAsync(WebhookEvents.ChallengeOpened);
        Assert.True(opened.IsSignedWith(WebhookSteps.Secret));
        var data = opened.Data("challenge");
        Assert.Equal("harbour-lights", data.GetProperty("slug").GetString());
        Assert.Equal("Harbour Lights", data.GetProperty("title").GetString());
        Assert.Equal("https://stories.example.org/challenges/harbour-lights", data.GetProperty("url").GetString());
        Assert.Equal("harbour", data.GetProperty("community").GetProperty("slug").GetString());
        Assert.Equal("https://stories.example.org/harbour", data.GetProperty("community").GetProperty("url").GetString());
        Assert.Equal(challenge.OpensAt, data.GetProperty("opensAt").GetDateTime().ToUniversalTime());
        Assert.Equal(challenge.ClosesAt, data.GetProperty("closesAt").GetDateTime().ToUniversalTime());
        Assert.Equal("open", data.GetProperty("phase").GetString());

        _app.Clock.Now = start.AddHours(3).AddMinutes(1);
        await Task.WhenAll(_app.RunChallengePassAsync(), _app.RunChallengePassAsync());
        await _app.RunChallengePassAsync();

        var closed = await _receiver.WaitForAsync(WebhookEvents.ChallengeClosed);
        Assert.Equal("judging", closed.Data("challenge").GetProperty("phase").GetString());
        var deliveries = await _app.DeliveriesAsync();
        Assert.Equal([WebhookEvents.ChallengeOpened, WebhookEvents.ChallengeClosed], deliveries.Select(d => d.Event));
    }

    [Fact]
    public async Task AChallengeCreatedAlreadyOpenIsAnnouncedOpenedOnceAndASiteWideOneHasNoCommunity()
    {
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.ChallengeOpened, WebhookEvents.ChallengeClosed]);
        await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-1), _app.Clock.UtcNow.AddDays(7), title: "Fog Signals");

        await _app.RunChallengePassAsync();
        await _app.RunChallengePassAsync();

        var opened = await _receiver.WaitForAsync(WebhookEvents.ChallengeOpened);
        Assert.Equal("fog-signals", opened.Data("challenge").GetProperty("slug").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, opened.Data("challenge").GetProperty("community").ValueKind);
        Assert.Equal([WebhookEvents.ChallengeOpened], (await _app.DeliveriesAsync()).Select(d => d.Event));
    }

    [Fact]
    public async Task PublishingTheResultsDeliversChallengeResultsWithThePlacements()
    {
        var community = await _app.Data.CommunityAsync("harbour", "The Harbour");
        using var lead = await _app.ClientForAsync(Persona.Reader);
        var challenge = await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-10), _app.Clock.UtcNow.AddHours(-1), community, "Lamp Rooms",
            c => c.Judges = [new ChallengeJudge { UserId = lead.User!.Id, IsLead = true }]);
        var lamp = await _app.EntryAsync(challenge, community, "The Lamp Room");
        await _app.RunChallengePassAsync();
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.ChallengeResults]);
        var (entryId, criteria) = await _app.WithDbAsync(async db => (
            await db.ChallengeEntries.Where(e => e.StoryId == lamp.Id).Select(e => e.Id).SingleAsync(),
            await db.Set<ChallengeCriterion>().Where(c => c.ChallengeId == challenge.Id).Select(c => c.Id).ToListAsync()));
        var path = $"/challenges/{challenge.Slug}/judging";
        var scored = await lead.Http.PostFormAsync($"{path}/{entryId}", criteria.Select(c => new KeyValuePair<string, string>($"Scores[{c}]", "8")), $"{path}/{entryId}");
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);

        var published = await lead.Http.PostFormAsync($"{path}/results", [new("Picks[0].EntryId", entryId.ToString()), new("Picks[0].Note", "Quiet and exact.")], $"{path}/results");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var received = await _receiver.WaitForAsync(WebhookEvents.ChallengeResults);
        Assert.Equal("closed", received.Data("challenge").GetProperty("phase").GetString());
        var placement = Assert.Single(received.Data("placements").EnumerateArray());
        Assert.Equal("winner", placement.GetProperty("place").GetString());
        Assert.Equal("Quiet and exact.", placement.GetProperty("note").GetString());
        Assert.Equal(lamp.Id, placement.GetProperty("story").GetProperty("id").GetInt32());
        Assert.Equal("https://stories.example.org/harbour/the-lamp-room", placement.GetProperty("story").GetProperty("url").GetString());
        Assert.Equal("The Lamp Room", placement.GetProperty("story").GetProperty("title").GetString());
        Assert.Equal(lamp.AuthorId, await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == placement.GetProperty("author").GetProperty("username").GetString()).Select(u => u.Id).SingleAsync()));
        Assert.Single(await _app.DeliveriesAsync());
    }
}
