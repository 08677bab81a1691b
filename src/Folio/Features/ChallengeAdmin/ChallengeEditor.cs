using Folio.Data;
using Folio.Features.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.ChallengeAdmin;

/// <summary>What a save came to: the challenge, or what to fix keyed by the form's field names.</summary>
/// <param name="Conflict">The input was fine but the site refuses it as it stands: the slug is taken, or judges have scored the criteria.</param>
public sealed record ChallengeEdit(Challenge? Challenge, Dictionary<string, string> Problems, bool Conflict = false)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The one way a challenge is created or changed, from the admin pages, the API and the command line: the form's
/// reader checks the input, <see cref="ChallengeChanges"/> checks it against the database, saves and audits it.
/// </summary>
public sealed class ChallengeEditor(FolioDb db, ChallengeChanges changes, ChallengeHeroImages heroes)
{
    /// <summary>What <see cref="ChallengeChanges"/> refuses because of the site's state rather than the input.</summary>
    private static readonly HashSet<string> ConflictFields = [nameof(ChallengeDraft.Slug), nameof(ChallengeDraft.Criteria)];

    /// <summary>The challenge with what an edit reads and rewrites (criteria, judges), tracked; null when no challenge has the slug.</summary>
    public Task<Challenge?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.Trim().ToLowerInvariant();
        return Editable().FirstOrDefaultAsync(c => c.Slug == lower, cancellationToken);
    }

    public Task<Challenge?> FindAsync(int id, CancellationToken cancellationToken) =>
        Editable().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<ChallengeEdit> CreateAsync(ChallengeFields fields, string createdById, CancellationToken cancellationToken)
    {
        var input = ChallengeInput.Blank("UTC");
        var problems = await ApplyAsync(fields, input, null, cancellationToken);
        return await SaveAsync(null, input, null, createdById, cancellationToken, problems);
    }

    public async Task<ChallengeEdit> EditAsync(Challenge challenge, ChallengeFields fields, CancellationToken cancellationToken)
    {
        var input = ChallengeInput.From(challenge, "UTC");
        var problems = await ApplyAsync(fields, input, challenge, cancellationToken);
        return await SaveAsync(challenge, input, null, challenge.CreatedById, cancellationToken, problems);
    }

    /// <summary>Creates (<paramref name="existing"/> null) or edits from the form as typed, storing a new hero picture once the rest is valid.</summary>
    public async Task<ChallengeEdit> SaveAsync(
        Challenge? existing, ChallengeInput input, IFormFile? hero, string userId, CancellationToken cancellationToken, Dictionary<string, string>? earlier = null)
    {
        var (draft, problems) = input.ToDraft(null);
        foreach (var (field, message) in earlier ?? [])
        {
            problems[field] = message;
        }

        if (draft is null || problems.Count > 0)
        {
            return new(existing, problems);
        }

        if (hero is { Length: > 0 })
        {
            var (url, error) = await heroes.SaveAsync(hero, cancellationToken);
            if (error is not null)
            {
                return new(existing, new() { ["HeroImage"] = error });
            }

            draft = draft with { HeroImageUrl = url };
        }

        var previousHero = existing?.HeroImageUrl;
        var result = existing is null
            ? await changes.CreateAsync(draft, userId, cancellationToken)
            : await changes.EditAsync(existing, draft, cancellationToken);
        if (!result.Succeeded)
        {
            heroes.DeleteIfUploaded(draft.HeroImageUrl);
            return new(result.Challenge, result.Problems, result.Problems.Keys.All(ConflictFields.Contains));
        }

        if (draft.HeroImageUrl is not null && previousHero != draft.HeroImageUrl)
        {
            heroes.DeleteIfUploaded(previousHero);
        }

        return new(result.Challenge, []);
    }

    private async Task<Dictionary<string, string>> ApplyAsync(ChallengeFields fields, ChallengeInput input, Challenge? existing, CancellationToken cancellationToken)
    {
        var problems = fields.ApplyTo(input, existing?.OpensAt, existing?.ClosesAt);
        var community = fields.Community?.Trim().TrimStart('/').ToLowerInvariant();
        if (community is { Length: > 0 })
        {
            var id = await db.Communities.Where(c => c.Slug == community).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            input.CommunityId = id?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (id is null)
            {
                problems[nameof(ChallengeInput.CommunityId)] = $"No community answers at /{(community.Length > 60 ? community[..60] + "…" : community)}. Give a community's slug, or leave it empty for a site-wide challenge.";
            }
        }
        else if (community is not null)
        {
            input.CommunityId = "";
        }

        return problems;
    }

    private IQueryable<Challenge> Editable() =>
        db.Challenges.Include(c => c.Criteria).Include(c => c.Judges).ThenInclude(j => j.User).AsSplitQuery();
}
