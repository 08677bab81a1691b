using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Folio.Features.Federation.Signatures;

namespace Folio.Tests.Federation;

/// <summary>A Person on a <see cref="FediversePeer"/>: its document, its key (which a test may rotate) and the activities it sends.</summary>
public sealed class PeerActor(FediversePeer peer, string name) : IDisposable
{
    private RSA _key = RSA.Create(2048);

    public string Name => name;
    public string Id => $"{peer.Origin}/users/{name}";
    public string KeyId => Id + "#main-key";
    public string Inbox => Id + "/inbox";
    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>A new key under the same key id, as a server does when it rotates keys; the document shows it at once.</summary>
    public void RotateKey()
    {
        _key.Dispose();
        _key = RSA.Create(2048);
    }

    /// <summary>A deleted account: its document answers 410 Gone, as Mastodon's do.</summary>
    public bool Gone { get; set; }

    /// <summary>An id on another host for the document to claim, as a server speaking for another would.</summary>
    public string? ClaimedId { get; set; }

    public JsonObject Document() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
        ["id"] = ClaimedId ?? Id,
        ["type"] = "Person",
        ["preferredUsername"] = name,
        ["name"] = $"{name} on the peer",
        ["url"] = $"{peer.Origin}/@{name}",
        ["inbox"] = Inbox,
        ["outbox"] = Id + "/outbox",
        ["endpoints"] = new JsonObject { ["sharedInbox"] = peer.SharedInbox },
        ["icon"] = new JsonObject { ["type"] = "Image", ["url"] = $"{peer.Origin}/avatars/{name}.png" },
        ["publicKey"] = new JsonObject { ["id"] = KeyId, ["owner"] = Id, ["publicKeyPem"] = _key.ExportSubjectPublicKeyInfoPem() },
    };

    public JsonObject Follow(string objectId) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = $"{Id}#follows/{Guid.NewGuid():N}",
        ["type"] = "Follow",
        ["actor"] = Id,
        ["object"] = objectId,
    };

    /// <summary>A Like, Announce or any other activity of <paramref name="type"/> with this actor and object.</summary>
    public JsonObject Activity(string type, string objectId) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = $"{Id}#{type.ToLowerInvariant()}s/{Guid.NewGuid():N}",
        ["type"] = type,
        ["actor"] = Id,
        ["object"] = objectId,
    };

    public JsonObject Undo(JsonNode undone) => new()
    {
        ["@context"] = "https://www.w3.org/ns/activitystreams",
        ["id"] = $"{Id}#undos/{Guid.NewGuid():N}",
        ["type"] = "Undo",
        ["actor"] = Id,
        ["object"] = undone.DeepClone(),
    };

    /// <summary>A POST of the activity signed the draft-cavage way, as Mastodon sends (Folio's own signer, which does the same).</summary>
    public HttpRequestMessage SignedPost(string url, JsonObject activity, DateTimeOffset now, string? privateKeyPem = null, string? keyId = null)
    {
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var request = Post(url, body);
        DraftCavageSigner.Sign(request, body, keyId ?? KeyId, privateKeyPem ?? PrivateKeyPem, now);
        return request;
    }

    /// <summary>A POST of the activity signed the RFC 9421 way.</summary>
    public HttpRequestMessage Rfc9421Post(string url, JsonObject activity, DateTimeOffset now)
    {
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        var request = Post(url, body);
        Rfc9421TestSigner.Sign(request, body, KeyId, PrivateKeyPem, now);
        return request;
    }

    public static HttpRequestMessage Post(string url, byte[] body, string contentType = "application/activity+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    public void Dispose() => _key.Dispose();
}
