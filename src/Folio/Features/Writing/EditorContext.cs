using Folio.Data;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <param name="RulesHtml">The community's rules for writers, rendered; empty when it has none.</param>
public sealed record CommunityChoice(string Slug, string Name, int MinimumWords, string RulesHtml = "");

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
    public static StoryInput InputFrom(Story story)
    {
        var input = InputWithoutLabels(story);
        input.SetLabels(story.Revision?.Labels ?? story.Labels);
        return input;
    }

    private static StoryInput InputWithoutLabels(Story story) => story.Revision is { } revision
        ? new()
        {
            Community = story.Community.Slug,
            Title = revision.Title,
            Subtitle = revision.Subtitle,
            Body = revision.BodyMarkdown,
            Tags = revision.TagNames,
            CommentsEnabled = story.CommentsEnabled,
            HeroAltText = revision.HeroAltText,
            HeroCaption = revision.HeroCaption,
        }
        : new()
        {
            Community = story.Community.Slug,
            Title = story.Title,
            Subtitle = story.Subtitle,
            Body = story.BodyMarkdown,
            Tags = string.Join(", ", story.Tags.Select(t => t.Name)),
            CommentsEnabled = story.CommentsEnabled,
            HeroAltText = story.HeroAltText,
            HeroCaption = story.HeroCaption,
        };

    public static async Task<EditorContext> LoadAsync(FolioDb db, Story? story, bool canPublishDirectly, CancellationToken cancellationToken)
    {
        // An archived community takes no new stories, so it is offered only to the story already in it.
        var currentCommunity = story?.CommunityId ?? 0;
        var communities = (await db.Communities.Where(c => c.ArchivedAt == null || c.Id == currentCommunity).OrderBy(c => c.Name)
            .Select(c => new { c.Slug, c.Name, c.MinimumWords, c.Rules }).ToListAsync(cancellationToken))
            .Select(c => new CommunityChoice(c.Slug, c.Name, c.MinimumWords, c.Rules.Length == 0 ? "" : Comments.CommentRenderer.Render(c.Rules)))
            .ToList();
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
