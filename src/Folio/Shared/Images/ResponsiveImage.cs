using System.Globalization;
using System.Text.RegularExpressions;

namespace Folio.Shared.Images;

/// <summary>
/// A picture Folio stored in several widths, JPEG and WebP, all named from one base name, so the stored URL of the
/// largest JPEG is all a page needs: <c>/media/heroes/{id}-{width}x{height}.jpg</c>, and beside it <c>{base}.webp</c>
/// and <c>{base}-{w}.jpg</c> / <c>{base}-{w}.webp</c> for each smaller width. A URL of any other shape (demo content,
/// imports, heroes stored before variants) is not one, and is served as it is.
/// </summary>
public sealed partial record ResponsiveImage(string Folder, string BaseName, int Width, int Height)
{
    /// <summary>The widths stored below the picture's own, which is stored too; never wider than the original.</summary>
    public static readonly int[] Widths = [480, 800, 1200, 1600];

    public static ResponsiveImage? Parse(string? url)
    {
        if (url is null || StoredUrl().Match(url) is not { Success: true } match)
        {
            return null;
        }

        var width = int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        return width is < 1 or > 10_000 || height is < 1 or > 100_000
            ? null
            : new ResponsiveImage(match.Groups["folder"].Value, $"{match.Groups["id"].Value}-{width}x{height}", width, height);
    }

    public static string BaseNameFor(Guid id, int width, int height) => $"{id:N}-{width}x{height}";

    /// <summary>The widths this picture is stored in, smallest first: the standard ones below its own, then its own.</summary>
    public static IReadOnlyList<int> WidthsFor(int width) => [.. Widths.Where(w => w < width), width];

    public IReadOnlyList<int> StoredWidths => WidthsFor(Width);

    public string Url => $"/media/{Folder}/{BaseName}.jpg";

    /// <summary>The file name of one width in one format ("jpg" or "webp").</summary>
    public string FileName(int width, string extension) =>
        width == Width ? $"{BaseName}.{extension}" : $"{BaseName}-{width}.{extension}";

    public string SrcSet(string extension) =>
        string.Join(", ", StoredWidths.Select(w => $"/media/{Folder}/{FileName(w, extension)} {w}w"));

    public IEnumerable<string> FileNames() => StoredWidths.SelectMany(w => new[] { FileName(w, "jpg"), FileName(w, "webp") });

    [GeneratedRegex(@"^/media/(?<folder>heroes|images)/(?<id>[0-9a-f]{32})-(?<w>[0-9]{1,5})x(?<h>[0-9]{1,6})\.jpg$")]
    private static partial Regex StoredUrl();
}
