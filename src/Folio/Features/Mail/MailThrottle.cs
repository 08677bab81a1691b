using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Folio.Features.Mail;

/// <summary>
/// Holds this node to <see cref="MailQueueOptions.MaxPerMinute"/> sends: a token bucket refilled evenly through the
/// minute and holding at most one refill, so the limit is never spent in one burst at the top of the minute.
/// </summary>
public sealed class MailThrottle : IDisposable
{
    private readonly TokenBucketRateLimiter? _bucket;

    public MailThrottle(IOptions<MailQueueOptions> options)
    {
        var perMinute = options.Value.MaxPerMinute;
        if (perMinute <= 0)
        {
            return;
        }

        // Whole tokens at least every second or so: 150 a minute is 2 tokens every 0.8 s, 10 a minute 1 every 6 s.
        var tokens = Math.Max(1, perMinute / 60);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) * tokens / perMinute,
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Returns when this node may send one more email.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_bucket is null)
        {
            return;
        }

        using var lease = await _bucket.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("More sends are waiting for the mail throttle than it queues.");
        }
    }

    public void Dispose() => _bucket?.Dispose();
}
