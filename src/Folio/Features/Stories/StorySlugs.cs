using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StorySlugs
{
    /// <summary>The slug of this title (or wanted slug) that no other story in the community has: "title", else "title-2", "title-3"….</summary>
    /// <param name="alsoTaken">Slugs of stories about to be saved in the same community.</param>
    public static async Task<string> UniqueAsync(FolioDb db, int communityId, string title, int storyId, CancellationToken cancellationToken,
        IReadOnlySet<string>? alsoTaken = null)
    {
        var baseSlug = Base(title);
        var taken = await db.Stories
            .Where(s => s.CommunityId == communityId && s.Id != storyId && s.Slug.StartsWith(baseSlug))
            .Select(s => s.Slug)
            .ToHashSetAsync(cancellationToken);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug) || alsoTaken?.Contains(slug) == true; n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }

    /// <summary>The slug a story with this title (or wanted slug) has when no other story in its community has it.</summary>
    public static string Base(string title) => Shared.Slug.From(title) is { Length: > 0 } slug ? slug : "story";
}
