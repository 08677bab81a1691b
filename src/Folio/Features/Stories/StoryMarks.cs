using Folio.Data;
using Folio.Features.Federation.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// A story's hearts, its likes and boosts from the fediverse, and what the person looking has done with it (hearted
/// it, saved it), read in one command: the counts, and for a signed-in reader two lookups by key, rather than a command
/// for each.
/// </summary>
public sealed record StoryMarks(int Hearts, bool Hearted, bool Saved, FediverseReactionCounts Fediverse)
{
    public static async Task<StoryMarks> LoadAsync(FolioDb db, int storyId, string? viewerId, CancellationToken cancellationToken)
    {
        var marks = await db.Stories.Where(s => s.Id == storyId)
            .Select(s => new
            {
                Hearts = s.Hearts.Count,
                Hearted = viewerId != null && s.Hearts.Any(h => h.ReaderId == viewerId),
                Saved = viewerId != null && db.SavedStories.Any(saved => saved.UserId == viewerId && saved.StoryId == s.Id),
                Likes = db.RemoteReactions.Count(r => r.StoryId == s.Id && r.Type == RemoteReactionType.Like),
                Boosts = db.RemoteReactions.Count(r => r.StoryId == s.Id && r.Type == RemoteReactionType.Announce),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return marks is null
            ? new StoryMarks(0, false, false, new FediverseReactionCounts(0, 0))
            : new StoryMarks(marks.Hearts, marks.Hearted, marks.Saved, new FediverseReactionCounts(marks.Likes, marks.Boosts));
    }
}
