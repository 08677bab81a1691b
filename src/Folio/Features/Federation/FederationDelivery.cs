namespace Folio.Features.Federation;

/// <summary>
/// One activity to POST to one remote inbox, signed as one local actor: queued in the database with the change that
/// caused it, retried with back-off, given up after the queue's last attempt.
/// </summary>
public sealed class FederationDelivery
{
    public long Id { get; private set; }

    /// <summary>Who signs: the local actor the activity is from.</summary>
    public ActorKind SenderKind { get; set; }

    public required string SenderId { get; set; }

    public required string Inbox { get; set; }

    /// <summary>The activity, serialised once; the same bytes go to every inbox it is queued for.</summary>
    public required string Activity { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the worker should next try; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
