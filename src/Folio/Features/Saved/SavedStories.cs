using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Saved;

/// <summary>
/// Saving and removing, for the story page's form, the cards, /saved and the API alike. Both are idempotent: saving a
/// saved story keeps its first date, removing one that isn't saved changes nothing.
/// </summary>
public sealed class SavedStories(FolioDb db, TimeProvider clock)
{
    /// <summary>The reader's saved entry for a published story, made now or kept from before; null when no published story has the id.</summary>
    public async Task<SavedStory?> SaveAsync(string userId, int storyId, CancellationToken cancellationToken)
    {
        if (!await db.Stories.Published().AnyAsync(s => s.Id == storyId, cancellationToken))
        {
            return null;
        }

        if (await FindAsync(userId, storyId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var saved = new SavedStory { UserId = userId, StoryId = storyId, SavedAt = clock.GetUtcNow().UtcDateTime };
        db.SavedStories.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same save arrived twice at once (a double click, two tabs) and the other request stored it first.
            db.ChangeTracker.Clear();
            if (await FindAsync(userId, storyId, cancellationToken) is not { } stored)
            {
                throw;
            }

            return stored;
        }

        return saved;
    }

    /// <summary>Removes the story from the reader's saved stories, published or not any more; true if it was there.</summary>
    public async Task<bool> RemoveAsync(string userId, int storyId, CancellationToken cancellationToken) =>
        await db.SavedStories.Where(s => s.UserId == userId && s.StoryId == storyId).ExecuteDeleteAsync(cancellationToken) > 0;

    private Task<SavedStory?> FindAsync(string userId, int storyId, CancellationToken cancellationToken) =>
        db.SavedStories.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.StoryId == storyId, cancellationToken);
}
