using Folio.Features.Accounts;
using System.Security.Claims;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Folio.Shared;

namespace Folio.Features.Hearts;

/// <summary>The hearts a story has, as the person looking at its page sees them.</summary>
public sealed record HeartSummary(int StoryId, string StoryUrl, int Count, bool SignedIn, bool IsAuthor, bool Given)
{
    public string Noun => Plural.Noun(Count, "heart", "hearts");

    public string SignInUrl => "/signin?returnUrl=" + Uri.EscapeDataString(StoryUrl + "#hearts");

    public static async Task<HeartSummary> LoadAsync(FolioDb db, Story story, string storyUrl, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var viewerId = viewer.UserId();
        // One command: the story's hearts, counted, and whether the viewer's is among them.
        var hearts = await db.Hearts.Where(h => h.StoryId == story.Id)
            .GroupBy(h => h.StoryId)
            .Select(g => new { Count = g.Count(), Given = g.Count(h => h.ReaderId == viewerId) > 0 })
            .FirstOrDefaultAsync(cancellationToken);
        return new HeartSummary(story.Id, storyUrl, hearts?.Count ?? 0, viewerId is not null, viewerId == story.AuthorId, hearts?.Given ?? false);
    }
}
