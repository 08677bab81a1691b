using System.Text.Json.Nodes;

namespace Folio.Features.Federation.Remote;

/// <summary>What Folio keeps of an actor document: read tolerantly, refused only without an id, an inbox or a usable key.</summary>
public sealed record RemoteActorDocument(
    Uri Id, string Type, string Inbox, string? SharedInbox, string? PreferredUsername, string? Name, string? ProfileUrl, string? IconUrl,
    string PublicKeyId, string PublicKeyPem)
{
    /// <param name="wantedKeyId">The key to pick when the actor publishes several; otherwise the first.</param>
    public static RemoteActorDocument? Read(JsonObject actor, string? wantedKeyId = null)
    {
        if (ActivityJson.Url(ActivityJson.Id(actor["id"])) is not { } id || ActivityJson.Url(ActivityJson.Id(actor["inbox"])) is not { } inbox)
        {
            return null;
        }

        var keys = ActivityJson.Objects(actor["publicKey"])
            .Select(k => (Id: ActivityJson.Id(k["id"]), Pem: ActivityJson.Text(k["publicKeyPem"])))
            .Where(k => k.Id is not null && k.Pem is not null)
            .ToList();
        var key = keys.FirstOrDefault(k => k.Id == wantedKeyId);
        if (key.Id is null)
        {
            key = keys.FirstOrDefault();
        }

        if (key.Id is null || key.Pem is null)
        {
            return null;
        }

        var sharedInbox = actor["endpoints"] is JsonObject endpoints ? ActivityJson.Url(ActivityJson.Id(endpoints["sharedInbox"]))?.AbsoluteUri : null;
        var icon = ActivityJson.Objects(actor["icon"]).Select(i => ActivityJson.Id(i["url"])).FirstOrDefault(u => u is not null)
            ?? ActivityJson.Text(actor["icon"]);
        return new RemoteActorDocument(
            id, ActivityJson.Types(actor["type"]).FirstOrDefault() ?? "Person", inbox.AbsoluteUri, sharedInbox,
            Cut(ActivityJson.Text(actor["preferredUsername"])), Cut(ActivityJson.Text(actor["name"])),
            ActivityJson.Url(ActivityJson.Id(actor["url"]))?.AbsoluteUri, ActivityJson.Url(icon)?.AbsoluteUri, key.Id, key.Pem);
    }

    public void CopyTo(RemoteActor actor, DateTime fetchedAt)
    {
        actor.Host = Id.Host.ToLowerInvariant();
        actor.Type = Type.Length > 40 ? Type[..40] : Type;
        actor.Inbox = Inbox;
        actor.SharedInbox = SharedInbox;
        actor.PreferredUsername = PreferredUsername;
        actor.Name = Name;
        actor.ProfileUrl = ProfileUrl;
        actor.IconUrl = IconUrl;
        actor.PublicKeyId = PublicKeyId;
        actor.PublicKeyPem = PublicKeyPem;
        actor.FetchedAt = fetchedAt;
    }

    private static string? Cut(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
