namespace Folio.Features.SiteAdmin;

/// <summary>A sign-up link for an invite-only site: it works once, until it expires or is revoked.</summary>
public sealed class SiteInvite
{
    public int Id { get; private set; }

    /// <summary>SHA-256 of the link's token, hex: the link itself is shown once, when it is made.</summary>
    public required string TokenHash { get; init; }

    public string Note { get; set; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public string? CreatedById { get; init; }

    public DateTime? UsedAt { get; private set; }

    public string? UsedById { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsUsable(DateTime now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;

    public string State(DateTime now) => UsedAt is not null ? "Used" : RevokedAt is not null ? "Revoked" : ExpiresAt <= now ? "Expired" : "Open";

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
