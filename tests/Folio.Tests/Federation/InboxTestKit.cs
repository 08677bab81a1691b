using System.Text.Json;
using Folio.Features.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>What the inbox tests share: a Folio that may fetch from a loopback peer, its local ids, and what it stored.</summary>
public static class InboxTestKit
{
    public const string Origin = "http://localhost";
    public const string SharedInbox = Origin + "/ap/inbox";

    /// <summary>A Folio that talks to peers on loopback over plain http, which a real site refuses (PublicNetwork).</summary>
    public static FolioApp App(params (string Key, string Value)[] settings) => App(dataDirectory: null, settings);

    public static FolioApp App(string? dataDirectory, params (string Key, string Value)[] settings) => new(
        settings: new Dictionary<string, string?>(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Concat(LoopbackPeers)),
        dataDirectory: dataDirectory);

    public static readonly IReadOnlyDictionary<string, string?> LoopbackPeers = new Dictionary<string, string?>
    {
        ["Folio:Federation:AllowHttp"] = "true",
        ["Folio:Federation:AllowPrivateNetworks"] = "true",
    };

    public static string PersonId(string userId) => $"{Origin}/ap/people/{userId}";

    public static string GroupId(int communityId) => $"{Origin}/ap/communities/{communityId}";

    public static async Task<HttpResponseMessage> SendAsync(this FolioApp app, HttpRequestMessage request)
    {
        using var client = app.CreateClient();
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    public static Task<List<RemoteFollower>> FollowersAsync(this FolioApp app) =>
        app.WithDbAsync(db => db.RemoteFollowers.Include(f => f.RemoteActor).AsNoTracking().ToListAsync());

    public static JsonElement Json(this FederationDelivery delivery) => JsonDocument.Parse(delivery.Activity).RootElement;

    public static async Task AssertStatusAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{because}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
