using System.Linq.Expressions;

namespace Folio.Features.Challenges;

/// <summary>The phases as filters over the stored times, each read from the ClosesAt index.</summary>
public static class ChallengeQueries
{
    public static IQueryable<Challenge> OpenAt(this IQueryable<Challenge> challenges, DateTime now) =>
        challenges.Where(c => c.ResultsPublishedAt == null && c.ClosesAt > now && c.OpensAt <= now);

    public static IQueryable<Challenge> UpcomingAt(this IQueryable<Challenge> challenges, DateTime now) =>
        challenges.Where(c => c.ResultsPublishedAt == null && c.ClosesAt > now && c.OpensAt > now);

    public static IQueryable<Challenge> JudgingAt(this IQueryable<Challenge> challenges, DateTime now) =>
        challenges.Where(c => c.ResultsPublishedAt == null && c.ClosesAt <= now);

    public static IQueryable<Challenge> WithResults(this IQueryable<Challenge> challenges) =>
        challenges.Where(c => c.ResultsPublishedAt != null);

    public static readonly Expression<Func<Challenge, ChallengeSummary>> Summary = c => new ChallengeSummary(
        c.Id, c.Slug, c.Title, c.PromptHtml, c.HeroImageUrl, c.HeroAltText, c.Community != null ? c.Community.Name : null,
        c.Community != null ? c.Community.Slug : null, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, c.UpdatedAt, c.CreatedAt);

    public static IQueryable<ChallengeSummary> ToSummaries(this IQueryable<Challenge> challenges) => challenges.Select(Summary);
}
