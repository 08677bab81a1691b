using System.Data.Common;
using System.Text.RegularExpressions;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.QueryCost;

/// <summary>
/// The plan the database chooses for a command a page ran, with that command's own parameters: EXPLAIN QUERY PLAN on
/// SQLite; EXPLAIN on PostgreSQL with sequential scans priced out, since on a test's handful of rows a sequential scan
/// is rightly cheapest and only an index that cannot serve the query at all would still lose to one.
/// Without statistics SQLite plans as for tables of any size, which is the judgement a scan check wants (statistics of
/// a test's few rows rightly make reading 60 stories cheaper than 20 lookups). With statistics, as Folio's start-up
/// gathers them, it tells a rare tag from a common status, which is what picks a tag's index.
/// </summary>
public static partial class QueryPlans
{
    public static Task<string> ExplainAsync(FolioApp app, LoggedCommand command, bool statistics) => app.WithDbAsync(async db =>
    {
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            // On the connection that explains: another pooled connection keeps the statistics it loaded.
            await db.Database.ExecuteSqlRawAsync((sqlite, statistics) switch
            {
                (true, true) => "PRAGMA analysis_limit=400; ANALYZE;",
                (true, false) => "PRAGMA analysis_limit=400; ANALYZE; DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;",
                (false, true) => "ANALYZE; SET enable_seqscan = off;",
                (false, false) => "SET enable_seqscan = off;",
            });

            await using var explain = connection.CreateCommand();
            explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.Sql;
            foreach (var (name, value, original) in command.Parameters)
            {
                explain.Parameters.Add(original is ICloneable cloneable ? (DbParameter)cloneable.Clone() : Copy(explain, name, value));
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(sqlite ? 3 : 0));
            }

            return string.Join("\n", lines);
        }
        finally
        {
            if (!sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            }

            await db.Database.CloseConnectionAsync();
        }
    });

    /// <summary>
    /// Whether the plan reads every row of Stories rather than seeking or ranging on an index. EF Core sends
    /// "WHERE 0" for a list filtered by no ids; SQLite plans it as a scan but stops before reading a row.
    /// </summary>
    public static bool ScansAllStories(LoggedCommand command, string plan)
    {
        if (command.Sql.EndsWith("WHERE 0", StringComparison.Ordinal))
        {
            return false;
        }

        if (plan.Contains("Seq Scan on \"Stories\"", StringComparison.Ordinal))
        {
            return true;
        }

        var aliases = StoriesAlias().Matches(command.Sql).Select(m => m.Groups[1].Value).ToHashSet();
        return plan.Split('\n').Select(line => line.Trim())
            .Any(line => FullScan().Match(line) is { Success: true } scan && (scan.Groups[1].Value == "Stories" || aliases.Contains(scan.Groups[1].Value)));
    }

    private static DbParameter Copy(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    [GeneratedRegex("\"Stories\" AS \"(\\w+)\"")]
    private static partial Regex StoriesAlias();

    // SQLite's wording for reading a whole table: "SCAN s", without "USING ... INDEX".
    [GeneratedRegex("^SCAN (\\w+)$")]
    private static partial Regex FullScan();
}
