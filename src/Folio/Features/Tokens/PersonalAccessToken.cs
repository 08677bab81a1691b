using Folio.Features.Creators;

namespace Folio.Features.Tokens;

/// <summary>A Bearer token for the API. Only its SHA-256 hash is stored; the token is shown once.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; private set; }
    public required string UserId { get; set; }
    public FolioUser User { get; set; } = null!;
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters, so a person can tell their tokens apart in settings.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
