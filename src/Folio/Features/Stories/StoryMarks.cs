using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>
/// A story's hearts and what the person looking has done with it (hearted it, saved it), read in one command: for a
/// visitor the count alone, for a signed-in reader the count and two lookups by key, rather than a command for the
/// hearts and another for the Save button.
/// </summary>
public sealed record StoryMarks(int Hearts, bool Hearted, bool Saved)
{
    public static async Task<StoryMarks> LoadAsync(FolioDb db, int storyId, string? viewerId, CancellationToken cancellationToken)
    {
        if (viewerId is null)
        {
            return new StoryMarks(await db.Hearts.CountAsync(h => h.StoryId == storyId, cancellationToken), false, false);
        }

        return await db.Stories.Where(s => s.Id == storyId)
            .Select(s => new StoryMarks(
                s.Hearts.Count,
                s.Hearts.Any(h => h.ReaderId == viewerId),
                db.SavedStories.Any(saved => saved.UserId == viewerId && saved.StoryId == s.Id)))
            .FirstOrDefaultAsync(cancellationToken) ?? new StoryMarks(0, false, false);
    }
}
