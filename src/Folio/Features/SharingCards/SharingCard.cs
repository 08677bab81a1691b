using Folio.Features.SiteAdmin;

namespace Folio.Features.SharingCards;

public enum SharingCardKind
{
    Story,
    Community,
    Author,
    Site,
}

/// <summary>
/// The sharing card of one story, community, creator or the site: what it shows, without the site's own name and
/// colour, which <see cref="Face"/> adds. A page puts it in its <see cref="Pages.Shared.PageHead"/>; the card endpoint
/// builds the same one from the database to check the address it was asked for.
/// </summary>
/// <param name="Key">In the address: a story's id, a community's slug, a creator's username.</param>
/// <param name="StoreKey">Names its folder on disk: an id that a rename does not change, so old versions are found and removed.</param>
/// <param name="Mark">The name whose first letter stands in for a missing or vector picture.</param>
/// <param name="Accent">The background colour; null for the site's.</param>
/// <param name="PictureUrl">A logo or avatar; only uploaded raster pictures are drawn.</param>
/// <param name="Alt">What the card says, in words, without the site's name.</param>
public sealed record SharingCard(
    SharingCardKind Kind, string Key, string StoreKey, string Title, string? Byline, string? Label, string Mark,
    string? Accent, string? PictureUrl, string Alt)
{
    public static SharingCard ForStory(int id, string title, string creator, string community, string accent, string? logoUrl) =>
        new(SharingCardKind.Story, id.ToString(System.Globalization.CultureInfo.InvariantCulture), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            title, $"By {creator}", community, community, accent, logoUrl, $"“{title}” by {creator}, in {community}");

    public static SharingCard ForCommunity(int id, string slug, string name, string tagline, string accent, string? logoUrl) =>
        new(SharingCardKind.Community, slug, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            name, NullIfBlank(tagline), "Community", name, accent, logoUrl, string.IsNullOrWhiteSpace(tagline) ? name : $"{name}: {tagline}");

    public static SharingCard ForAuthor(string userId, string username, string displayName, string bio, string? avatarUrl) =>
        new(SharingCardKind.Author, username, userId, displayName, NullIfBlank(bio), $"@{username}", displayName, null, avatarUrl, $"{displayName} (@{username})");

    /// <summary>The card of every page that has none of its own: the site's name and description.</summary>
    public static readonly SharingCard ForSite = new(SharingCardKind.Site, "site", "site", "", null, null, "", null, null, "");

    public CardFace Face(SiteSettings site) => Kind == SharingCardKind.Site
        ? new CardFace(this, site.Name, NullIfBlank(site.Description), null, site.Name, site.AccentColour, null, site.Name,
            NullIfBlank(site.Description) is { } description ? $"{site.Name}: {description}" : site.Name)
        : new CardFace(this, Title, Byline, Label, Mark, Accent ?? site.AccentColour, PictureUrl, site.Name, $"{Alt}, on {site.Name}");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
