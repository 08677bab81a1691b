using System.Linq.Expressions;
using Folio.Features.Comments;
using Folio.Features.Labels;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StoryQueries
{
    /// <summary>
    /// The condition of <see cref="Published"/>, for stories reached through a navigation (<c>tag.Stories</c>), where an
    /// extension method can't be translated: <c>t.Stories.AsQueryable().Count(StoryQueries.IsPublished)</c>.
    /// </summary>
    public static readonly Expression<Func<Story, bool>> IsPublished = s => s.Status == StoryStatus.Published && s.PublishedAt != null;

    /// <summary>Stories readers can see.</summary>
    public static IQueryable<Story> Published(this IQueryable<Story> stories) => stories.Where(IsPublished);

    /// <summary>
    /// A tag's stories, reached from the tag's rows in the story–tag join (its index) rather than by testing every
    /// story for the tag, so a tag's page costs what the tag holds, not what the site holds.
    /// </summary>
    public static IQueryable<Story> TaggedWith(this IQueryable<Tag> tags, int tagId) =>
        tags.Where(t => t.Id == tagId).SelectMany(t => t.Stories);

    public static IOrderedQueryable<Story> NewestFirst(this IQueryable<Story> stories) =>
        stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id);

    public static IQueryable<StoryCard> ToCards(this IQueryable<Story> stories) =>
        stories.Select(s => new StoryCard(
            s.Id,
            s.Community.Slug,
            s.Community.Name,
            s.Community.LogoUrl,
            s.Title,
            s.Subtitle,
            s.Slug,
            s.Author.UserName!,
            s.Author.DisplayName,
            s.Author.AvatarUrl,
            s.PublishedAt!.Value,
            s.ReadingMinutes,
            s.HeroImageUrl,
            s.Comments.AsQueryable().Count(CommentQueries.IsShown))
        {
            BodyStart = s.HeroImageUrl == null ? s.BodyMarkdown.Substring(0, StoryExcerpt.SourceLength) : null,
            Labels = new StoryLabelSet(s.Making, s.Warnings, s.WarningNote),
        });

    /// <summary>The cards of these stories in the order given, leaving out any no longer published.</summary>
    public static async Task<List<StoryCard>> CardsInOrderAsync(this IQueryable<Story> stories, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var cards = await stories.Published().Where(s => ids.Contains(s.Id)).ToCards().ToDictionaryAsync(card => card.Id, cancellationToken);
        return [.. ids.Where(cards.ContainsKey).Select(id => cards[id])];
    }
}
