using Folio.Features.Api;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Pins;

/// <summary>A pinned story: `position` 1 is shown first (the newest pin), `pinnedAt` when it was pinned.</summary>
public sealed record ApiPinnedStory(int Position, DateTime PinnedAt, StorySummary Story);

public static class ApiPinnedStories
{
    public static async Task<List<ApiPinnedStory>> ReadAsync(IQueryable<Story> pinned, PinPlace place, SiteUrls urls, CancellationToken cancellationToken)
    {
        var rows = await pinned.Select(s => new
        {
            PinnedAt = place == PinPlace.Profile ? s.ProfilePinnedAt!.Value : s.CommunityPinnedAt!.Value,
            s.Id,
            s.Slug,
            Community = s.Community.Slug,
            s.Title,
            s.Subtitle,
            Tags = s.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            Username = s.Author.UserName!,
            s.Author.DisplayName,
            s.ReadingMinutes,
            PublishedAt = s.PublishedAt!.Value,
            s.HeroImageUrl,
            s.Making,
            s.Warnings,
            s.WarningNote,
        }).ToListAsync(cancellationToken);
        return [.. rows.Select((row, index) => new ApiPinnedStory(index + 1, row.PinnedAt, new StorySummary(
            row.Id, row.Slug, urls.Absolute(StoryLinks.Path(row.Community, row.Slug)), row.Community, row.Title, row.Subtitle, row.Tags,
            StoryAuthorResponse.From(urls, row.Username, row.DisplayName), row.ReadingMinutes, row.PublishedAt, urls.AbsoluteMedia(row.HeroImageUrl),
            row.Making, LabelNames.Slugs(row.Warnings), row.WarningNote)))];
    }
}
