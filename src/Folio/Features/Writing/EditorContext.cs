using Folio.Data;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

public sealed record CommunityChoice(string Slug, string Name, int MinimumWords);

/// <summary>What the editor shows around the form: communities, tag suggestions, review state.</summary>
public sealed record EditorContext(
    IReadOnlyList<CommunityChoice> Communities,
    IReadOnlyList<string> TagSuggestions,
    bool CanPublishDirectly,
    int? QueuePosition,
    StoryReview? LatestReview)
{
    public static readonly EditorContext Empty = new([], [], false, null, null);

    /// <summary>The author's latest words: the revision waiting for review if there is one, else the story.</summary>
    public static StoryInput InputFrom(Story story) => story.Revision is { } revision
        ? new()
        {
            Community = story.Community.Slug,
            Title = revision.Title,
            Subtitle = revision.Subtitle,
            Body = revision.BodyMarkdown,
            Tags = revision.TagNames,
            CommentsEnabled = story.CommentsEnabled,
        }
        : new()
        {
            Community = story.Community.Slug,
            Title = story.Title,
            Subtitle = story.Subtitle,
            Body = story.BodyMarkdown,
            Tags = string.Join(", ", story.Tags.Select(t => t.Name)),
            CommentsEnabled = story.CommentsEnabled,
        };

    public static async Task<EditorContext> LoadAsync(FolioDb db, Story? story, bool canPublishDirectly, CancellationToken cancellationToken)
    {
        var communities = await db.Communities.OrderBy(c => c.Name)
            .Select(c => new CommunityChoice(c.Slug, c.Name, c.MinimumWords)).ToListAsync(cancellationToken);
        var tags = await db.Tags.OrderByDescending(t => t.Stories.Count).ThenBy(t => t.Name)
            .Select(t => t.Name).Take(60).ToListAsync(cancellationToken);

        int? position = null;
        StoryReview? review = null;
        if (story is { Id: > 0 } && ReviewQueue.WaitingSince(story) is { } submitted)
        {
            position = await db.QueuePositionAsync(story.Id, submitted, cancellationToken);
        }

        if (story is { Id: > 0, Status: StoryStatus.SentBack } or { Id: > 0, Revision.Status: RevisionStatus.SentBack })
        {
            review = await db.StoryReviews.Where(r => r.StoryId == story.Id && r.Decision == ReviewDecision.SentBack)
                .OrderByDescending(r => r.DecidedAt).FirstOrDefaultAsync(cancellationToken);
        }

        return new EditorContext(communities, tags, canPublishDirectly, position, review);
    }
}
