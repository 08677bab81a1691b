using Folio.Features.Accounts;
using System.Security.Claims;
using Folio.Data;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Insights;

/// <summary>The "Reader insights" section of a story page, as the person looking at it sees it.</summary>
public sealed record InsightSummary(
    int StoryId, string StoryUrl, ImpressionCount? Leading, IReadOnlyList<InsightCount> Top, int ReaderCount,
    bool SignedIn, bool IsAuthor, ReaderChoices Mine)
{
    private const int TopCount = 5;

    /// <summary>Shown once, after saving in place.</summary>
    public string? Notice { get; init; }

    public bool IsEmpty => Leading is null && Top.Count == 0;

    public string PickerUrl => $"/stories/{StoryId}/insights";

    /// <summary>A visitor goes to sign in first and comes back to the picker.</summary>
    public string AddUrl => SignedIn ? PickerUrl : "/signin?returnUrl=" + Uri.EscapeDataString(PickerUrl);

    public string AddLabel => Mine.Given ? "Change your insights" : "Add your insights";

    public static async Task<InsightSummary> LoadAsync(FolioDb db, Story story, string storyUrl, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        // The viewer's own choices come with the counts (a reader gives a quality or an impression at most once), not
        // in commands of their own.
        var viewerId = viewer.UserId();
        var counts = await db.ReaderInsights.Where(i => i.StoryId == story.Id)
            .GroupBy(i => i.Quality)
            .Select(g => new { Quality = g.Key, Count = g.Count(), Mine = g.Count(i => i.ReaderId == viewerId) > 0 })
            .ToListAsync(cancellationToken);
        var top = counts
            .OrderByDescending(i => i.Count).ThenBy(i => i.Quality)
            .Take(TopCount)
            .Select(i => new InsightCount(InsightCatalog.Describe(i.Quality), i.Count))
            .ToList();
        var impressions = await db.ReaderImpressions.Where(i => i.StoryId == story.Id)
            .GroupBy(i => i.Impression)
            .Select(g => new { Impression = g.Key, Count = g.Count(), Mine = g.Count(i => i.ReaderId == viewerId) > 0 })
            .ToListAsync(cancellationToken);
        // Ties go to the better impression: a story read as often "outstanding" as "nice work" leads with "outstanding".
        var leading = impressions
            .OrderByDescending(i => i.Count).ThenByDescending(i => i.Impression)
            .Select(i => new ImpressionCount(ImpressionCatalog.Describe(i.Impression), i.Count))
            .FirstOrDefault();
        var readers = await db.InsightReaders().CountAsync(r => r.StoryId == story.Id, cancellationToken);

        var mine = viewerId is null
            ? ReaderChoices.None
            : new ReaderChoices(
                impressions.Where(i => i.Mine).Select(i => (Impression?)i.Impression).FirstOrDefault(),
                counts.Where(i => i.Mine).Select(i => i.Quality).ToHashSet());
        return new InsightSummary(story.Id, storyUrl, leading, top, readers, viewerId is not null, viewerId == story.AuthorId, mine);
    }
}
