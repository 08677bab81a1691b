using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Folio.Features.Creators;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Federation;

/// <summary>WebFinger, host-meta and NodeInfo: how another server finds Folio's creators and communities.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpResponseMessage Response, JsonElement Json)> FingerAsync(string resource)
    {
        using var client = _app.NewBrowser();
        var response = await client.GetAsync($"/.well-known/webfinger?resource={Uri.EscapeDataString(resource)}");
        var text = await response.Content.ReadAsStringAsync();
        return (response, response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static string Self(JsonElement jrd) =>
        jrd.GetProperty("links").EnumerateArray().Single(l => l.Text("rel") == "self").Text("href");

    [Fact]
    public async Task ACreatorsHandleFindsTheirPersonWhoseUsernameMakesTheSameHandle()
    {
        var maya = await _app.Data.PersonAsync("Maya");

        var (response, jrd) = await FingerAsync("acct:maya@localhost");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jrd+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("acct:Maya@localhost", jrd.Text("subject"));
        var self = jrd.GetProperty("links").EnumerateArray().Single(l => l.Text("rel") == "self");
        Assert.Equal("application/activity+json", self.Text("type"));
        Assert.Equal($"http://localhost/ap/people/{maya.Id}", self.Text("href"));
        var profile = jrd.GetProperty("links").EnumerateArray().Single(l => l.Text("rel") == "http://webfinger.net/rel/profile-page");
        Assert.Equal("text/html", profile.Text("type"));
        Assert.Equal("http://localhost/authors/Maya", profile.Text("href"));
        Assert.Equal(["http://localhost/authors/Maya", self.Text("href")], jrd.Strings("aliases"));

        var person = await _app.ActivityAsync(ActivityPubCalls.PathOf(self.Text("href")));
        Assert.Equal(jrd.Text("subject"), $"acct:{person.Text("preferredUsername")}@localhost");
    }

    [Fact]
    public async Task ACommunitysHandleFindsItsGroupWhoseSlugMakesTheSameHandle()
    {
        var community = await _app.Data.CommunityAsync("rivers");

        var (response, jrd) = await FingerAsync("acct:Rivers@LOCALHOST");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acct:rivers@localhost", jrd.Text("subject"));
        Assert.Equal($"http://localhost/ap/communities/{community.Id}", Self(jrd));
        var group = await _app.ActivityAsync(ActivityPubCalls.PathOf(Self(jrd)));
        Assert.Equal("Group", group.Text("type"));
        Assert.Equal(jrd.Text("subject"), $"acct:{group.Text("preferredUsername")}@localhost");
    }

    [Fact]
    public async Task AnActorsIdOrPageFindsItsHandle()
    {
        var maya = await _app.Data.PersonAsync("maya");
        var community = await _app.Data.CommunityAsync("tides");

        foreach (var (resource, subject) in new[]
        {
            ($"http://localhost/ap/people/{maya.Id}", "acct:maya@localhost"),
            ("http://localhost/authors/maya", "acct:maya@localhost"),
            ($"http://localhost/ap/communities/{community.Id}", "acct:tides@localhost"),
            ("http://localhost/tides", "acct:tides@localhost"),
            ("http://localhost/ap/actor", "acct:localhost@localhost"),
        })
        {
            var (response, jrd) = await FingerAsync(resource);
            Assert.True(response.StatusCode == HttpStatusCode.OK, resource);
            Assert.Equal(subject, jrd.Text("subject"));
        }
    }

    [Fact]
    public async Task AnOldUsernameAnswersWithTheNewHandle()
    {
        var maya = await _app.Data.PersonAsync("maya-new");
        await _app.WithDbAsync(db =>
        {
            db.UsernameRedirects.Add(new UsernameRedirect { NormalizedOldUserName = "MAYA-OLD", UserId = maya.Id, ChangedAt = _app.Clock.UtcNow });
            return db.SaveChangesAsync();
        });

        var (_, jrd) = await FingerAsync("acct:maya-old@localhost");

        Assert.Equal("acct:maya-new@localhost", jrd.Text("subject"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acct:nobody")]
    [InlineData("acct:@localhost")]
    [InlineData("not a uri")]
    public async Task AMissingOrUnreadableResourceIsA400Problem(string? resource)
    {
        using var client = _app.NewBrowser();

        var response = await client.GetAsync(resource is null ? "/.well-known/webfinger" : $"/.well-known/webfinger?resource={Uri.EscapeDataString(resource)}");

        await response.ReadProblemAsync(400);
    }

    [Theory]
    [InlineData("acct:nobody@localhost")]
    [InlineData("acct:maya@elsewhere.example")]
    [InlineData("https://elsewhere.example/authors/maya")]
    [InlineData("http://localhost/ap/people/no-such-id")]
    [InlineData("http://localhost/explore/deeper/still")]
    public async Task AnUnknownNameOrAnotherHostIsA404Problem(string resource)
    {
        await _app.Data.PersonAsync("maya");
        using var client = _app.NewBrowser();

        var response = await client.GetAsync($"/.well-known/webfinger?resource={Uri.EscapeDataString(resource)}");

        await response.ReadProblemAsync(404);
    }

    [Fact]
    public async Task HostMetaPointsAtWebFinger()
    {
        using var client = _app.NewBrowser();

        var response = await client.GetAsync("/.well-known/host-meta");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xrd+xml", response.Content.Headers.ContentType?.MediaType);
        var xrd = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://docs.oasis-open.org/ns/xri/xrd-1.0";
        var link = Assert.Single(xrd.Root!.Elements(ns + "Link"));
        Assert.Equal("lrdd", link.Attribute("rel")?.Value);
        Assert.Equal("http://localhost/.well-known/webfinger?resource={uri}", link.Attribute("template")?.Value);
    }

    [Fact]
    public async Task NodeInfoSaysWhatFolioIsAndCountsPublishedStories()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        await _app.Data.PersonAsync();
        await _app.Data.StoryAsync(community, author);
        using var client = _app.NewBrowser();

        var links = JsonDocument.Parse(await client.GetStringAsync("/.well-known/nodeinfo")).RootElement;
        var link = Assert.Single(links.GetProperty("links").EnumerateArray().ToList());
        Assert.Equal("http://nodeinfo.diaspora.software/ns/schema/2.1", link.Text("rel"));
        Assert.Equal("http://localhost/nodeinfo/2.1", link.Text("href"));
        var before = await NodeInfoAsync(client);

        Assert.Equal("2.1", before.Text("version"));
        Assert.Equal("folio", before.GetProperty("software").Text("name"));
        Assert.False(string.IsNullOrEmpty(before.GetProperty("software").Text("version")));
        Assert.Equal(["activitypub"], before.Strings("protocols"));
        Assert.True(before.GetProperty("openRegistrations").GetBoolean());
        var usage = before.GetProperty("usage");
        Assert.Equal(2, usage.GetProperty("users").GetProperty("total").GetInt32());
        Assert.Equal(1, usage.GetProperty("users").GetProperty("activeMonth").GetInt32());
        Assert.Equal(1, usage.GetProperty("users").GetProperty("activeHalfyear").GetInt32());
        Assert.Equal(1, usage.GetProperty("localPosts").GetInt32());

        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());
        await _app.Data.StoryAsync(community, author, status: Folio.Features.Stories.StoryStatus.Draft);
        _app.Clock.Now += Folio.Features.Federation.Discovery.NodeInfo.Lifetime + TimeSpan.FromSeconds(1);
        var after = (await NodeInfoAsync(client)).GetProperty("usage");

        Assert.Equal(2, after.GetProperty("localPosts").GetInt32());
        Assert.Equal(3, after.GetProperty("users").GetProperty("total").GetInt32());
        Assert.Equal(2, after.GetProperty("users").GetProperty("activeMonth").GetInt32());
    }

    private static async Task<JsonElement> NodeInfoAsync(HttpClient client)
    {
        var response = await client.GetAsync("/nodeinfo/2.1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
