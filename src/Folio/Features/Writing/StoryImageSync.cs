using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>
/// Keeps <see cref="StoryImage"/> in step with every save that adds a story or a revision, or changes its Markdown or
/// hero: the rows are added to and removed from the same save. A deleted story's rows go by the database's cascade.
/// Bulk updates bypass it; nothing changes a story's body or hero in bulk.
/// </summary>
public sealed class StoryImageSync : ISaveObserver
{
    private static readonly HashSet<string> ImageProperties = [nameof(Story.BodyMarkdown), nameof(Story.HeroImageUrl)];

    public async ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        // What each changed story (or revision) uses now; null for a revision that is being dropped.
        var wanted = new List<(Story? NewStory, int StoryId, bool InRevision, HashSet<string> Urls)>();
        foreach (var entry in tracker.Entries<Story>())
        {
            if (entry.State == EntityState.Added)
            {
                wanted.Add((entry.Entity, 0, false, StoryImages.In(entry.Entity.BodyMarkdown, entry.Entity.HeroImageUrl)));
            }
            else if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && ImageProperties.Contains(p.Metadata.Name)))
            {
                wanted.Add((null, entry.Entity.Id, false, StoryImages.In(entry.Entity.BodyMarkdown, entry.Entity.HeroImageUrl)));
            }
        }

        foreach (var entry in tracker.Entries<StoryRevision>())
        {
            var revision = entry.Entity;
            var storyId = revision.StoryId != 0 ? revision.StoryId : revision.Story?.Id ?? 0;
            var urls = StoryImages.In(revision.BodyMarkdown, revision.HeroImageUrl);
            if (entry.State == EntityState.Deleted)
            {
                wanted.Add((null, storyId, true, []));
            }
            else if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && ImageProperties.Contains(p.Metadata.Name))))
            {
                wanted.Add((storyId == 0 ? revision.Story : null, storyId, true, urls));
            }
        }

        if (wanted.Count == 0)
        {
            return null;
        }

        // One query for the rows the saved stories have now.
        var ids = wanted.Where(w => w.StoryId != 0).Select(w => w.StoryId).Distinct().ToList();
        var existing = ids.Count == 0 ? [] : await db.StoryImages.Where(i => ids.Contains(i.StoryId)).ToListAsync(cancellationToken);
        foreach (var (newStory, storyId, inRevision, urls) in wanted)
        {
            var had = storyId == 0 ? [] : existing.Where(i => i.StoryId == storyId && i.InRevision == inRevision).ToList();
            foreach (var gone in had.Where(i => !urls.Contains(i.Url)))
            {
                db.StoryImages.Remove(gone);
            }

            foreach (var url in urls.Where(url => had.All(i => i.Url != url)))
            {
                db.StoryImages.Add(newStory is not null
                    ? new StoryImage { Story = newStory, Url = url, InRevision = inRevision }
                    : new StoryImage { StoryId = storyId, Url = url, InRevision = inRevision });
            }
        }

        return null;
    }
}
