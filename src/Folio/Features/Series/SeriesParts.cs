using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

public static class SeriesParts
{
    /// <summary>The parts readers can see, in order, in one query: published ones only, numbered among themselves.</summary>
    public static async Task<IReadOnlyList<SeriesPart>> ReadableAsync(FolioDb db, int seriesId, CancellationToken cancellationToken)
    {
        var rows = await db.Stories.AsNoTracking().Published().Where(s => s.SeriesId == seriesId)
            .OrderBy(s => s.SeriesPosition).ThenBy(s => s.Id).Take(SeriesRules.MaxParts)
            .Select(s => new { s.Id, s.Title, s.Subtitle, Community = s.Community.Slug, s.Slug, s.PublishedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select((s, i) => new SeriesPart(i + 1, s.Id, s.Title, s.Subtitle, StoryLinks.Path(s.Community, s.Slug), s.PublishedAt!.Value))];
    }
}
