using Folio.Data;
using Folio.Features.Audit;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

public sealed record ChallengeChangeResult(Challenge? Challenge, Dictionary<string, string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Creates and edits challenges: checks what needs the database (the slug is free, every judge exists, the community
/// exists), renders the prompt once, and writes an audit entry in the same save.
/// </summary>
public sealed class ChallengeChanges(FolioDb db, AuditLog audit, TimeProvider clock)
{
    public const string SubjectType = "challenge";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ChallengeChangeResult> CreateAsync(ChallengeDraft draft, string createdById, CancellationToken cancellationToken)
    {
        var challenge = new Challenge { Slug = draft.Slug, Title = draft.Title, PromptMarkdown = "", PromptHtml = "", CreatedById = createdById, CreatedAt = Now };
        var problems = await ProblemsAsync(draft, null, cancellationToken);
        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        await ApplyAsync(challenge, draft, cancellationToken);
        db.Challenges.Add(challenge);
        try
        {
            // The entry names the challenge by its id, which the first save gives it; the transaction keeps both or neither.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditActions.ChallengeCreate, SubjectType, Id(challenge), $"Created the challenge {challenge.Title} (/challenges/{challenge.Slug})",
                null, Snapshot(challenge), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two editors saving the same slug at once: the unique index stops the second.
            if (!await SlugTakenAfterRaceAsync(draft.Slug, cancellationToken))
            {
                throw;
            }

            return new(null, new() { [nameof(ChallengeDraft.Slug)] = ChallengeSlugs.Taken(draft.Slug) });
        }

        return new(challenge, []);
    }

    /// <summary>Applies the draft to the tracked challenge (loaded with its criteria and judges) and saves, or says what to fix.</summary>
    public async Task<ChallengeChangeResult> EditAsync(Challenge challenge, ChallengeDraft draft, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(draft, challenge.Id, cancellationToken);
        if (problems.Count > 0)
        {
            return new(challenge, problems);
        }

        var before = Snapshot(challenge);
        await ApplyAsync(challenge, draft, cancellationToken);
        var after = Snapshot(challenge);
        var changed = after.Keys.Where(k => !Equals(before[k], after[k])).ToList();
        if (changed.Count == 0)
        {
            return new(challenge, []);
        }

        challenge.UpdatedAt = Now;
        await audit.RecordAsync(AuditActions.ChallengeEdit, SubjectType, Id(challenge),
            $"Edited the challenge {challenge.Title} (/challenges/{challenge.Slug}): {string.Join(", ", changed)}.",
            changed.ToDictionary(k => k, k => before[k]), changed.ToDictionary(k => k, k => after[k]), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await SlugTakenAfterRaceAsync(draft.Slug, cancellationToken))
            {
                throw;
            }

            return new(challenge, new() { [nameof(ChallengeDraft.Slug)] = ChallengeSlugs.Taken(draft.Slug) });
        }

        return new(challenge, []);
    }

    private async Task<Dictionary<string, string>> ProblemsAsync(ChallengeDraft draft, int? editing, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        if (ChallengeSlugs.Reserved.Contains(draft.Slug)
            || await db.Challenges.AnyAsync(c => c.Slug == draft.Slug && c.Id != editing, cancellationToken))
        {
            problems[nameof(ChallengeDraft.Slug)] = ChallengeSlugs.Taken(draft.Slug);
        }

        if (draft.CommunityId is { } communityId && !await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
        {
            problems[nameof(ChallengeDraft.CommunityId)] = "That community no longer exists. Choose another, or make the challenge site-wide.";
        }

        if (editing is { } id && await db.ChallengeScores.AnyAsync(s => db.ChallengeEntries.Any(e => e.Id == s.EntryId && e.ChallengeId == id), cancellationToken)
            && draft.Criteria.Count != await db.Set<ChallengeCriterion>().CountAsync(c => c.ChallengeId == id, cancellationToken))
        {
            problems[nameof(ChallengeDraft.Criteria)] =
                "Judges have already scored entries on these criteria: you can rename them or change their weights, but not add or remove one.";
        }

        var names = draft.Judges.Select(j => j.ToUpperInvariant()).ToList();
        var found = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken);
        var unknown = draft.Judges.Where(j => !found.Contains(j.ToUpperInvariant())).ToList();
        if (unknown.Count > 0)
        {
            problems[nameof(ChallengeDraft.Judges)] = $"No account is called {string.Join(", ", unknown)}. Give each judge's username.";
        }

        return problems;
    }

    private async Task ApplyAsync(Challenge challenge, ChallengeDraft draft, CancellationToken cancellationToken)
    {
        challenge.Slug = draft.Slug;
        challenge.Title = draft.Title;
        if (challenge.PromptMarkdown != draft.PromptMarkdown || challenge.PromptHtml.Length == 0)
        {
            challenge.PromptMarkdown = draft.PromptMarkdown;
            challenge.PromptHtml = StoryRenderer.Render(draft.PromptMarkdown).Html;
        }

        if (draft.HeroImageUrl is not null)
        {
            challenge.HeroImageUrl = draft.HeroImageUrl;
        }

        challenge.HeroAltText = draft.HeroAltText;
        challenge.CommunityId = draft.CommunityId;
        challenge.OpensAt = draft.OpensAt;
        challenge.ClosesAt = draft.ClosesAt;
        challenge.MinWords = draft.MinWords;
        challenge.MaxWords = draft.MaxWords;
        if (!challenge.RequiredTags.SequenceEqual(draft.RequiredTags))
        {
            challenge.RequiredTags = [.. draft.RequiredTags];
        }

        challenge.EntriesPerCreator = draft.EntriesPerCreator;
        challenge.EntrantRole = draft.EntrantRole;
        challenge.EntriesVisibleBeforeClose = draft.EntriesVisibleBeforeClose;
        challenge.JudgesPerEntry = draft.JudgesPerEntry;
        challenge.BlindJudging = draft.BlindJudging;
        challenge.FirstPrize = draft.FirstPrize;
        challenge.SecondPrize = draft.SecondPrize;
        challenge.ThirdPrize = draft.ThirdPrize;
        challenge.RunnersUp = draft.RunnersUp;
        challenge.RunnerUpPrize = draft.RunnerUpPrize;
        ApplyCriteria(challenge, draft.Criteria);
        await ApplyJudgesAsync(challenge, draft, cancellationToken);
    }

    /// <summary>Criteria are kept by position, so an edit to a name or a weight keeps the row (and, later, its scores).</summary>
    private static void ApplyCriteria(Challenge challenge, IReadOnlyList<CriterionDraft> criteria)
    {
        var existing = challenge.Criteria.OrderBy(c => c.Position).ToList();
        for (var i = 0; i < criteria.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Name = criteria[i].Name;
                existing[i].Weight = criteria[i].Weight;
                existing[i].Position = i;
            }
            else
            {
                challenge.Criteria.Add(new ChallengeCriterion { Name = criteria[i].Name, Weight = criteria[i].Weight, Position = i });
            }
        }

        foreach (var extra in existing.Skip(criteria.Count))
        {
            challenge.Criteria.Remove(extra);
        }
    }

    private async Task ApplyJudgesAsync(Challenge challenge, ChallengeDraft draft, CancellationToken cancellationToken)
    {
        var names = draft.Judges.Select(j => j.ToUpperInvariant()).ToList();
        var users = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).ToListAsync(cancellationToken);
        var lead = draft.LeadJudge.ToUpperInvariant();
        challenge.Judges.RemoveAll(j => users.All(u => u.Id != j.UserId));
        foreach (var user in users)
        {
            var judge = challenge.Judges.FirstOrDefault(j => j.UserId == user.Id);
            if (judge is null)
            {
                judge = new ChallengeJudge { UserId = user.Id, User = user };
                challenge.Judges.Add(judge);
            }

            judge.User = user;
            judge.IsLead = user.NormalizedUserName == lead;
        }
    }

    private async Task<bool> SlugTakenAfterRaceAsync(string slug, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Challenges.AnyAsync(c => c.Slug == slug, cancellationToken);
    }

    private static string Id(Challenge challenge) => challenge.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Snapshot(Challenge c) => new()
    {
        ["slug"] = c.Slug, ["title"] = c.Title, ["prompt"] = c.PromptMarkdown, ["heroImageUrl"] = c.HeroImageUrl, ["heroAltText"] = c.HeroAltText,
        ["communityId"] = c.CommunityId, ["opensAt"] = c.OpensAt, ["closesAt"] = c.ClosesAt, ["minWords"] = c.MinWords, ["maxWords"] = c.MaxWords,
        ["requiredTags"] = string.Join(", ", c.RequiredTags), ["entriesPerCreator"] = c.EntriesPerCreator, ["entrantRole"] = c.EntrantRole,
        ["entriesVisibleBeforeClose"] = c.EntriesVisibleBeforeClose, ["judgesPerEntry"] = c.JudgesPerEntry, ["blindJudging"] = c.BlindJudging,
        ["criteria"] = string.Join(", ", c.Criteria.OrderBy(x => x.Position).Select(x => $"{x.Name} {x.Weight}%")),
        ["firstPrize"] = c.FirstPrize, ["secondPrize"] = c.SecondPrize, ["thirdPrize"] = c.ThirdPrize, ["runnersUp"] = c.RunnersUp,
        ["runnerUpPrize"] = c.RunnerUpPrize,
        ["judges"] = string.Join(", ", c.Judges.Select(j => (j.IsLead ? "lead " : "") + j.User?.UserName).Order(StringComparer.Ordinal)),
    };
}
