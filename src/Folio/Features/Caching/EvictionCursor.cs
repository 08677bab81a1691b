namespace Folio.Features.Caching;

/// <summary>
/// Which <see cref="CacheEviction"/> rows this server has read. An id is handed out when a row is inserted but the row
/// is seen only once its transaction commits, so on PostgreSQL a later id can show up before an earlier one (SQLite
/// writes one transaction at a time). An id skipped over is remembered as a gap and read when it shows up; a gap that
/// stays empty for <see cref="GapPatience"/> was a rolled-back save and is forgotten.
/// </summary>
public sealed class EvictionCursor(long newest)
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(1);

    /// <summary>A jump wider than this (a sequence moved by hand) is not worth waiting for id by id.</summary>
    private const long MaxGap = 1000;

    private readonly Dictionary<long, TimeSpan> _gaps = [];

    public long Newest { get; private set; } = newest;

    /// <summary>Rows after this id may be unread.</summary>
    public long ReadFrom => _gaps.Count == 0 ? Newest : _gaps.Keys.Min() - 1;

    /// <summary>Marks the row read; false when it was read before.</summary>
    public bool Read(long id, TimeSpan now)
    {
        if (id <= Newest)
        {
            return _gaps.Remove(id);
        }

        if (id - Newest - 1 <= MaxGap)
        {
            for (var skipped = Newest + 1; skipped < id; skipped++)
            {
                _gaps[skipped] = now;
            }
        }

        Newest = id;
        return true;
    }

    public void ForgetOldGaps(TimeSpan now)
    {
        foreach (var id in _gaps.Where(gap => now - gap.Value > GapPatience).Select(gap => gap.Key).ToList())
        {
            _gaps.Remove(id);
        }
    }
}
