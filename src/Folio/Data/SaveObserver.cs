namespace Folio.Data;

/// <summary>
/// Something that must happen because of what a save changes, whichever page, endpoint or command saved it.
/// <see cref="SavePipeline"/> asks every observer, in the order <see cref="SaveHooks"/> declares, before the rows are written.
/// </summary>
public interface ISaveObserver
{
    /// <summary>
    /// Reads the change tracker before the rows are written (changes are detected already) and may add rows to the same
    /// save. Null when the save is nothing to this observer.
    /// </summary>
    ValueTask<ISaveEffect?> ObserveAsync(FolioDb db, CancellationToken cancellationToken);
}

/// <summary>What one save means to one observer, carried from before the rows are written to after they are committed.</summary>
public interface ISaveEffect
{
    /// <summary>
    /// The rows are written and the transaction (the caller's, or else the pipeline's own) is still open: work that must commit or roll back
    /// with the change. What this saves is bookkeeping, which no observer reads.
    /// </summary>
    Task SavedAsync(FolioDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The change is committed: work that must not happen for a change that could still roll back.</summary>
    Task CommittedAsync() => Task.CompletedTask;

    /// <summary>The save failed, or the transaction it was part of rolled back.</summary>
    ValueTask AbandonAsync() => ValueTask.CompletedTask;
}
