using Folio.Features.SiteAdmin;
using Folio.Pages.Shared;

namespace Folio.Features.SharingCards;

/// <summary>
/// The picture a page offers to link previews (og:image, twitter:image, JSON-LD): its own raster picture when it has
/// one, else its sharing card, else the site's. Never an SVG: Facebook, X, LinkedIn, Mastodon and messaging apps show none.
/// </summary>
/// <param name="Width">Known for cards; an uploaded or imported picture's size is not stored.</param>
public sealed record SharingImage(string Url, int? Width, int? Height, string Alt, string? Type)
{
    private static readonly string[] RasterExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif"];

    public static SharingImage For(PageHead head, SiteSettings site)
    {
        if (head.ImageUrl is { } url && IsRaster(url))
        {
            return new SharingImage(url, null, null, head.ImageAlt ?? head.Title ?? site.Name, null);
        }

        var face = (head.Card ?? SharingCard.ForSite).Face(site);
        return new SharingImage(face.Path, CardFace.Width, CardFace.Height, face.Alt, "image/png");
    }

    /// <summary>Judged by the address's file extension: an address without one may be anything, so it counts as not raster.</summary>
    public static bool IsRaster(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var path = url.Split('?', '#')[0];
        return RasterExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
