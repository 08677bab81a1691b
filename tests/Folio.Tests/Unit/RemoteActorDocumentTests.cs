using System.Text.Json.Nodes;
using Folio.Features.Federation.Remote;

namespace Folio.Tests.Unit;

/// <summary>Actor documents as servers really write them: references as strings, objects or arrays, extra fields, odd contexts.</summary>
public sealed class RemoteActorDocumentTests
{
    private const string Pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----";

    [Fact]
    public void AMastodonStyleActorIsReadWithItsSharedInboxIconAndKey()
    {
        var actor = RemoteActorDocument.Read(Parse($$"""
            {"@context": ["https://www.w3.org/ns/activitystreams", {"toot": "http://joinmastodon.org/ns#"}],
             "id": "https://social.example/users/ana", "type": "Person", "preferredUsername": "ana", "name": "Ana",
             "inbox": "https://social.example/users/ana/inbox", "endpoints": {"sharedInbox": "https://social.example/inbox"},
             "url": "https://social.example/@ana", "icon": {"type": "Image", "url": "https://social.example/ana.png"},
             "publicKey": {"id": "https://social.example/users/ana#main-key", "owner": "https://social.example/users/ana", "publicKeyPem": "{{Pem.Replace("\n", "\\n")}}"},
             "somethingNew": {"nested": [1, 2, 3]} }
            """));

        Assert.NotNull(actor);
        Assert.Equal(("https://social.example/users/ana", "Person", "ana", "Ana"), (actor.Id.AbsoluteUri, actor.Type, actor.PreferredUsername, actor.Name));
        Assert.Equal(("https://social.example/inbox", "https://social.example/@ana", "https://social.example/ana.png"), (actor.SharedInbox, actor.ProfileUrl, actor.IconUrl));
        Assert.Equal(("https://social.example/users/ana#main-key", Pem), (actor.PublicKeyId, actor.PublicKeyPem));
    }

    [Fact]
    public void ReferencesMayBeObjectsOrArraysAndTheWantedKeyIsPickedFromSeveral()
    {
        var actor = RemoteActorDocument.Read(Parse("""
            {"@context": "https://www.w3.org/ns/activitystreams",
             "id": {"id": "https://groups.example/c/books"}, "type": ["Group", "Community"],
             "inbox": [{"id": "https://groups.example/c/books/inbox"}],
             "url": {"type": "Link", "href": "https://groups.example/c/books"},
             "icon": [{"type": "Image", "url": [{"href": "https://groups.example/books.png"}]}],
             "publicKey": [{"id": "https://groups.example/c/books#old", "publicKeyPem": "old"},
                           {"id": "https://groups.example/c/books#new", "publicKeyPem": "new"}]}
            """), wantedKeyId: "https://groups.example/c/books#new");

        Assert.NotNull(actor);
        Assert.Equal(("Group", "https://groups.example/c/books/inbox", null), (actor.Type, actor.Inbox, actor.SharedInbox));
        Assert.Equal(("https://groups.example/c/books", "https://groups.example/books.png"), (actor.ProfileUrl, actor.IconUrl));
        Assert.Equal(("https://groups.example/c/books#new", "new"), (actor.PublicKeyId, actor.PublicKeyPem));
    }

    [Theory]
    [InlineData("""{"id": "https://a.example/u", "publicKey": {"id": "https://a.example/u#k", "publicKeyPem": "k"}}""")]
    [InlineData("""{"inbox": "https://a.example/u/inbox", "publicKey": {"id": "https://a.example/u#k", "publicKeyPem": "k"}}""")]
    [InlineData("""{"id": "https://a.example/u", "inbox": "https://a.example/u/inbox"}""")]
    [InlineData("""{"id": "not a url", "inbox": 42, "publicKey": "https://a.example/u#k"}""")]
    public void AnActorWithoutAnIdAnInboxOrAKeyIsNotRead(string json) => Assert.Null(RemoteActorDocument.Read(Parse(json)));

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
