using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>A challenge as one of its judges reaches it. Everyone else gets a 404: the judging pages are not there for them.</summary>
public sealed record JudgedChallenge(Challenge Challenge, ChallengeJudge Judge)
{
    public static async Task<JudgedChallenge?> FindAsync(FolioDb db, string slug, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        var lower = slug.ToLowerInvariant();
        var challenge = await db.Challenges.Include(c => c.Criteria).Include(c => c.Judges.Where(j => j.UserId == userId))
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        return challenge?.Judges.SingleOrDefault() is { } judge ? new JudgedChallenge(challenge, judge) : null;
    }

    public IReadOnlyList<ChallengeCriterion> Criteria => [.. Challenge.Criteria.OrderBy(c => c.Position)];

    public string Path => $"/challenges/{Challenge.Slug}/judging";
}
