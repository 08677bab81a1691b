using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Features.Operations;

public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}

/// <summary>Rows per table of the model, counted inside the context's current transaction, to check a copy is whole.</summary>
public static class RowCounts
{
    public static IReadOnlyList<string> Tables(DbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(DbContext db, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in Tables(db))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = "SELECT COUNT(*) FROM \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    public static IReadOnlyList<TableCount> Compare(IReadOnlyDictionary<string, long> source, IReadOnlyDictionary<string, long> target) =>
        source.Keys.Union(target.Keys).Order(StringComparer.Ordinal)
            .Select(table => new TableCount(table, source.GetValueOrDefault(table, -1), target.GetValueOrDefault(table, -1)))
            .ToList();

    /// <summary>A plain-text table, one line per table, a mismatch marked so it cannot be missed.</summary>
    public static string Format(IReadOnlyList<TableCount> counts, string sourceName, string targetName)
    {
        var width = Math.Max(counts.Select(c => c.Table.Length).DefaultIfEmpty(0).Max(), "table".Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"table".PadRight(width)}  {sourceName,10}  {targetName,10}");
        foreach (var count in counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{count.Table.PadRight(width)}  {count.Source,10}  {count.Target,10}{(count.Matches ? "" : "  MISMATCH")}");
        }

        return text.ToString().TrimEnd();
    }
}
