using System.Net;
using Folio.Features.Federation;
using Folio.Tests.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class RemoteFollowerApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACreatorPagesThroughTheirOwnRemoteFollowersNewestFirstAndNobodyElses()
    {
        using var api = await _app.ApiClientForAsync(Persona.Creator);
        var other = await _app.Data.PersonAsync();
        foreach (var (name, minutes) in new[] { ("ana", 3), ("bob", 2), ("cy", 1) })
        {
            var id = await _app.RemoteFollowerAsync(api.User!, $"https://mastodon.example/users/{name}");
            await _app.WithDbAsync(db => db.RemoteFollowers.Where(f => f.Id == id).ExecuteUpdateAsync(set => set.SetProperty(f => f.CreatedAt, DateTime.UtcNow.AddMinutes(-minutes))));
        }

        await _app.RemoteFollowerAsync(other, "https://mastodon.example/users/dee");
        await _app.RemoteFollowerAsync(ActorKind.Group, "1", "https://mastodon.example/users/eve");

        var first = await (await api.GetAsync("/api/v1/me/remote-followers?limit=2")).ReadJsonAsync();
        var second = await (await api.GetAsync($"/api/v1/me/remote-followers?limit=2&cursor={first.GetProperty("next").GetString()}")).ReadJsonAsync();

        string[] Actors(System.Text.Json.JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actorUrl").GetString()!)];
        Assert.Equal(["https://mastodon.example/users/cy", "https://mastodon.example/users/bob"], Actors(first));
        Assert.Equal(["https://mastodon.example/users/ana"], Actors(second));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var item = second.GetProperty("items")[0];
        Assert.Equal(("mastodon.example", "@?@mastodon.example"), (item.GetProperty("server").GetString(), item.GetProperty("handle").GetString()));

        var bad = await api.GetAsync("/api/v1/me/remote-followers?cursor=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using var anonymous = await _app.ApiClientForAsync(Persona.Anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me/remote-followers")).StatusCode);

        var paths = (await (await api.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me/remote-followers", out _));
    }

    [Fact]
    public async Task ModeratorsReadACommunitysRemoteFollowersAndOthersMayNot()
    {
        var earth = await _app.Data.CommunityAsync();
        await _app.RemoteFollowerAsync(ActorKind.Group, earth.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "https://mastodon.example/users/ana");
        await _app.RemoteFollowerAsync(await _app.Data.PersonAsync(), "https://mastodon.example/users/bob");
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);
        using var creator = await _app.ApiClientForAsync(Persona.Creator);

        var page = await (await moderator.GetAsync($"/api/v1/communities/{earth.Slug.ToUpperInvariant()}/remote-followers")).ReadJsonAsync();

        Assert.Equal(["https://mastodon.example/users/ana"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("actorUrl").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await creator.GetAsync($"/api/v1/communities/{earth.Slug}/remote-followers")).StatusCode);
        var missing = await moderator.GetAsync("/api/v1/communities/no-such-place/remote-followers");
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.GetAsync($"/api/v1/communities/{earth.Slug}/remote-followers?limit=0")).StatusCode);
    }
}
