using Folio.Data;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

/// <summary>Saves, replaces and withdraws one reader's insights on one story; the reader counts once however often they save.</summary>
public sealed class InsightRecorder(FolioDb db, Notifier notifier, TimeProvider clock)
{
    /// <summary>The story must be tracked by this request's FolioDb: the author's notification points at it.</summary>
    /// <remarks>The same reader's insights sent twice at once: the request whose rows are refused does its work again.</remarks>
    public Task GiveAsync(Story story, string readerId, Impression impression, IEnumerable<InsightQuality> qualities, CancellationToken cancellationToken) =>
        RacedSaves.RetryAsync(db, async () =>
        {
            await ReplaceAsync(story, readerId, impression, qualities, cancellationToken);
            return true;
        });

    private async Task ReplaceAsync(Story story, string readerId, Impression impression, IEnumerable<InsightQuality> qualities, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var chosen = qualities.Where(Enum.IsDefined).ToHashSet();
        var current = await db.ReaderImpressions.FirstOrDefaultAsync(i => i.StoryId == story.Id && i.ReaderId == readerId, cancellationToken);
        var ticked = await db.ReaderInsights.Where(i => i.StoryId == story.Id && i.ReaderId == readerId).ToListAsync(cancellationToken);
        var firstTime = current is null && ticked.Count == 0;

        if (current is null)
        {
            db.ReaderImpressions.Add(new ReaderImpression { StoryId = story.Id, ReaderId = readerId, Impression = impression, GivenAt = now });
        }
        else if (current.Impression != impression)
        {
            current.Impression = impression;
            current.GivenAt = now;
        }

        db.ReaderInsights.RemoveRange(ticked.Where(i => !chosen.Contains(i.Quality)));
        foreach (var quality in chosen.Except(ticked.Select(i => i.Quality)))
        {
            db.ReaderInsights.Add(new ReaderInsight { StoryId = story.Id, ReaderId = readerId, Quality = quality, GivenAt = now });
        }

        // Withdrawing and giving again is not news to the author: they hear about a reader's insights once.
        if (firstTime && !await db.Notifications.AnyAsync(
                n => n.Kind == NotificationKind.InsightOnStory && n.StoryId == story.Id && n.ActorId == readerId, cancellationToken))
        {
            notifier.InsightsGiven(story, readerId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Both tables in one SaveChanges, so a reader is never left with qualities but no impression.</summary>
    public async Task WithdrawAsync(int storyId, string readerId, CancellationToken cancellationToken)
    {
        db.ReaderInsights.RemoveRange(await db.ReaderInsights.Where(i => i.StoryId == storyId && i.ReaderId == readerId).ToListAsync(cancellationToken));
        db.ReaderImpressions.RemoveRange(await db.ReaderImpressions.Where(i => i.StoryId == storyId && i.ReaderId == readerId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }
}
