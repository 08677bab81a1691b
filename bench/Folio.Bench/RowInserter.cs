using System.Data.Common;
using Folio.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Folio.Bench;

/// <summary>
/// Writes generated entities with one prepared INSERT per table, laid out from EF Core's own model: its table and column
/// names and its type mappings and value converters, so each value is stored as a save would store it. EF Core's change
/// tracking and per-row key round trip cost ~20 times the insert itself at millions of rows, and the generator fills an
/// empty database, so it hands out the integer keys itself (and sets them on the entities, for the rows that follow).
/// </summary>
public sealed class RowInserter(FolioDb db)
{
    private readonly Dictionary<IEntityType, TableInsert> _tables = [];

    private IEntityType EntityTypeOf(object row, string? sharedTypeName) =>
        (sharedTypeName is null ? db.Model.FindEntityType(row.GetType()) : db.Model.FindEntityType(sharedTypeName))
        ?? throw new InvalidOperationException($"{sharedTypeName ?? row.GetType().Name} is not in Folio's model.");

    /// <summary>Inserts the rows inside the caller's transaction.</summary>
    public void Insert(IEnumerable<object> rows, string? sharedTypeName, DbTransaction transaction)
    {
        foreach (var row in rows)
        {
            var type = EntityTypeOf(row, sharedTypeName);
            if (!_tables.TryGetValue(type, out var table))
            {
                _tables[type] = table = new TableInsert(type, db.Database.GetDbConnection());
            }

            table.Insert(row, transaction);
        }
    }

    private sealed class TableInsert
    {
        private readonly DbCommand _command;
        private readonly Column[] _columns;
        private readonly IProperty? _generatedKey;
        private int _lastKey;

        public TableInsert(IEntityType type, DbConnection connection)
        {
            var name = type.GetTableName()!;
            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            _generatedKey = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var keyType } key] && keyType == typeof(int)
                ? key
                : null;
            _command = connection.CreateCommand();
            _columns = type.GetProperties()
                .Where(p => p.GetComputedColumnSql() is null)
                .Select((p, i) => (Property: p, Mapping: p.GetRelationalTypeMapping(), Index: i))
                .Select(c => new Column(c.Property, c.Mapping, c.Property.GetColumnName(table)!, ParameterFor(c.Property, c.Mapping, c.Index)))
                .ToArray();
            _command.CommandText =
                $"INSERT INTO \"{name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})";
        }

        private DbParameter ParameterFor(IProperty property, RelationalTypeMapping mapping, int index)
        {
            var parameter = mapping.CreateParameter(_command, $"@p{index}", null, property.IsNullable);
            _command.Parameters.Add(parameter);
            return parameter;
        }

        public void Insert(object row, DbTransaction transaction)
        {
            if (_generatedKey is not null && _generatedKey.GetGetter().GetClrValue(row) is 0)
            {
                _generatedKey.PropertyInfo!.SetValue(row, ++_lastKey);
            }

            foreach (var column in _columns)
            {
                var value = ValueOf(column.Property, row);
                column.Parameter.Value = (value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            _command.Transaction = transaction;
            _command.ExecuteNonQuery();
        }

        /// <summary>A foreign key set only through its navigation (a reply's parent) takes the key the principal was given.</summary>
        private static object? ValueOf(IProperty property, object row)
        {
            if (property.IsShadowProperty() && !property.IsIndexerProperty())
            {
                throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no value on the entity to write.");
            }

            var value = property.GetGetter().GetClrValue(row);
            if (value is not null || !property.IsForeignKey())
            {
                return value;
            }

            foreach (var foreignKey in property.GetContainingForeignKeys())
            {
                if (foreignKey.DependentToPrincipal?.GetGetter().GetClrValue(row) is { } principal)
                {
                    return foreignKey.PrincipalKey.Properties[foreignKey.Properties.ToList().IndexOf(property)].GetGetter().GetClrValue(principal);
                }
            }

            return null;
        }

        private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Name, DbParameter Parameter);
    }
}
