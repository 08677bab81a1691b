using System.Text;
using System.Text.RegularExpressions;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Communities;

/// <summary>Each community's accent colour as a stylesheet, so pages need no inline styles.</summary>
public static partial class CommunityTheme
{
    public static IEndpointRouteBuilder MapCommunityTheme(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/communities.css", async (FolioDb db, CancellationToken cancellationToken) =>
        {
            var communities = await db.Communities.Select(c => new { c.Slug, c.AccentColor }).ToListAsync(cancellationToken);
            var css = new StringBuilder();
            foreach (var community in communities.Where(c => IsSafeSlug(c.Slug) && IsHexColor(c.AccentColor)))
            {
                css.Append($"[data-community=\"{community.Slug}\"]{{--accent:{community.AccentColor}}}\n");
            }

            return Results.Text(css.ToString(), "text/css; charset=utf-8");
        });
        return endpoints;
    }

    public static bool IsHexColor(string value) => HexColor().IsMatch(value);

    private static bool IsSafeSlug(string value) => value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
