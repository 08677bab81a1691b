using System.Globalization;
using Folio.Data;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Folio.Features.SharingCards;

/// <summary>
/// /cards/stories/{id}-{version}.png, /cards/communities/{slug}-{version}.png, /cards/authors/{username}-{version}.png and
/// /cards/site-{version}.png. The version is checked against what the card shows now: the current one is served for a
/// year, an older one redirects to the current address, and what is not public answers 404.
/// </summary>
public static class SharingCardEndpoints
{
    private const string Forever = "public, max-age=31536000, immutable";
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplicationBuilder AddSharingCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CardPictures>();
        builder.Services.AddSingleton<SharingCardStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSharingCards(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/cards/stories/{file}", Methods, (HttpContext http, string file, FolioDb db) =>
            ServeAsync(http, file, (key, cancellationToken) => StoryAsync(db, key, cancellationToken)));
        endpoints.MapMethods("/cards/communities/{file}", Methods, (HttpContext http, string file, FolioDb db) =>
            ServeAsync(http, file, (key, cancellationToken) => CommunityAsync(db, key, cancellationToken)));
        endpoints.MapMethods("/cards/authors/{file}", Methods, (HttpContext http, string file, FolioDb db) =>
            ServeAsync(http, file, (key, cancellationToken) => AuthorAsync(db, key, cancellationToken)));
        endpoints.MapMethods("/cards/site-{version}.png", Methods, (HttpContext http, string version) =>
            ServeAsync(http, $"site-{version}.png", (_, _) => Task.FromResult<SharingCard?>(SharingCard.ForSite)));
        return endpoints;
    }

    private static async Task<SharingCard?> StoryAsync(FolioDb db, string key, CancellationToken cancellationToken)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var story = await db.Stories.AsNoTracking().Published().Where(s => s.Id == id)
            .Select(s => new { s.Title, Creator = s.Author.DisplayName, Community = s.Community.Name, s.Community.AccentColor, s.Community.LogoUrl })
            .FirstOrDefaultAsync(cancellationToken);
        return story is null ? null : SharingCard.ForStory(id, story.Title, story.Creator, story.Community, story.AccentColor, story.LogoUrl);
    }

    private static async Task<SharingCard?> CommunityAsync(FolioDb db, string key, CancellationToken cancellationToken)
    {
        var slug = key.ToLowerInvariant();
        var community = await db.Communities.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Tagline, c.AccentColor, c.LogoUrl })
            .FirstOrDefaultAsync(cancellationToken);
        return community is null ? null : SharingCard.ForCommunity(community.Id, community.Slug, community.Name, community.Tagline, community.AccentColor, community.LogoUrl);
    }

    private static async Task<SharingCard?> AuthorAsync(FolioDb db, string key, CancellationToken cancellationToken)
    {
        var normalized = key.ToUpperInvariant();
        var author = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Bio, u.AvatarUrl })
            .FirstOrDefaultAsync(cancellationToken);
        return author?.UserName is null ? null : SharingCard.ForAuthor(author.Id, author.UserName, author.DisplayName, author.Bio, author.AvatarUrl);
    }

    private static async Task<IResult> ServeAsync(HttpContext http, string file, Func<string, CancellationToken, Task<SharingCard?>> find)
    {
        var cancellationToken = http.RequestAborted;
        if (!CardAddress.TryParse(file, out var key, out var version) || await find(key, cancellationToken) is not { } card)
        {
            return TypedResults.NotFound();
        }

        var site = await http.RequestServices.GetRequiredService<CurrentSite>().GetAsync(cancellationToken);
        var face = card.Face(site);
        if (face.Version != version)
        {
            // An address from before the card changed (a page or a share kept from then): the card as it is now.
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Redirect(face.Path);
        }

        var png = await http.RequestServices.GetRequiredService<SharingCardStore>().PngAsync(face, cancellationToken);
        if (png is null)
        {
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        http.Response.Headers.CacheControl = Forever;
        return TypedResults.File(png, "image/png", entityTag: new EntityTagHeaderValue($"\"{version}\""));
    }
}
