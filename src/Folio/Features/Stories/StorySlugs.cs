using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StorySlugs
{
    /// <summary>The slug of this title (or wanted slug) that no other story in the community has: "title", else "title-2", "title-3"….</summary>
    public static async Task<string> UniqueAsync(FolioDb db, int communityId, string title, int storyId, CancellationToken cancellationToken)
    {
        var baseSlug = Shared.Slug.From(title);
        if (baseSlug.Length == 0)
        {
            baseSlug = "story";
        }

        var taken = await db.Stories
            .Where(s => s.CommunityId == communityId && s.Id != storyId && s.Slug.StartsWith(baseSlug))
            .Select(s => s.Slug)
            .ToListAsync(cancellationToken);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }
}
