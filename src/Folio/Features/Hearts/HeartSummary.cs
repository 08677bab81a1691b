using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Hearts;

/// <summary>The hearts a story has, as its page shows them.</summary>
public sealed record HeartSummary(int StoryId, string StoryUrl, int Count)
{
    public static async Task<HeartSummary> LoadAsync(FolioDb db, int storyId, string storyUrl, CancellationToken cancellationToken) =>
        new(storyId, storyUrl, await db.Hearts.CountAsync(h => h.StoryId == storyId, cancellationToken));
}
