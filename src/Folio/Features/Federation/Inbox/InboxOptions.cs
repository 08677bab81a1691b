using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Federation.Inbox;

/// <summary>How the inboxes defend themselves: Folio:Federation:InboxRequestsPerHostPerMinute and ReceivedActivitiesKeptFor.</summary>
public sealed class InboxOptions
{
    public const string Section = "Folio:Federation";

    /// <summary>POSTs one remote host (the host of the signing key) may make per minute, across every inbox and node.</summary>
    [Range(1, 1_000_000)]
    public int InboxRequestsPerHostPerMinute { get; set; } = 600;

    /// <summary>How long a received activity's id is remembered to refuse a replay; longer than any sender retries.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan ReceivedActivitiesKeptFor { get; set; } = TimeSpan.FromDays(7);
}
