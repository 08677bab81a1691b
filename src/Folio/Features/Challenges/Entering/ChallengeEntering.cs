using Folio.Data;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Entering;

/// <summary>
/// The story workflow's side of challenges: checks the challenge an author chose against <see cref="EntryRules"/>,
/// adds or removes the entry in the same save as the story, and says whether a story about to be published waits,
/// unseen, until its challenge closes. An entry row is made as soon as a draft is entered, so the choice is kept and
/// counts towards the author's entries; the rules are checked again, in full, whenever the story is submitted.
/// </summary>
public sealed class ChallengeEntering(FolioDb db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every reason the input's challenge choice can't be kept for this action, in one sentence per rule.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Story story, StoryInput input, StoryAction action, CancellationToken cancellationToken)
    {
        if (!input.ChallengeOffered)
        {
            return [];
        }

        var current = await CurrentEntryAsync(story, cancellationToken);
        var zone = await ChallengeTimes.ZoneOfAsync(db, story.AuthorId, cancellationToken);
        var slug = input.Challenge?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            return current is not null && current.Challenge.PhaseAt(Now) != ChallengePhase.Open && story.Status is StoryStatus.Published or StoryStatus.Held
                ? [ChallengeMessages.TooLateToWithdraw(current.Challenge, zone)]
                : [];
        }

        var challenge = current?.Challenge.Slug == slug ? current.Challenge
            : await db.Challenges.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null)
        {
            return [$"There is no challenge “{(slug.Length > 60 ? slug[..60] + "…" : slug)}”."];
        }

        if (current?.ChallengeId == challenge.Id && story.Status is StoryStatus.Published or StoryStatus.Held)
        {
            return [];
        }

        if (current?.ChallengeId != challenge.Id && story.PublishedAt is not null)
        {
            return [ChallengeMessages.AlreadyPublished];
        }

        // Saving a draft already entered keeps it, open or not; submitting it checks everything again.
        if (current?.ChallengeId == challenge.Id && action != StoryAction.Publish)
        {
            return [];
        }

        var others = await db.ChallengeEntries.CountAsync(e => e.AuthorId == story.AuthorId && e.ChallengeId == challenge.Id && e.StoryId != story.Id, cancellationToken);
        var roles = await RolesOfAsync(story.AuthorId, cancellationToken);
        return EntryRules.Check(challenge, new Entrant(roles, others), new EntryDraft(input.Rendered.WordCount, input.TagNames),
            Now, zone, action == StoryAction.Publish ? EntryCheck.Submit : EntryCheck.Draft);
    }

    /// <summary>Adds, moves or removes the story's entry as the input chose; saved with the story by the caller.</summary>
    public async Task ApplyAsync(Story story, StoryInput input, CancellationToken cancellationToken)
    {
        if (!input.ChallengeOffered)
        {
            return;
        }

        var current = await CurrentEntryAsync(story, cancellationToken);
        var slug = input.Challenge?.Trim();
        if (current is not null && current.Challenge.Slug == slug)
        {
            return;
        }

        if (current is not null)
        {
            db.ChallengeEntries.Remove(current);
        }

        if (!string.IsNullOrEmpty(slug) && await db.Challenges.FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken) is { } challenge)
        {
            db.ChallengeEntries.Add(new ChallengeEntry { Challenge = challenge, Story = story, AuthorId = story.AuthorId, EnteredAt = Now });
        }
    }

    /// <summary>The challenge a story about to be published waits for: entered, still open, and keeping entries unseen.</summary>
    public async Task<Challenge?> HoldingAsync(Story story, CancellationToken cancellationToken)
    {
        var entry = await CurrentEntryAsync(story, cancellationToken);
        return entry?.Challenge is { EntriesVisibleBeforeClose: false } challenge && Now < challenge.ClosesAt && challenge.ResultsPublishedAt is null
            ? challenge
            : null;
    }

    /// <summary>What the editor offers this author for this story (null for a new one).</summary>
    public Task<EntryChoices> ChoicesAsync(System.Security.Claims.ClaimsPrincipal user, Story? story, string? chosen, CancellationToken cancellationToken) =>
        EntryChoices.LoadAsync(db, this, user, story, chosen, Now, cancellationToken);

    public bool MayWithdraw(EntryChoices choices) => choices.CanWithdraw(Now);

    /// <summary>The story's entry as this unit of work has it: added or removed in this save, else as stored.</summary>
    public async Task<ChallengeEntry?> CurrentEntryAsync(Story story, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<ChallengeEntry>().Where(e => e.Entity.Story == story || (story.Id > 0 && e.Entity.StoryId == story.Id)).ToList();
        if (tracked.Count > 0)
        {
            return tracked.FirstOrDefault(e => e.State != EntityState.Deleted)?.Entity;
        }

        return story.Id == 0 ? null
            : await db.ChallengeEntries.Include(e => e.Challenge).FirstOrDefaultAsync(e => e.StoryId == story.Id, cancellationToken);
    }

    private async Task<IReadOnlyCollection<string>> RolesOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
}
