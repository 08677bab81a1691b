using Folio.Features.Labels;
using Folio.Features.Newsletters;
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
    public bool EmailOnChallengeResults { get; set; } = true;
    public bool EmailOnSeriesParts { get; set; } = true;

    /// <summary>A reader's choice: AI-generated stories are left out of lists, their own feeds and search.</summary>
    public bool HideAiGenerated { get; set; }

    /// <summary>A reader's choice: stories carrying any of these warnings are left out of lists, their own feeds and search.</summary>
    public ContentWarnings HiddenWarnings { get; set; }

    /// <summary>A reader's choice: a warned story's body stays behind "Show story" until they ask for it.</summary>
    public bool CoverWarnedStories { get; set; }

    /// <summary>How new stories from the creators and communities this reader follows arrive, where a follow does not say.</summary>
    public Delivery NewsletterDelivery { get; set; } = Delivery.Immediately;

    /// <summary>The reader's IANA time zone (Europe/Lisbon), for when digests arrive; null when not known.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Through when the reader's last daily digest collected stories; null before the first.</summary>
    public DateTime? DailyDigestThrough { get; set; }

    /// <summary>Through when the reader's last weekly digest collected stories; null before the first.</summary>
    public DateTime? WeeklyDigestThrough { get; set; }

    /// <summary>A creator's choice: new-story emails carry the whole story instead of its opening.</summary>
    public bool EmailWholeStories { get; set; }

    /// <summary>
    /// A creator's choice to stay off the fediverse: no actor, no handle, new follows refused and no story of theirs
    /// sent, by them or by their community. Off by default: stories are public pages, and this is where they are shared.
    /// </summary>
    public bool FederationOff { get; set; }

    /// <summary>Permanent failures (SMTP 5xx) in a row at this address; a sent email resets it.</summary>
    public int EmailFailures { get; set; }

    /// <summary>What the mail server said the last time it refused this address.</summary>
    public string? LastEmailFailure { get; set; }

    /// <summary>
    /// When Folio stopped emailing this address after it failed permanently three times in a row; only account emails
    /// are still tried. Cleared when the person changes their address or asks to try again.
    /// </summary>
    public DateTime? EmailStoppedAt { get; set; }

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
