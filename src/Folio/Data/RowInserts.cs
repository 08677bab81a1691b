using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Folio.Data;

/// <summary>
/// Inserts many new rows of one entity in a few multi-row INSERT statements, laid out from EF Core's model (table, columns,
/// type mappings and value converters), so each value is stored as a save would store it. SaveChanges sends one INSERT a
/// row, each returning its key, and tracks every entity: for a fan-out page of a thousand emails and a thousand notices
/// that was most of the page's time. Keys are left to the database and not read back, nothing is tracked and no save
/// observer runs: for rows no observer watches and nobody reads back at once. Through EF Core's connection, so inside the
/// caller's transaction and SQLite's write gate.
/// </summary>
public static class RowInserts
{
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 a statement, since on SQLite a statement's cost grew with the
    // square of its parameters: a fan-out page's 456 emails took 230-460 ms as one statement of 5,472, 45 ms as
    // statements of at most 500.
    private const int MaxParameters = 500;

    public static async Task InsertRowsAsync<TEntity>(this FolioDb db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in Folio's model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd && p.GetComputedColumnSql() is null).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        var rowsPerStatement = Math.Max(1, MaxParameters / columns.Count);
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            var values = chunk.Select(row => "(" + string.Join(", ", columns.Select(column =>
            {
                var parameter = ParameterFor(factory, column, row, parameters.Count);
                parameters.Add(parameter);
                return parameter.ParameterName;
            })) + ")");
            var sql = $"INSERT INTO \"{table.Name}\" ({names}) VALUES {string.Join(", ", values)}";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    private static DbParameter ParameterFor(DbCommand factory, IProperty column, object row, int index)
    {
        if (column.IsShadowProperty())
        {
            throw new InvalidOperationException($"{column.DeclaringType.DisplayName()}.{column.Name} has no value on the entity to write.");
        }

        var mapping = column.GetRelationalTypeMapping();
        var value = column.GetGetter().GetClrValue(row);
        var stored = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
        // Created empty and given the converted value after, as the bench's RowInserter does: the value must be converted once.
        var parameter = mapping.CreateParameter(factory, $"@p{index}", null, column.IsNullable);
        parameter.Value = stored ?? DBNull.Value;
        return parameter;
    }
}
