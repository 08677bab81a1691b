using Folio.Features.Accounts;
using System.Security.Claims;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Hearts;

/// <summary>The hearts a story has, as the person looking at its page sees them.</summary>
public sealed record HeartSummary(int StoryId, string StoryUrl, int Count, bool SignedIn, bool IsAuthor, bool Given)
{
    public string Label => $"{Count} {(Count == 1 ? "heart" : "hearts")}";

    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#hearts");

    public static async Task<HeartSummary> LoadAsync(FolioDb db, Story story, string storyUrl, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var viewerId = viewer.UserId();
        var count = await db.Hearts.CountAsync(h => h.StoryId == story.Id, cancellationToken);
        var given = viewerId is not null && await db.Hearts.AnyAsync(h => h.StoryId == story.Id && h.ReaderId == viewerId, cancellationToken);
        return new HeartSummary(story.Id, storyUrl, count, viewerId is not null, viewerId == story.AuthorId, given);
    }
}
