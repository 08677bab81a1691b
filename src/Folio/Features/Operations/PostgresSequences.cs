using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Folio.Features.Operations;

/// <summary>
/// Rows copied with their own keys leave PostgreSQL's identity sequences at 1; each is moved past the table's highest
/// key, so the next story or comment gets a fresh number instead of a duplicate-key error.
/// </summary>
public static class PostgresSequences
{
    public static async Task ResetAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var type in db.Model.GetEntityTypes())
        {
            if (type.GetTableName() is not { } table
                || type.FindPrimaryKey()?.Properties is not [{ ValueGenerated: ValueGenerated.OnAdd } key]
                || (key.ClrType != typeof(int) && key.ClrType != typeof(long))
                || key.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema())) is not { } column)
            {
                continue;
            }

            // pg_get_serial_sequence parses its first argument as SQL (so the quotes keep the case) and takes the column literally.
            var sql = $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', '{column}'), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}";
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
