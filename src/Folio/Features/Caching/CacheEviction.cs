namespace Folio.Features.Caching;

/// <summary>
/// The cached pages one save made stale, written in the same transaction as the save, so that every running server
/// evicts them, not only the process that saved (see <see cref="EvictionFollower"/>). Kept for minutes, then pruned.
/// </summary>
public sealed class CacheEviction
{
    public long Id { get; private set; }

    /// <summary>The process that saved; it evicted its own copies when the save committed.</summary>
    public Guid Origin { get; init; }

    /// <summary><see cref="PageCacheTags"/>, separated by spaces.</summary>
    public required string Tags { get; init; }

    public DateTime CreatedAt { get; init; }
}
