using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Communities;

/// <summary>A slug a community gave up; /{old}/... keeps answering with a permanent redirect to the same path under the new slug.</summary>
public sealed class CommunitySlugRedirect
{
    public int Id { get; private set; }
    public required string OldSlug { get; set; }
    public int CommunityId { get; set; }
    public Community Community { get; set; } = null!;
    public DateTime ChangedAt { get; set; }
}

public static class CommunitySlugRedirects
{
    /// <summary>The slug the community that gave up <paramref name="oldSlug"/> answers at now, or null.</summary>
    public static Task<string?> MovedToAsync(this FolioDb db, string oldSlug, CancellationToken cancellationToken)
    {
        var lower = oldSlug.ToLowerInvariant();
        return db.CommunitySlugRedirects.Where(r => r.OldSlug == lower).Select(r => r.Community.Slug).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The same request under the community's new slug: the first path segment replaced, the rest and the query kept.</summary>
    public static string MovedPath(HttpRequest request, string newSlug)
    {
        var path = request.Path.Value ?? "/";
        var rest = path.IndexOf('/', 1) is var at and > 0 ? path[at..] : "";
        return $"/{newSlug}{rest}{request.QueryString}";
    }
}
