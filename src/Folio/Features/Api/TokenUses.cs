using System.Collections.Concurrent;

namespace Folio.Features.Api;

/// <summary>
/// When this process last recorded each token's use. A token's LastUsedAt is kept to the minute; when it goes stale,
/// every request of that token in flight reads the same old time, and each wrote it anew: a burst of identical writes
/// that queued behind every other write. Now the first of them records it and the rest see it done.
/// </summary>
public sealed class TokenUses
{
    public static readonly TimeSpan Precision = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, DateTime> _recorded = new();

    /// <summary>True for the one caller that should write <paramref name="now"/> as the token's last use.</summary>
    public bool ShouldRecord(int tokenId, DateTime? storedLastUse, DateTime now)
    {
        if (storedLastUse is { } stored && now - stored <= Precision)
        {
            return false;
        }

        var recorded = _recorded.GetOrAdd(tokenId, DateTime.MinValue);
        return now - recorded > Precision && _recorded.TryUpdate(tokenId, now, recorded);
    }
}
