using Folio.Features.Queues;

namespace Folio.Features.Mail;

/// <summary>An email waiting in the database to be sent, so a restart loses none.</summary>
public sealed class QueuedEmail : IQueuedItem
{
    public int Id { get; private set; }
    public required string ToAddress { get; set; }
    public string ToName { get; set; } = "";
    public int ContentId { get; set; }
    public EmailContent Content { get; set; } = null!;
    public EmailKind Kind { get; set; }

    /// <summary>The account it goes to, when it goes to one: for its failures, and for what a creator's dashboard counts.</summary>
    public string? RecipientId { get; set; }

    /// <summary>The story a new-story email announces.</summary>
    public int? StoryId { get; set; }

    /// <summary>Where one click unsubscribes (List-Unsubscribe, RFC 8058); null for account emails.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The same for every attempt: sending is at least once (a node that dies after the send and before recording it sends
    /// again once the claim expires), so a repeat carries the first one's Message-ID and mail clients show it once.
    /// </summary>
    public string MessageKey => $"folio-mail-{Id}-{CreatedAt.Ticks}";
}
