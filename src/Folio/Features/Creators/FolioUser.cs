using Microsoft.AspNetCore.Identity;

namespace Folio.Features.Creators;

/// <summary>An account; its public side is the creator profile at /authors/{username}.</summary>
public sealed class FolioUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Bio { get; set; } = "";
    public string? AvatarUrl { get; set; }
    public DateTime JoinedAt { get; set; }
    public List<SocialLink> Links { get; set; } = [];

    public bool EmailOnReply { get; set; } = true;
    public bool EmailOnReview { get; set; } = true;

    /// <summary>
    /// Until when an admin suspended the account: it can sign in and read, but not write, comment, heart or give
    /// insights. Null when it is not suspended (or never was); a time in the past is a suspension that has ended.
    /// </summary>
    public DateTime? SuspendedUntil { get; set; }

    /// <summary>Banned for good: as a suspension that never ends.</summary>
    public bool Banned { get; set; }

    /// <summary>Why the account was suspended or banned, in words the person is shown.</summary>
    public string? SuspensionReason { get; set; }
}

public sealed class SocialLink
{
    public required string Label { get; set; }
    public required string Url { get; set; }
}
