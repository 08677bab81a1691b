using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Challenges.Entering;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>One challenge as the API shows it, for reading and for answering a create or a change.</summary>
public sealed class ChallengeReader(FolioDb db, SiteUrls urls, TimeProvider clock)
{
    public async Task<ApiChallenge?> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var challenge = await db.Challenges.AsNoTracking().Include(c => c.Community).Include(c => c.Criteria)
            .Include(c => c.Judges).ThenInclude(j => j.User).AsSplitQuery().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        if (challenge is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var phase = challenge.PhaseAt(now);
        var entries = await db.ChallengeEntries.CountAsync(e => e.ChallengeId == challenge.Id, cancellationToken);
        var results = phase != ChallengePhase.Closed ? [] : await db.ChallengeEntries
            .Where(e => e.ChallengeId == challenge.Id && e.Placement != null && e.Story.Status == StoryStatus.Published)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, Place = e.Placement!.Value, e.PlacementNote, e.StoryId, e.Story.Title, Community = e.Story.Community.Slug, e.Story.Slug,
                e.Author.UserName, e.Author.DisplayName,
            })
            .ToListAsync(cancellationToken);
        return new ApiChallenge(
            challenge.Slug, challenge.Title, urls.Absolute($"/challenges/{challenge.Slug}"), challenge.Community?.Slug,
            challenge.PromptMarkdown, challenge.PromptHtml, urls.AbsoluteMedia(challenge.HeroImageUrl), challenge.HeroAltText,
            challenge.OpensAt, challenge.ClosesAt, phase,
            new ApiChallengeRules(challenge.MinWords, challenge.MaxWords, challenge.RequiredTags, challenge.EntriesPerCreator, challenge.EntrantRole,
                challenge.EntriesVisibleBeforeClose, EntryRules.Describe(challenge)),
            [.. challenge.Criteria.OrderBy(c => c.Position).Select(c => new ApiCriterion(c.Name, c.Weight))],
            new ApiPrizes(challenge.FirstPrize, challenge.SecondPrize, challenge.ThirdPrize, challenge.RunnersUp, challenge.RunnerUpPrize),
            [.. challenge.Judges.OrderByDescending(j => j.IsLead).ThenBy(j => j.User.DisplayName, StringComparer.Ordinal)
                .Select(j => new ApiJudge(j.User.UserName!, j.User.DisplayName, j.IsLead))],
            challenge.JudgesPerEntry, challenge.BlindJudging, entries, ChallengeEndpoints.EntriesVisible(challenge, phase), challenge.ResultsPublishedAt,
            [.. results.OrderBy(r => r.Place).Select(r => new ApiPlacement(r.Place, r.Id,
                new ApiEntryStory(r.StoryId, r.Title, urls.Absolute(StoryLinks.Path(r.Community, r.Slug))),
                StoryAuthorResponse.From(urls, r.UserName!, r.DisplayName), r.PlacementNote))]);
    }
}
