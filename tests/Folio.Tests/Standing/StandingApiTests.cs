using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Standing;

/// <summary>The same account through a personal access token: 403 problem details with the reason, reading still open.</summary>
public sealed class StandingApiTests : IDisposable
{
    private readonly FolioApp _app = StandingCalls.RequiringConfirmedEmail();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(AccountState.Suspended, "suspended")]
    [InlineData(AccountState.Banned, "banned")]
    [InlineData(AccountState.Unconfirmed, "email-unconfirmed")]
    public async Task EveryWriteEndpointRefusesAnIssuedTokenAtOnceWithTheReason(AccountState state, string reason)
    {
        var (story, _) = await StandingCalls.StoryAsync(_app);
        using var api = await _app.ApiClientForAsync(Persona.Creator);
        var own = await _app.Data.CommentAsync(story, api.User!, "Mine");
        await _app.PutInAsync(api.User!, state);
        var comments = $"/api/v1/stories/{story.Id}/comments";

        var refused = new Dictionary<string, HttpResponseMessage>
        {
            ["comment"] = await api.PostJsonAsync(comments, new { body = "Buy now" }),
            ["delete comment"] = await api.DeleteAsync($"{comments}/{own.Id}"),
            ["insights"] = await api.PostJsonAsync($"/api/v1/stories/{story.Id}/insights", new { impression = "nice-work", qualities = Array.Empty<string>() }),
            ["withdraw insights"] = await api.DeleteAsync($"/api/v1/stories/{story.Id}/insights"),
            ["new story"] = await api.PostJsonAsync("/api/v1/stories", new { title = "Spam", body = "Spam", community = "x" }),
            ["change story"] = await api.PatchJsonAsync($"/api/v1/stories/{story.Id}", new { title = "Spam" }),
            ["delete story"] = await api.DeleteAsync($"/api/v1/stories/{story.Id}"),
            ["profile"] = await api.PatchJsonAsync("/api/v1/me", new { bio = "Buy now" }),
        };

        foreach (var (path, response) in refused)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: expected 403, got {(int)response.StatusCode}: {text}");
            var problem = await response.ReadProblemAsync(403);
            Assert.Equal(reason, problem.GetProperty("reason").GetString());
            Assert.Contains(StandingCalls.ExpectedWords(state), problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(comments)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/stories/{story.Id}")).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task ASuspensionThatEndedNoLongerRefusesAndSaysUntilWhenBefore()
    {
        var (story, _) = await StandingCalls.StoryAsync(_app);
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        await _app.PutInAsync(api.User!, AccountState.Suspended);
        var comments = $"/api/v1/stories/{story.Id}/comments";

        var problem = await (await api.PostJsonAsync(comments, new { body = "Hello" })).ReadProblemAsync(403);
        _app.Clock.Now = _app.Clock.Now.AddDays(4);
        var posted = await api.PostJsonAsync(comments, new { body = "Hello again" });

        Assert.True(problem.TryGetProperty("until", out _));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }

    [Fact]
    public async Task UnconfirmedAccountsActFreelyWhenTheSiteDoesNotRequireConfirmation()
    {
        using var app = new FolioApp();
        var story = await app.Data.StoryAsync(await app.Data.CommunityAsync(), await app.Data.PersonAsync());
        using var api = await app.ApiClientForAsync(Persona.Reader);

        var posted = await api.PostJsonAsync($"/api/v1/stories/{story.Id}/comments", new { body = "Hello" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }
}
