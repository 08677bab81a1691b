using System.Globalization;

namespace Folio.Features.Transfer;

/// <summary>
/// Ghost writes its own address as __GHOST_URL__ in exported links and images. With the old site's address they
/// point back at it; without, they become paths on this site (/content/images/…), for files copied over by hand.
/// </summary>
public sealed class GhostLinks(string? siteUrl)
{
    public const string Placeholder = "__GHOST_URL__";

    private readonly string _site = siteUrl?.TrimEnd('/') ?? "";

    public bool Placeholders { get; private set; }

    public string? Resolve(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        return InText(url.Trim());
    }

    public string InText(string text)
    {
        if (!text.Contains(Placeholder, StringComparison.Ordinal))
        {
            return text;
        }

        Placeholders = true;
        return text.Replace(Placeholder, _site, StringComparison.Ordinal);
    }
}

public static class GhostDates
{
    public static DateTime? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date.UtcDateTime : null;
}
