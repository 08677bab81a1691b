using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Folio.Data;

/// <summary>
/// Every time Folio stores is UTC; SQLite hands DateTimes back without a kind, which pages would then
/// print without a "Z" and browsers would read as local time. This restores the kind on the way out.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
