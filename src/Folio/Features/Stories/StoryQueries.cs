using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StoryQueries
{
    public static IQueryable<Story> Published(this IQueryable<Story> stories) =>
        stories.Where(s => s.Status == StoryStatus.Published && s.PublishedAt != null);

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
            s.Comments.Count(c => c.DeletedAt == null && c.HiddenAt == null && c.RemovedAt == null)));
}
