using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data;

/// <summary>
/// Every time Folio stores is UTC. SQLite hands DateTimes back without a kind, which pages would then print without
/// a "Z" and browsers would read as local time; PostgreSQL refuses to store a timestamptz without one. So the kind
/// is set on the way in and restored on the way out.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
