using Folio.Data;
using Folio.Features.Series;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's series, after its stories: a series is known by its author and slug, and one already here is kept as
/// it is. A new one gets its parts (the stories imported, in the file's order) and its subscribers.
/// </summary>
internal sealed class SiteSeries(FolioDb db, SitePeople people, IReadOnlyDictionary<int, int> stories)
{
    public async Task AddAsync(SiteExportFile file, ImportReport report, CancellationToken cancellationToken)
    {
        foreach (var exported in file.Series)
        {
            if (people.IdOf(exported.Author) is not { } authorId)
            {
                report.Skip($"series {exported.Slug}", $"its author “{exported.Author}” is not in the export or not here");
                continue;
            }

            if (await db.Series.AnyAsync(s => s.AuthorId == authorId && s.Slug == exported.Slug, cancellationToken))
            {
                continue;
            }

            var series = new StorySeries
            {
                AuthorId = authorId, Title = exported.Title, Slug = exported.Slug, Description = exported.Description ?? "",
                CoverImageUrl = exported.CoverImageUrl, CoverAltText = exported.CoverAltText, CreatedAt = exported.CreatedAt, UpdatedAt = exported.UpdatedAt,
            };
            db.Series.Add(series);
            foreach (var subscriber in (exported.Subscribers ?? []).Select(s => (Id: people.IdOf(s.Person), s.CreatedAt)).Where(s => s.Id is not null).DistinctBy(s => s.Id))
            {
                db.SeriesSubscriptions.Add(new SeriesSubscription { UserId = subscriber.Id!, Series = series, CreatedAt = subscriber.CreatedAt });
            }

            await db.SaveChangesAsync(cancellationToken);
            var position = 0;
            foreach (var part in exported.Parts ?? [])
            {
                if (stories.TryGetValue(part, out var storyId))
                {
                    var at = ++position;
                    await db.Stories.Where(s => s.Id == storyId && s.AuthorId == authorId)
                        .ExecuteUpdateAsync(set => set.SetProperty(s => s.SeriesId, series.Id).SetProperty(s => s.SeriesPosition, at), cancellationToken);
                }
            }

            db.ChangeTracker.Clear();
        }
    }
}
