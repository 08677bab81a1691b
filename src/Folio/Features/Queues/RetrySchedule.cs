namespace Folio.Features.Queues;

/// <summary>The pause after a failed attempt: the first after the first failure, and so on; the last one repeats.</summary>
public sealed class RetrySchedule(params TimeSpan[] pauses)
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public TimeSpan PauseAfter(int attempt) => pauses[Math.Clamp(attempt - 1, 0, pauses.Length - 1)];
}
