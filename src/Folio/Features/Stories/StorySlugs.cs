using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public static class StorySlugs
{
    /// <summary>How many numbered slugs one query asks about.</summary>
    private const int Probe = 10;

    /// <summary>
    /// The slug of this title (or wanted slug) that no other story in the community has: "title", else "title-2",
    /// "title-3"…. Each query asks about a handful of exact slugs, so a title a thousand stories share costs no more than
    /// a new one: past the first handful the numbering resumes after the count of numbered slugs.
    /// </summary>
    /// <param name="alsoTaken">Slugs of stories about to be saved in the same community.</param>
    public static async Task<string> UniqueAsync(FolioDb db, int communityId, string title, int storyId, CancellationToken cancellationToken,
        IReadOnlySet<string>? alsoTaken = null)
    {
        var baseSlug = Base(title);
        var first = 2;
        for (var round = 0; ; round++)
        {
            List<string> candidates = round == 0
                ? [baseSlug, .. Enumerable.Range(first, Probe - 1).Select(n => $"{baseSlug}-{n}")]
                : [.. Enumerable.Range(first, Probe).Select(n => $"{baseSlug}-{n}")];
            var taken = await db.Stories
                .Where(s => s.CommunityId == communityId && s.Id != storyId && candidates.Contains(s.Slug))
                .Select(s => s.Slug)
                .ToHashSetAsync(cancellationToken);
            if (candidates.FirstOrDefault(slug => !taken.Contains(slug) && alsoTaken?.Contains(slug) != true) is { } free)
            {
                return free;
            }

            first = round == 0 ? Math.Max(Probe + 1, await NumberedCountAsync(db, communityId, baseSlug, alsoTaken, cancellationToken) + 2) : first + Probe;
        }
    }

    /// <summary>
    /// How many slugs "{baseSlug}-…" the community has, or is about to: only asked once a title's first handful of
    /// numbers is taken, to jump past them.
    /// </summary>
    private static async Task<int> NumberedCountAsync(FolioDb db, int communityId, string baseSlug, IReadOnlySet<string>? alsoTaken,
        CancellationToken cancellationToken)
    {
        var prefix = baseSlug + "-";
        return await db.Stories.CountAsync(s => s.CommunityId == communityId && s.Slug.StartsWith(prefix), cancellationToken)
            + (alsoTaken?.Count(slug => slug.StartsWith(prefix, StringComparison.Ordinal)) ?? 0);
    }

    /// <summary>The slug a story with this title (or wanted slug) has when no other story in its community has it.</summary>
    public static string Base(string title) => Shared.Slug.From(title) is { Length: > 0 } slug ? slug : "story";
}
