namespace Folio.Features.Scaling;

/// <summary>Whether a request may go ahead, and if not, how long until the caller's window has room again.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateDecision Allow = new(true, TimeSpan.Zero);
}

/// <summary>
/// Fixed-window counters: at most <c>limit</c> takes per key in each window. In process on one node; in Redis when
/// <c>ConnectionStrings:Redis</c> is set, so a limit is counted across every node rather than once per node.
/// </summary>
public interface IRateLimitCounter
{
    /// <summary>Counts one take for the key; refused (and still counted) once the window's limit is used up.</summary>
    Task<RateDecision> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>Refused when the window's limit is used up, without taking: for limits that count only failures, such as sign-ins.</summary>
    Task<RateDecision> PeekAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);
}
