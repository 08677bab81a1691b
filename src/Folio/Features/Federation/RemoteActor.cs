namespace Folio.Features.Federation;

/// <summary>
/// An actor on another server (a Mastodon account, a Lemmy community), as its own server last described it: fetched
/// when first met, kept, and fetched again when stale or when its key no longer verifies.
/// </summary>
public sealed class RemoteActor
{
    public int Id { get; private set; }

    /// <summary>The actor's ActivityPub id, an https URL; unique.</summary>
    public required string Uri { get; set; }

    /// <summary>The host of <see cref="Uri"/>, lower case: what domain blocks and rate limits go by.</summary>
    public required string Host { get; set; }

    public required string Inbox { get; set; }
    public string? SharedInbox { get; set; }
    public string Type { get; set; } = "Person";
    public string? PreferredUsername { get; set; }
    public string? Name { get; set; }

    /// <summary>The actor's profile page (its `url`), where a reader goes to see who this is.</summary>
    public string? ProfileUrl { get; set; }

    public string? IconUrl { get; set; }
    public string? PublicKeyId { get; set; }
    public string? PublicKeyPem { get; set; }
    public DateTime FetchedAt { get; set; }

    /// <summary>Where deliveries for this actor go: its server's shared inbox when it has one, so one POST serves every follower there.</summary>
    public string DeliveryInbox => SharedInbox ?? Inbox;

    /// <summary>The name to show for the actor: its display name, else its username, else its server.</summary>
    public string DisplayName => Name ?? PreferredUsername ?? Host;

    /// <summary>@name@host, as the fediverse writes a handle.</summary>
    public string Handle => $"@{PreferredUsername ?? "?"}@{Host}";
}
