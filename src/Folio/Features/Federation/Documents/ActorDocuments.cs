using System.Net;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Api;
using Folio.Features.SiteAdmin;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Documents;

/// <summary>
/// The actor documents remote servers fetch: a creator as a Person, a community as a Group (FEP-1b12), the site as
/// its Application. Each carries the actor's public key, made on first need by <see cref="ActorKeys"/>.
/// </summary>
public sealed class ActorDocuments(FolioDb db, FederationUrls ids, SiteUrls site, ActorKeys keys, CurrentSite current)
{
    /// <summary>Every account has a profile page at /authors/{username}, so every account is a Person; null for no such account.</summary>
    public async Task<JsonObject?> PersonAsync(string userId, CancellationToken cancellationToken)
    {
        // Only what the document shows: the whole account would bring its password hash and email along.
        var user = await db.Users.Where(u => u.Id == userId && !u.FederationOff)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Bio, u.AvatarUrl, u.JoinedAt, Links = u.Links.Select(l => new { l.Label, l.Url }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var id = ids.Person(user.Id);
        var person = Actor("Person", id, user.UserName!, user.DisplayName, Paragraphs(user.Bio), site.Absolute($"/authors/{user.UserName}"));
        person["published"] = Time(user.JoinedAt);
        if (Image(user.AvatarUrl) is { } icon)
        {
            person["icon"] = icon;
        }

        person["attachment"] = new JsonArray([.. user.Links.Select(link => (JsonNode)new JsonObject
        {
            ["type"] = "PropertyValue",
            ["name"] = link.Label,
            ["value"] = $"<a href=\"{WebUtility.HtmlEncode(link.Url)}\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">{WebUtility.HtmlEncode(link.Url)}</a>",
        })]);
        person["publicKey"] = PublicKey(id, (await keys.ForPersonAsync(user.Id, cancellationToken)).PublicKeyPem);
        return person;
    }

    /// <summary>A community as a Group that remote people follow and that announces its stories; null for no such community.</summary>
    public async Task<JsonObject?> GroupAsync(int communityId, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken);
        if (community is null)
        {
            return null;
        }

        var id = ids.Group(community.Id);
        var group = Actor("Group", id, community.Slug, community.Name, Paragraphs(community.Description), site.Absolute($"/{community.Slug}"));
        group["published"] = Time(community.CreatedAt);
        if (Image(community.LogoUrl) is { } icon)
        {
            group["icon"] = icon;
        }

        group["publicKey"] = PublicKey(id, (await keys.ForGroupAsync(community.Id, cancellationToken)).PublicKeyPem);
        return group;
    }

    /// <summary>The site itself, which signs the fetches Folio makes; named by its host.</summary>
    public async Task<JsonObject> InstanceAsync(CancellationToken cancellationToken)
    {
        var settings = await current.GetAsync(cancellationToken);
        var id = ids.Instance;
        return new JsonObject
        {
            ["@context"] = ActivityStreams.ActorContext(),
            ["id"] = id,
            ["type"] = "Application",
            ["preferredUsername"] = ids.Host,
            ["name"] = settings.Name,
            ["url"] = site.Absolute("/"),
            ["inbox"] = FederationUrls.Inbox(id),
            ["outbox"] = FederationUrls.Outbox(id),
            ["manuallyApprovesFollowers"] = true,
            ["publicKey"] = PublicKey(id, (await keys.ForInstanceAsync(cancellationToken)).PublicKeyPem),
        };
    }

    private JsonObject Actor(string type, string id, string preferredUsername, string name, string summary, string url) => new()
    {
        ["@context"] = ActivityStreams.ActorContext(),
        ["id"] = id,
        ["type"] = type,
        ["preferredUsername"] = preferredUsername,
        ["name"] = name,
        ["summary"] = summary,
        ["url"] = url,
        ["inbox"] = FederationUrls.Inbox(id),
        ["outbox"] = FederationUrls.Outbox(id),
        ["followers"] = FederationUrls.Followers(id),
        ["following"] = FederationUrls.Following(id),
        ["endpoints"] = new JsonObject { ["sharedInbox"] = ids.SharedInbox },
        ["manuallyApprovesFollowers"] = false,
        ["discoverable"] = true,
    };

    private static JsonObject PublicKey(string actorId, string pem) => new()
    {
        ["id"] = FederationUrls.KeyId(actorId),
        ["owner"] = actorId,
        ["publicKeyPem"] = pem,
    };

    private JsonObject? Image(string? url) =>
        site.AbsoluteMedia(url) is { } absolute ? new JsonObject { ["type"] = "Image", ["mediaType"] = ImageTypes.Of(absolute), ["url"] = absolute } : null;

    /// <summary>Plain text (a bio, a description) as the escaped HTML paragraphs a summary is: blank lines part paragraphs.</summary>
    public static string Paragraphs(string text) => string.Concat(
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => $"<p>{WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"));

    public static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
