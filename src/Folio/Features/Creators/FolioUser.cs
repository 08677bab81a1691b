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
}

public sealed class SocialLink
{
    public required string Label { get; set; }
    public required string Url { get; set; }
}
