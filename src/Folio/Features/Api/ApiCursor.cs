using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Folio.Features.Api;

/// <summary>
/// An opaque position in a list sorted newest first: the sort time and the id that breaks ties. Clients pass
/// back the `next` value they were given; anything else is a 400, never a 500.
/// </summary>
public readonly record struct ApiCursor(DateTime At, long Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryDecode(string? value, out ApiCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value.Length > 64 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new ApiCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

/// <summary>One page of a list; `next` is null on the last page.</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? Next);
