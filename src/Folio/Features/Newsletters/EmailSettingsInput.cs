using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Newsletters;

/// <summary>
/// What /settings/email posts. The choices arrive as words and are read by <see cref="EmailSettingsModel"/>, so an
/// unknown one is answered with a sentence rather than a binder's message.
/// </summary>
public sealed class EmailSettingsInput
{
    public string? Delivery { get; set; }

    public string? TimeZone { get; set; }

    [Display(Name = "Email me when someone replies to my comment")]
    public bool EmailOnReply { get; set; }

    [Display(Name = "Email me when a moderator approves, sends back or relabels my story")]
    public bool EmailOnReview { get; set; }

    [Display(Name = "Email me when a challenge I entered publishes its results")]
    public bool EmailOnChallengeResults { get; set; }

    [Display(Name = "Email me when a series I subscribe to has a new part")]
    public bool EmailOnSeriesParts { get; set; }

    public List<FollowChoice> Creators { get; set; } = [];

    public List<FollowChoice> Communities { get; set; } = [];
}

/// <summary>One follow's own delivery: a creator's id or a community's id, and Default or a <see cref="Newsletters.Delivery"/>.</summary>
public sealed class FollowChoice
{
    public string? Id { get; set; }

    public string? Delivery { get; set; }
}

/// <summary>A creator or community the reader follows, as the page lists it.</summary>
public sealed record FollowedForEmail(string Id, string Name, string Url, Delivery? Delivery);
