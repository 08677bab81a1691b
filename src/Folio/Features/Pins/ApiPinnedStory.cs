using Folio.Features.Api;
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
        var rows = await pinned.SelectWithStorySummary(s => s, s => place == PinPlace.Profile ? s.ProfilePinnedAt!.Value : s.CommunityPinnedAt!.Value)
            .ToListAsync(cancellationToken);
        return [.. rows.Select((row, index) => new ApiPinnedStory(index + 1, row.Item, row.Story.ToSummary(urls)))];
    }
}
