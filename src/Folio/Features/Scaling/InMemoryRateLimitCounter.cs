namespace Folio.Features.Scaling;

/// <summary>The counters of one node, kept until their window ends.</summary>
public sealed class InMemoryRateLimitCounter(TimeProvider clock) : IRateLimitCounter
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Counted> _counts = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public Task<RateDecision> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = FixedWindow.Containing(now, window);
        var id = $"{key}:{window.Ticks}";
        lock (_lock)
        {
            SweepEndedWindows(now);
            var taken = _counts.TryGetValue(id, out var counted) && counted.Window == current ? counted.Taken + 1 : 1;
            _counts[id] = new Counted(current, taken);
            return Task.FromResult(taken <= limit ? RateDecision.Allow : new RateDecision(false, current.RetryAfter(now)));
        }
    }

    public Task<RateDecision> PeekAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = FixedWindow.Containing(now, window);
        lock (_lock)
        {
            var taken = _counts.TryGetValue($"{key}:{window.Ticks}", out var counted) && counted.Window == current ? counted.Taken : 0;
            return Task.FromResult(taken < limit ? RateDecision.Allow : new RateDecision(false, current.RetryAfter(now)));
        }
    }

    // Callers come and go (every address that calls the API once has a counter), so ended windows are dropped.
    private void SweepEndedWindows(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        foreach (var (id, counted) in _counts)
        {
            if (counted.Window.End <= now)
            {
                _counts.Remove(id);
            }
        }

        _nextSweep = now + SweepInterval;
    }

    private readonly record struct Counted(FixedWindow Window, int Taken);
}
