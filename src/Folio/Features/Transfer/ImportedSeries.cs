using Folio.Data;
using Folio.Features.Series;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The series an imported story names: the author's series with that title's slug, else a new one saved with the
/// story. Without a part number the story goes after the series' last part.
/// </summary>
internal sealed class ImportedSeries(FolioDb db)
{
    private readonly Dictionary<(string AuthorId, string Slug), (StorySeries Series, int Last)> _batch = [];

    public async Task PlaceAsync(Story story, string title, int? part, DateTime at, CancellationToken cancellationToken)
    {
        var slug = SeriesRules.SlugFor(null, title);
        if (!_batch.TryGetValue((story.AuthorId, slug), out var found))
        {
            var stored = await db.Series.FirstOrDefaultAsync(s => s.AuthorId == story.AuthorId && s.Slug == slug, cancellationToken);
            var last = stored is null ? 0 : await db.Stories.Where(s => s.SeriesId == stored.Id).MaxAsync(s => s.SeriesPosition, cancellationToken) ?? 0;
            stored ??= db.Series.Add(new StorySeries
            {
                AuthorId = story.AuthorId, Title = title.Trim()[..Math.Min(title.Trim().Length, SeriesRules.MaxTitle)], Slug = slug, CreatedAt = at, UpdatedAt = at,
            }).Entity;
            found = (stored, last);
        }

        story.Series = found.Series;
        story.SeriesPosition = part ?? found.Last + 1;
        _batch[(story.AuthorId, slug)] = (found.Series, Math.Max(found.Last, story.SeriesPosition.Value));
    }

    /// <summary>After each batch is saved: the next one reads the series as stored.</summary>
    public void Forget() => _batch.Clear();
}
