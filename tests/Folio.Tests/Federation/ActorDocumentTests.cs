using System.Security.Cryptography;
using System.Text.Json;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>The Person, Group and Application documents remote servers fetch, and the collections they name.</summary>
public sealed class ActorDocumentTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACreatorIsAPersonWithTheirProfileAndAKeyThatStaysTheSame()
    {
        var maya = await _app.Data.PersonAsync("maya", "Maya <Okafor>", bio: "Counts mayflies & rivers.\n\nWrites at night.");
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.Include(u => u.Links).SingleAsync(u => u.Id == maya.Id);
            user.Links.Add(new SocialLink { Label = "Website", Url = "https://example.org/maya?a=1&b=2" });
            await db.SaveChangesAsync();
        });
        var id = $"http://localhost/ap/people/{maya.Id}";

        var person = await _app.ActivityAsync($"/ap/people/{maya.Id}");

        Assert.Equal(ActivityStreamsContext, person.GetProperty("@context")[0].GetString());
        Assert.Equal("https://w3id.org/security/v1", person.GetProperty("@context")[1].GetString());
        var terms = person.GetProperty("@context")[2];
        Assert.Equal("as:manuallyApprovesFollowers", terms.Text("manuallyApprovesFollowers"));
        Assert.Equal("toot:discoverable", terms.Text("discoverable"));
        Assert.Equal("schema:PropertyValue", terms.Text("PropertyValue"));
        Assert.Equal("schema:value", terms.Text("value"));
        Assert.Equal(id, person.Text("id"));
        Assert.Equal("Person", person.Text("type"));
        Assert.Equal("maya", person.Text("preferredUsername"));
        Assert.Equal("Maya <Okafor>", person.Text("name"));
        Assert.Equal("<p>Counts mayflies &amp; rivers.</p><p>Writes at night.</p>", person.Text("summary"));
        Assert.Equal("http://localhost/authors/maya", person.Text("url"));
        Assert.Equal(maya.JoinedAt, person.GetProperty("published").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        var icon = person.GetProperty("icon");
        Assert.Equal("Image", icon.Text("type"));
        Assert.Equal("image/svg+xml", icon.Text("mediaType"));
        Assert.Equal("http://localhost/demo/avatars/maya.svg", icon.Text("url"));
        var link = Assert.Single(person.GetProperty("attachment").EnumerateArray().ToList());
        Assert.Equal("PropertyValue", link.Text("type"));
        Assert.Equal("Website", link.Text("name"));
        Assert.Equal("<a href=\"https://example.org/maya?a=1&amp;b=2\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">https://example.org/maya?a=1&amp;b=2</a>", link.Text("value"));
        Assert.Equal(id + "/inbox", person.Text("inbox"));
        Assert.Equal(id + "/outbox", person.Text("outbox"));
        Assert.Equal(id + "/followers", person.Text("followers"));
        Assert.Equal(id + "/following", person.Text("following"));
        Assert.Equal("http://localhost/ap/inbox", person.GetProperty("endpoints").Text("sharedInbox"));
        Assert.False(person.GetProperty("manuallyApprovesFollowers").GetBoolean());
        Assert.True(person.GetProperty("discoverable").GetBoolean());
        var key = person.GetProperty("publicKey");
        Assert.Equal(id + "#main-key", key.Text("id"));
        Assert.Equal(id, key.Text("owner"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.Text("publicKeyPem"));
        Assert.Equal(2048, rsa.KeySize);

        var again = await _app.ActivityAsync($"/ap/people/{maya.Id}");
        Assert.Equal(key.Text("publicKeyPem"), again.GetProperty("publicKey").Text("publicKeyPem"));
    }

    [Fact]
    public async Task ACommunityIsAGroupNamedByItsSlug()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers & Streams");
        var id = $"http://localhost/ap/communities/{community.Id}";

        var group = await _app.ActivityAsync($"/ap/communities/{community.Id}");

        Assert.Equal(id, group.Text("id"));
        Assert.Equal("Group", group.Text("type"));
        Assert.Equal("rivers", group.Text("preferredUsername"));
        Assert.Equal("Rivers & Streams", group.Text("name"));
        Assert.Equal("<p>Description of rivers.</p>", group.Text("summary"));
        Assert.Equal("http://localhost/rivers", group.Text("url"));
        Assert.Equal("http://localhost/demo/communities/earth.svg", group.GetProperty("icon").Text("url"));
        Assert.Equal(id + "/outbox", group.Text("outbox"));
        Assert.Equal(id + "/followers", group.Text("followers"));
        Assert.Equal("http://localhost/ap/inbox", group.GetProperty("endpoints").Text("sharedInbox"));
        var key = group.GetProperty("publicKey");
        Assert.Equal(id + "#main-key", key.Text("id"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.Text("publicKeyPem"));
    }

    [Fact]
    public async Task TheSiteIsAnApplicationNamedByItsHost()
    {
        var application = await _app.ActivityAsync("/ap/actor");

        Assert.Equal("http://localhost/ap/actor", application.Text("id"));
        Assert.Equal("Application", application.Text("type"));
        Assert.Equal("localhost", application.Text("preferredUsername"));
        Assert.Equal("Folio", application.Text("name"));
        Assert.Equal("http://localhost/ap/actor/inbox", application.Text("inbox"));
        Assert.Equal("http://localhost/ap/actor#main-key", application.GetProperty("publicKey").Text("id"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(application.GetProperty("publicKey").Text("publicKeyPem"));
        var outbox = await _app.ActivityAsync("/ap/actor/outbox");
        Assert.Equal(0, outbox.GetProperty("totalItems").GetInt32());
    }

    [Fact]
    public async Task FollowersAreCountedNeverListedAndFollowingIsEmpty()
    {
        var maya = await _app.Data.PersonAsync();
        var other = await _app.Data.PersonAsync();
        var community = await _app.Data.CommunityAsync();
        await _app.WithDbAsync(db =>
        {
            for (var n = 1; n <= 3; n++)
            {
                var remote = new RemoteActor { Uri = $"https://social.example/users/r{n}", Host = "social.example", Inbox = $"https://social.example/users/r{n}/inbox", FetchedAt = _app.Clock.UtcNow };
                db.RemoteFollowers.Add(new RemoteFollower { Kind = ActorKind.Person, OwnerId = maya.Id, RemoteActor = remote, FollowActivityId = $"https://social.example/follows/{n}" });
                if (n == 1)
                {
                    db.RemoteFollowers.Add(new RemoteFollower { Kind = ActorKind.Group, OwnerId = community.Id.ToString(), RemoteActor = remote, FollowActivityId = "https://social.example/follows/g" });
                }
            }

            return db.SaveChangesAsync();
        });

        var followers = await _app.ActivityAsync($"/ap/people/{maya.Id}/followers");
        var none = await _app.ActivityAsync($"/ap/people/{other.Id}/followers");
        var groupFollowers = await _app.ActivityAsync($"/ap/communities/{community.Id}/followers");
        var following = await _app.ActivityAsync($"/ap/people/{maya.Id}/following");

        Assert.Equal($"http://localhost/ap/people/{maya.Id}/followers", followers.Text("id"));
        Assert.Equal("OrderedCollection", followers.Text("type"));
        Assert.Equal(3, followers.GetProperty("totalItems").GetInt32());
        Assert.False(followers.TryGetProperty("orderedItems", out _));
        Assert.False(followers.TryGetProperty("first", out _));
        Assert.Equal(0, none.GetProperty("totalItems").GetInt32());
        Assert.Equal(1, groupFollowers.GetProperty("totalItems").GetInt32());
        Assert.Equal("OrderedCollection", following.Text("type"));
        Assert.Equal(0, following.GetProperty("totalItems").GetInt32());
        Assert.Equal(JsonValueKind.Array, following.GetProperty("orderedItems").ValueKind);
    }

    [Theory]
    [InlineData("/ap/people/no-such-user")]
    [InlineData("/ap/people/no-such-user/outbox")]
    [InlineData("/ap/communities/999999")]
    [InlineData("/ap/communities/abc")]
    [InlineData("/ap/communities/-1")]
    [InlineData("/ap/communities/99999999999999999999")]
    [InlineData("/ap/communities/abc/followers")]
    [InlineData("/ap/communities/999999/outbox")]
    public async Task AnUnknownOrMalformedActorIsA404Problem(string url) => await _app.NotFoundAsync(url);

    [Fact]
    public async Task AnActorHasNoOtherCollections()
    {
        var maya = await _app.Data.PersonAsync();

        await _app.NotFoundAsync($"/ap/people/{maya.Id}/likes");
    }

    private const string ActivityStreamsContext = "https://www.w3.org/ns/activitystreams";
}
