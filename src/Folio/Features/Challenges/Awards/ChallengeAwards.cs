using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Awards;

/// <summary>
/// The places stories took in challenges whose results are published: read by story (through the unique index on the
/// entry's story) or by creator (the index on author and challenge), so a page asks about only what it shows.
/// </summary>
public static class ChallengeAwards
{
    /// <summary>At most this many on a profile: a creator with more shows their latest.</summary>
    public const int ProfileLimit = 20;

    public static Task<List<ChallengeAward>> ForStoriesAsync(FolioDb db, IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken) =>
        storyIds.Count == 0
            ? Task.FromResult(new List<ChallengeAward>())
            : Awarded(db).Where(e => storyIds.Contains(e.StoryId)).ToAwards().ToListAsync(cancellationToken);

    public static Task<List<ChallengeAward>> ForCreatorAsync(FolioDb db, string authorId, CancellationToken cancellationToken) =>
        Awarded(db).Where(e => e.AuthorId == authorId && e.Story.Status == StoryStatus.Published)
            .OrderByDescending(e => e.Challenge.ResultsPublishedAt).ThenBy(e => e.Placement).ThenBy(e => e.Id)
            .Take(ProfileLimit).ToAwards().ToListAsync(cancellationToken);

    private static IQueryable<ChallengeEntry> Awarded(FolioDb db) =>
        db.ChallengeEntries.Where(e => e.Placement != null && e.Challenge.ResultsPublishedAt != null);

    private static IQueryable<ChallengeAward> ToAwards(this IQueryable<ChallengeEntry> entries) =>
        entries.Select(e => new ChallengeAward(e.StoryId, e.Story.Title, StoryLinks.Path(e.Story.Community.Slug, e.Story.Slug), e.Challenge.Title, e.Challenge.Slug, e.Placement!.Value));
}
