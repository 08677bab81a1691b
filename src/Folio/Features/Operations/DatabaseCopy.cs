using Folio.Data;
using Folio.Features.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Folio.Features.Operations;

public sealed record CopyReport(OperationResult Outcome, IReadOnlyList<TableCount> Counts);

/// <summary>
/// `copy-to --database postgres`: moves a SQLite site's every row to an empty PostgreSQL database, keys and all, so
/// links, sign-in cookies (the data-protection keys travel too) and tokens keep working. The source is read in one
/// snapshot; the target is written in one transaction that is committed only when every table's row count matches,
/// so a failed or refused copy leaves the target as empty as it was.
/// </summary>
public sealed class DatabaseCopy(ILoggerFactory loggers)
{
    public const int BatchSize = 500;

    public async Task<CopyReport> ToPostgresAsync(FolioDb source, string connectionString, CopyProgress progress, CancellationToken cancellationToken)
    {
        if (!source.Database.IsSqlite())
        {
            return Refused("copy-to moves a site from SQLite to PostgreSQL, and this site already runs on PostgreSQL (Folio:Database=postgres).");
        }

        if (Describe(connectionString) is not { } targetName)
        {
            return Refused("--connection is not a PostgreSQL connection string, e.g. \"Host=db;Database=folio;Username=folio;Password=…\".");
        }

        await using var target = new PostgresFolioDb(new DbContextOptionsBuilder<PostgresFolioDb>()
            .UseNpgsql(connectionString, postgres => postgres.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).Options);
        try
        {
            await target.Database.MigrateAsync(cancellationToken);
            var existing = (await RowCounts.CountAsync(target, cancellationToken)).Where(c => c.Value > 0).ToList();
            if (existing.Count > 0)
            {
                return Refused($"{targetName} already holds data ({string.Join(", ", existing.Select(c => $"{c.Key}: {c.Value}"))}). "
                    + "copy-to only fills an empty database, so nothing is overwritten: create a new one (e.g. createdb) and run copy-to again.");
            }

            return await CopyAsync(source, target, targetName, progress, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or DbUpdateException)
        {
            var reason = e is DbUpdateException { InnerException: { } inner } ? inner.Message : e.Message;
            return Refused($"PostgreSQL ({targetName}) answered: {reason} Nothing was kept in the target database.");
        }
    }

    private async Task<CopyReport> CopyAsync(FolioDb source, PostgresFolioDb target, string targetName, CopyProgress progress, CancellationToken cancellationToken)
    {
        // A deferred transaction reads one snapshot without the write lock, so a site still serving is neither blocked nor copied half-way through a change.
        await source.Database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = ((SqliteConnection)source.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await source.Database.UseTransactionAsync(snapshot, cancellationToken);
        var sourceCounts = await RowCounts.CountAsync(source, cancellationToken);

        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var copier = new EntityCopier(source, target, BatchSize);
        foreach (var type in CopyOrder.Of(source.Model))
        {
            var table = type.GetTableName() ?? type.DisplayName();
            var total = sourceCounts.GetValueOrDefault(table);
            progress.Copied(table, 0, total);
            await copier.CopyAsync(type, rows => progress.Copied(table, rows, total), cancellationToken);
        }

        await PostgresSequences.ResetAsync(target, cancellationToken);
        await new PostgresSearchIndex(loggers.CreateLogger<PostgresSearchIndex>(), Microsoft.Extensions.Options.Options.Create(new SearchOptions())).RebuildAsync(target, cancellationToken);
        var counts = RowCounts.Compare(sourceCounts, await RowCounts.CountAsync(target, cancellationToken));
        if (counts.Any(c => !c.Matches))
        {
            await transaction.RollbackAsync(cancellationToken);
            return new CopyReport(OperationResult.Refused(
                $"The row counts differ (marked MISMATCH above), so nothing was kept in {targetName}. Please report this as a bug in Folio."), counts);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CopyReport(OperationResult.Done(
            $"copied {counts.Sum(c => c.Target)} rows in {counts.Count} tables to {targetName}. "
            + "To serve from it, set Folio__Database=postgres and ConnectionStrings__Folio to this connection string; "
            + "the uploaded media and pages stay in the data directory."), counts);
    }

    /// <summary>"database folio on db:5432", never with the password; null when the text is not a connection string.</summary>
    public static string? Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? null : $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static CopyReport Refused(string message) => new(OperationResult.Refused(message), []);
}
