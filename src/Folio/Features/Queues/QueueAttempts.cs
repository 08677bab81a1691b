namespace Folio.Features.Queues;

/// <summary>A row of a queue: it counts its attempts, so that a claim can tell whether another pass took it first.</summary>
public interface IQueuedItem
{
    int Attempts { get; }
}

/// <summary>How one attempt went: no <see cref="Error"/> when it went through.</summary>
public interface IAttemptOutcome
{
    string? Error { get; }

    /// <summary>The error is one that trying again cannot mend (a mail server refusing the recipient): the item is given up at once.</summary>
    bool Permanent => false;

    /// <summary>The receiver asked to be left alone this long (429 with Retry-After): the next attempt waits at least that.</summary>
    TimeSpan? RetryAfter => null;
}

/// <summary>What the worker decided once an attempt was over: done, due again at <see cref="RetryAt"/>, or given up.</summary>
public sealed record FinishedAttempt(int Number, DateTime FinishedAt, bool Succeeded, DateTime? RetryAt)
{
    public bool GaveUp => !Succeeded && RetryAt is null;
}
