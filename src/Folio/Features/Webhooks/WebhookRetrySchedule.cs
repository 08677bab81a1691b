namespace Folio.Features.Webhooks;

/// <summary>The pause after a failed attempt: quick at first for a blip, then hours for a receiver that is down.</summary>
public static class WebhookRetrySchedule
{
    private static readonly TimeSpan[] Pauses =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public static TimeSpan PauseAfter(int attempt) => Pauses[Math.Clamp(attempt - 1, 0, Pauses.Length - 1)];
}
