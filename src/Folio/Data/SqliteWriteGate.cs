using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Folio.Data;

/// <summary>
/// SQLite has one writer at a time, and its busy handler is not first come, first served: a writer that has waited a
/// while sleeps 100 ms between looks while a newcomer looks again within a millisecond and wins, and the lock sits idle
/// while the sleepers have not yet looked. In the 20-minute soak reads took milliseconds while writes took 1.4 to 3.5 s,
/// and 482 of them passed the client's 5 s timeout. So within one process writes queue here instead, in arrival order,
/// without holding a thread: each save, each transaction and each write outside both (ExecuteUpdate, ExecuteDelete)
/// takes the database's gate and gives it back when it ends. Re-entrant per DbContext: a save inside a transaction
/// already holds it. Other processes (admin commands) still meet <see cref="SqliteBusyWait"/>.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>
    /// A writer that waited this long goes on without the gate, to SQLite's own busy wait, and says so in the log: a
    /// transaction that waits for a second context's write while holding the gate would otherwise wait forever.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(SqliteBusyWait.Milliseconds / 1000);

    // One gate per database file, shared by every FolioDb in the process (tests run many sites side by side).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    private readonly ConditionalWeakTable<DbContext, Lease> _leases = [];
    private readonly ILogger<SqliteWriteGate> _logger;

    public SqliteWriteGate(ILogger<SqliteWriteGate> logger) => _logger = logger;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Hold.Save, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context, Hold.Save);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Save);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context, Hold.Save);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context, Hold.Save);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Save);
        return Task.CompletedTask;
    }

    // A save refused for a concurrency conflict (another request changed the row first) ends here instead of in
    // SaveChangesFailed, which EF Core does not raise for it; its transaction is given back as it ends.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Leave(eventData.Context, Hold.Save);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Save);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context, Hold.Save);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Save);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context, Hold.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Hold.Transaction, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, Hold.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, Hold.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context, Hold.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or a rollback (an exception inside `await using`) raises no event of its
    // own; EF closes the connection it opened for it, and a transaction cannot outlive its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.Context, Hold.Transaction);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.Context, Hold.Transaction);
        return Task.CompletedTask;
    }

    // ExecuteUpdate, ExecuteDelete and raw SQL write in one statement of their own when no transaction is open.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null)
        {
            Enter(eventData.Context, Hold.Statement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null)
        {
            await EnterAsync(eventData.Context, Hold.Statement, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(eventData.Context, Hold.Statement);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(eventData.Context, Hold.Statement);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Statement);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(eventData.Context, Hold.Statement);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Hold.Statement);
        return Task.CompletedTask;
    }

    private void Enter(DbContext? context, Hold hold)
    {
        if (Claim(context, hold) is { } gate)
        {
            Entered(context!, gate.Wait(Patience), gate);
        }
    }

    private async Task EnterAsync(DbContext? context, Hold hold, CancellationToken cancellationToken)
    {
        if (Claim(context, hold) is not { } gate)
        {
            return;
        }

        bool entered;
        try
        {
            entered = await gate.WaitAsync(Patience, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Leave(context, hold);
            throw;
        }

        Entered(context!, entered, gate);
    }

    /// <summary>Marks the hold on the context's lease; the gate to wait for when the context does not hold it yet.</summary>
    private SemaphoreSlim? Claim(DbContext? context, Hold hold)
    {
        if (context is null)
        {
            return null;
        }

        var lease = _leases.GetOrCreateValue(context);
        lock (lease)
        {
            var waitFor = lease.Holds == Hold.None;
            lease.Holds |= hold;
            return waitFor ? Gates.GetOrAdd(context.Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1)) : null;
        }
    }

    private void Entered(DbContext context, bool entered, SemaphoreSlim gate)
    {
        var lease = _leases.GetOrCreateValue(context);
        bool stillWanted;
        lock (lease)
        {
            stillWanted = lease.Holds != Hold.None;
            lease.Gate = entered && stillWanted ? gate : null;
        }

        if (entered && !stillWanted)
        {
            gate.Release();
        }

        if (!entered)
        {
            _logger.LogWarning("A write waited {Patience} for the database's write gate and goes on without it", Patience);
        }
    }

    private void Leave(DbContext? context, Hold hold)
    {
        if (context is null || !_leases.TryGetValue(context, out var lease))
        {
            return;
        }

        SemaphoreSlim? release = null;
        lock (lease)
        {
            lease.Holds &= ~hold;
            if (lease.Holds == Hold.None)
            {
                (release, lease.Gate) = (lease.Gate, null);
            }
        }

        release?.Release();
    }

    [Flags]
    private enum Hold
    {
        None = 0,
        Save = 1,
        Transaction = 2,
        Statement = 4,
    }

    private sealed class Lease
    {
        public Hold Holds { get; set; }

        /// <summary>The gate this context holds, once its wait ended; null while it waits or when it went on without it.</summary>
        public SemaphoreSlim? Gate { get; set; }
    }
}
