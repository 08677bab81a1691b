using System.Security.Cryptography;
using System.Text;
using Folio.Shared;

namespace Folio.Features.SharingCards;

/// <summary>
/// Everything a sharing card draws. Its <see cref="Version"/> is a hash of all of it, so an address names one picture
/// for good: caches may keep it for a year, and any change to what it shows gives a new address.
/// </summary>
public sealed record CardFace(
    SharingCard Card, string Title, string? Byline, string? Label, string Mark, string? Accent, string? PictureUrl, string SiteName, string Alt)
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>Folio's own brand colour, for a site that has not chosen one.</summary>
    public const string DefaultAccent = "#1f2a44";

    /// <summary>Raise when the drawing changes, so every card is drawn again under a new address.</summary>
    private const string Design = "2";

    public string Background => AccentColour.Normalise(Accent) ?? DefaultAccent;

    public string Version => Hash(Design, Title, Byline, Label, Mark, Background, PictureUrl, SiteName);

    public string Path => Card.Kind == SharingCardKind.Site
        ? $"/cards/site-{Version}.png"
        : $"/cards/{Folder(Card.Kind)}/{Uri.EscapeDataString(Card.Key)}-{Version}.png";

    public static string Folder(SharingCardKind kind) => kind switch
    {
        SharingCardKind.Story => "stories",
        SharingCardKind.Community => "communities",
        SharingCardKind.Author => "authors",
        _ => "site",
    };

    /// <summary>Sixteen hex digits: a collision between two versions of one card is out of reach.</summary>
    private static string Hash(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)).AsSpan(0, 8));
    }
}
