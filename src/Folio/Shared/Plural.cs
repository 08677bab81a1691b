using System.Globalization;

namespace Folio.Shared;

/// <summary>
/// A count with its noun, as every page, message and report shows counts: "1 insight", "2 insights", "1,204 reads".
/// One place, so no page says "1 insights" again.
/// </summary>
public static class Plural
{
    public static string Of(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : string.Format(CultureInfo.InvariantCulture, "{0:N0} {1}", count, many);

    /// <summary>The noun alone, for a count shown as a number with its noun said only to screen readers.</summary>
    public static string Noun(int count, string one, string many) => count == 1 ? one : many;
}
