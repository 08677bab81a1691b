using Folio.Data;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Publishing;

/// <summary>
/// Notices, on every save, a story going public, its public text changing, or it ceasing to be public, and stores a
/// <see cref="StoryActivity"/> for each inside the same transaction; the worker is woken once it is committed.
/// </summary>
public sealed class StoryActivityObserver(SaveTimeSiteUrls links, FederationSignal signal, TimeProvider clock) : ISaveObserver
{
    /// <summary>What the Article shows: a change to any of these in a public story is an Update (a warning added by a moderator too).</summary>
    private static readonly HashSet<string> ArticleProperties =
    [
        nameof(Story.Title), nameof(Story.Subtitle), nameof(Story.BodyHtml), nameof(Story.HeroImageUrl), nameof(Story.HeroAltText),
        nameof(Story.Making), nameof(Story.Warnings), nameof(Story.WarningNote),
    ];

    public ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var changes = new List<(Story Story, StoryActivityKind Kind)>();
        foreach (var entry in db.ChangeTracker.Entries<Story>())
        {
            var wasPublic = entry.State is EntityState.Modified or EntityState.Deleted && IsPublic(
                entry.Property(s => s.Status).OriginalValue, entry.Property(s => s.PublishedAt).OriginalValue);
            var isPublic = entry.State is EntityState.Added or EntityState.Modified && IsPublic(entry.Entity.Status, entry.Entity.PublishedAt);
            StoryActivityKind? kind = (wasPublic, isPublic) switch
            {
                (false, true) => StoryActivityKind.Create,
                (true, false) => StoryActivityKind.Delete,
                (true, true) when entry.Properties.Any(p => p.IsModified && ArticleProperties.Contains(p.Metadata.Name)) => StoryActivityKind.Update,
                _ => null,
            };
            if (kind is { } found)
            {
                changes.Add((entry.Entity, found));
            }
        }

        return ValueTask.FromResult<ISaveEffect?>(changes.Count == 0 ? null : new Queue(changes, links.Current().Origin, signal, clock));
    }

    private static bool IsPublic(StoryStatus status, DateTime? publishedAt) => status == StoryStatus.Published && publishedAt is not null;

    /// <summary>
    /// Written after the stories, since a new story has its id only then; inside their transaction. Inserted as rows,
    /// not through a second SaveChanges of the same context, which would write the save's other changes again.
    /// </summary>
    private sealed class Queue(List<(Story Story, StoryActivityKind Kind)> changes, string origin, FederationSignal signal, TimeProvider clock) : ISaveEffect
    {
        public Task SavedAsync(FolioDb db, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return db.InsertRowsAsync(changes.Select(change => new StoryActivity
            {
                StoryId = change.Story.Id, Kind = change.Kind, AuthorId = change.Story.AuthorId, CommunityId = change.Story.CommunityId,
                SiteOrigin = origin, CreatedAt = now, NextAttemptAt = now,
            }).ToList(), cancellationToken);
        }

        public Task CommittedAsync()
        {
            signal.Wake();
            return Task.CompletedTask;
        }
    }
}
