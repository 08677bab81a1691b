using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Folio.Features.Comments;

/// <summary>
/// Each reader's comments per minute and per hour. Acquired by the posting page itself rather than by the
/// rate-limiting middleware, so that only comments that would be saved count, and so that the refusal is the
/// comment page with its 429 message and the reader's text still in the box.
/// </summary>
public sealed class CommentRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CommentRateLimiter(IOptions<CommentOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PerUser(limits.PerMinute, TimeSpan.FromMinutes(1)),
            PerUser(limits.PerHour, TimeSpan.FromHours(1)));
    }

    /// <summary>Takes one permit for the reader; false when they have used up either window.</summary>
    public bool TryAcquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> PerUser(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
}
