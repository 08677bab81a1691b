using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

public static class ChallengeEndpoints
{
    public static RouteGroupBuilder MapChallengeEndpoints(this RouteGroupBuilder api)
    {
        var challenges = api.MapGroup("/challenges").WithTags("Challenges");
        challenges.MapGet("", ListAsync).WithName("ListChallenges")
            .WithSummary("Challenges, latest closing first")
            .WithDescription("Paged with `cursor` and `limit` (1–100, default 20). Filter by `phase` (upcoming, open, judging or closed) and "
                + "`community` (slug); an unknown community gives an empty list, an unknown phase a 400.");
        challenges.MapGet("/{slug}", GetAsync).WithName("GetChallenge")
            .WithSummary("One challenge: prompt, rules, times, criteria, prizes, judges and, once published, results")
            .ProducesProblem(StatusCodes.Status404NotFound);
        challenges.MapGet("/{slug}/entries", EntriesAsync).WithName("ListChallengeEntries")
            .WithSummary("A challenge's entries, newest first")
            .WithDescription("What the challenge's page shows: published entries once the challenge has closed, or while it is open when it "
                + "shows entries as they come (`entriesVisible` on the challenge); otherwise an empty list. Paged with `cursor` and `limit`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        challenges.MapChallengeWriteEndpoints();
        challenges.MapChallengeEntryEndpoints();
        return api;
    }

    public static ProblemHttpResult NotFound(string slug) =>
        ApiProblems.NotFound($"There is no challenge at /challenges/{(slug.Length > 60 ? slug[..60] + "…" : slug)}.");

    private static async Task<Results<Ok<CursorPage<ApiChallengeSummary>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, string? phase, string? community, FolioDb db, SiteUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (page, pageProblem) = ApiPageRequest.Read(cursor, limit);
        var errors = new Dictionary<string, string[]>(pageProblem?.ProblemDetails.Errors ?? new Dictionary<string, string[]>());
        ChallengePhase? wanted = null;
        if (!string.IsNullOrWhiteSpace(phase))
        {
            if (Enum.TryParse<ChallengePhase>(phase.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(phase.Trim()[0]))
            {
                wanted = parsed;
            }
            else
            {
                errors["phase"] = ["Give one of: upcoming, open, judging, closed."];
            }
        }

        if (community?.Length > StoryEndpoints.MaxFilterLength)
        {
            errors["community"] = [$"A community filter is at most {StoryEndpoints.MaxFilterLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The list parameters are not valid");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Challenges.AsNoTracking();
        query = wanted switch
        {
            ChallengePhase.Upcoming => query.UpcomingAt(now),
            ChallengePhase.Open => query.OpenAt(now),
            ChallengePhase.Judging => query.JudgingAt(now),
            ChallengePhase.Closed => query.WithResults(),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(community))
        {
            var slug = community.Trim().ToLowerInvariant();
            query = query.Where(c => c.Community!.Slug == slug);
        }

        if (page!.After is { } after)
        {
            query = query.Where(c => c.ClosesAt < after.At || (c.ClosesAt == after.At && c.Id < after.Id));
        }

        // Entries are counted for this page's challenges only, from the (ChallengeId, EnteredAt) index.
        var rows = await query.OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id).Take(page.Limit + 1)
            .Select(c => new
            {
                c.Id, c.Slug, c.Title, Community = c.Community != null ? c.Community.Slug : null, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt,
                Entries = db.ChallengeEntries.Count(e => e.ChallengeId == c.Id),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, row => new ApiCursor(row.ClosesAt, row.Id), row => new ApiChallengeSummary(
            row.Slug, row.Title, urls.Absolute($"/challenges/{row.Slug}"), row.Community, row.OpensAt, row.ClosesAt,
            Challenge.PhaseOf(row.OpensAt, row.ClosesAt, row.ResultsPublishedAt, now), row.Entries)));
    }

    private static async Task<Results<Ok<ApiChallenge>, ProblemHttpResult>> GetAsync(string slug, ChallengeReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(slug, cancellationToken) is { } challenge ? TypedResults.Ok(challenge) : NotFound(slug);

    private static async Task<Results<Ok<CursorPage<ApiChallengeEntry>>, ValidationProblem, ProblemHttpResult>> EntriesAsync(
        string slug, string? cursor, int? limit, FolioDb db, SiteUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (page, problem) = ApiPageRequest.Read(cursor, limit);
        if (page is null)
        {
            return problem!;
        }

        var lower = slug.ToLowerInvariant();
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
        if (challenge is null)
        {
            return NotFound(slug);
        }

        if (!EntriesVisible(challenge, challenge.PhaseAt(clock.GetUtcNow().UtcDateTime)))
        {
            return TypedResults.Ok(new CursorPage<ApiChallengeEntry>([], null));
        }

        var entries = db.ChallengeEntries.AsNoTracking().Where(e => e.ChallengeId == challenge.Id)
            .Where(e => e.Story.Status == StoryStatus.Published && e.Story.PublishedAt != null);
        if (page.After is { } after)
        {
            entries = entries.Where(e => e.Story.PublishedAt < after.At || (e.Story.PublishedAt == after.At && e.Id < after.Id));
        }

        var rows = await entries.OrderByDescending(e => e.Story.PublishedAt).ThenByDescending(e => e.Id).Take(page.Limit + 1)
            .SelectWithStorySummary(e => e.Story, e => new { e.Id, e.Placement, e.PlacementNote }).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.ToPage(rows, row => new ApiCursor(row.Story.PublishedAt, row.Item.Id),
            row => new ApiChallengeEntry(row.Item.Id, row.Story.ToSummary(urls), row.Item.Placement, row.Item.PlacementNote)));
    }

    /// <summary>As the challenge's page: entries show once it has closed, or while open when it shows them as they come.</summary>
    public static bool EntriesVisible(Challenge challenge, ChallengePhase phase) =>
        phase is ChallengePhase.Judging or ChallengePhase.Closed || (phase == ChallengePhase.Open && challenge.EntriesVisibleBeforeClose);
}
