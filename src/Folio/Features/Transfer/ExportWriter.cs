using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>Writes arrays of rows as they are read, flushing to the file as it goes; people are named by username.</summary>
internal sealed class ExportWriter(Utf8JsonWriter json, Dictionary<string, string> usernames, CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken => cancellationToken;

    public async Task<int> ArrayAsync<T>(string name, IQueryable<T> rows, Action<T> writeFields)
    {
        json.WriteStartArray(name);
        var count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            writeFields(row);
            json.WriteEndObject();
            count++;
            await FlushIfFullAsync();
        }

        json.WriteEndArray();
        return count;
    }

    public async Task FlushIfFullAsync()
    {
        if (json.BytesPending > 64 * 1024)
        {
            await json.FlushAsync(cancellationToken);
        }
    }

    public void WriteDate(string name, DateTime? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public string Username(string userId) => usernames.GetValueOrDefault(userId, userId);

    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
