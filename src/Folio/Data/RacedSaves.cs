using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Data;

/// <summary>
/// A save refused because another request wrote the same unique row first (a double submit, two tabs, a script
/// sending at once): the work is done again from what is stored now, which then sees the other request's rows.
/// </summary>
public static class RacedSaves
{
    /// <summary>
    /// How often one piece of work is tried before the refusal is let through. Each round of a race lets one request
    /// through, so this is also how many requests that want the same row at the same moment all succeed.
    /// </summary>
    public const int Attempts = 10;

    /// <summary>
    /// Does <paramref name="work"/> (reads, changes and its own save on <paramref name="db"/>) again from what is stored
    /// now each time its save is refused, up to <see cref="Attempts"/> times.
    /// </summary>
    public static async Task<T> RetryAsync<T>(FolioDb db, Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.ForgetRefusedSave();
            }
        }
    }

    /// <summary>
    /// Forgets what the refused save would have written, so the work can be done again on the same context: rows it
    /// would have inserted are no longer tracked, and rows it would have changed or deleted are as they were read.
    /// What was only read stays tracked (a story the work points at).
    /// </summary>
    public static void ForgetRefusedSave(this ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.State = EntityState.Detached;
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    entry.CurrentValues.SetValues(entry.OriginalValues);
                    entry.State = EntityState.Unchanged;
                    break;
            }
        }
    }
}
