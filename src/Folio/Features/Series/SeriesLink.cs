using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

/// <summary>A series as its creator's profile links to it: one with a part readers can see.</summary>
public sealed record SeriesLink(string Title, string Path)
{
    public const int Shown = 50;

    public static async Task<IReadOnlyList<SeriesLink>> OfCreatorAsync(FolioDb db, string creatorId, string userName, CancellationToken cancellationToken)
    {
        var rows = await db.Series.AsNoTracking()
            .Where(s => s.AuthorId == creatorId && db.Stories.Any(p => p.SeriesId == s.Id && p.Status == StoryStatus.Published))
            .OrderBy(s => s.Title).Take(Shown).Select(s => new { s.Title, s.Slug }).ToListAsync(cancellationToken);
        return [.. rows.Select(s => new SeriesLink(s.Title, SeriesLinks.Path(userName, s.Slug)))];
    }
}
