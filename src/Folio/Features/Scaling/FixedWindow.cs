namespace Folio.Features.Scaling;

/// <summary>
/// A window of a fixed length aligned to the Unix epoch, so every node puts the same moment in the same window
/// without agreeing on anything but the time.
/// </summary>
public readonly record struct FixedWindow(DateTimeOffset Start, TimeSpan Length)
{
    public DateTimeOffset End => Start + Length;

    public static FixedWindow Containing(DateTimeOffset now, TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A rate-limit window must be longer than zero.");
        }

        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new FixedWindow(new DateTimeOffset(now.UtcTicks - sinceEpoch % length.Ticks, TimeSpan.Zero), length);
    }

    /// <summary>How long a refused caller waits: until this window ends, in whole seconds, at least one.</summary>
    public TimeSpan RetryAfter(DateTimeOffset now) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((End - now).TotalSeconds)));
}
