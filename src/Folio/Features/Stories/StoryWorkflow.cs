using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Challenges.Entering;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Features.Writing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Folio.Features.Stories;

/// <summary>What an author asks of their story; the workflow decides what it means for this story and this author.</summary>
public enum StoryAction
{
    /// <summary>Keep the story where it stands: a draft stays a draft; an edit to a live story goes live or into review.</summary>
    Save,

    /// <summary>Make it public: published at once for trusted creators, moderators and admins, otherwise submitted for review.</summary>
    Publish,

    /// <summary>Take it back out of the review queue as a draft (for a story that isn't waiting, just save it).</summary>
    Withdraw,

    /// <summary>Take a published story offline; it keeps its date if it comes back.</summary>
    Unpublish,
}

/// <summary>
/// Every change to a story goes through here, from the editor, the API, moderation, importers and the command line
/// (DESIGN.md, "One story workflow"). It decides what an action does and returns an outcome; it saves what it changed.
/// Callers load the story with <see cref="StoryWorkflowQueries.ForWorkflow"/> and check that the actor may see it.
/// </summary>
public sealed partial class StoryWorkflow(
    FolioDb db, StoryEditor editor, HeroImages heroes, StoryImageFiles imageFiles, Notifier notifier, UserManager<FolioUser> users, IOptions<ReviewOptions> review, TimeProvider clock,
    AuditLog audit, StoryAnnouncements announcements, ChallengeEntering challenges)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<StoryOutcome> CreateAsync(StoryActor actor, StoryInput input, StoryAction action, DateTime? publishedAt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var story = new Story { AuthorId = actor.UserId!, Title = "", Subtitle = "", Slug = "", CreatedAt = Now };
            try
            {
                return await CreateAsync(story, actor, input, action, publishedAt, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < RacedSaves.Attempts)
            {
                // Another story took the same slug, or created the same new tag, at the same moment: chosen again from
                // what is stored now. The hero image this attempt uploaded is uploaded again with the next.
                db.ChangeTracker.ForgetRefusedSave();
                if (story.HeroImageUrl != input.KeptHeroUrl)
                {
                    heroes.DeleteIfUploaded(story.HeroImageUrl);
                }
            }
        }
    }

    private async Task<StoryOutcome> CreateAsync(
        Story story, StoryActor actor, StoryInput input, StoryAction action, DateTime? publishedAt, CancellationToken cancellationToken)
    {
        var (community, errors) = await CheckAsync(story, input, action, cancellationToken);
        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(story, errors);
        }

        var uploadErrors = await editor.ApplyAsync(story, input, community!, cancellationToken);
        if (uploadErrors.Count > 0)
        {
            return StoryOutcome.Invalid(story, uploadErrors);
        }

        db.Stories.Add(story);
        await challenges.ApplyAsync(story, input, cancellationToken);
        var result = action == StoryAction.Publish ? await PublishOrSubmitAsync(story, actor, publishedAt ?? Now, cancellationToken) : StoryResult.DraftSaved;
        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(result, story);
    }

    /// <summary>Applies <paramref name="input"/> (null: no change to the content) and then <paramref name="action"/>.</summary>
    public async Task<StoryOutcome> ChangeAsync(StoryActor actor, Story story, StoryInput? input, StoryAction action, CancellationToken cancellationToken)
    {
        if (Refusal(actor, story, input, action) is { } refusal)
        {
            return StoryOutcome.Refused(story, refusal);
        }

        if (story.Status == StoryStatus.Pending)
        {
            story.WithdrawToDraft();
            await db.SaveChangesAsync(cancellationToken);
            return StoryOutcome.Done(StoryResult.Withdrawn, story);
        }

        var live = story.Status == StoryStatus.Published;
        StoryResult result;
        if (input is not null)
        {
            var (community, errors) = await CheckAsync(story, input, action, cancellationToken);
            if (errors.Count > 0)
            {
                return StoryOutcome.Invalid(story, errors);
            }

            (Dictionary<string, string> Errors, StoryResult Result) edit = live && action != StoryAction.Unpublish
                ? await EditLiveAsync(actor, story, input, cancellationToken)
                : (await editor.ApplyAsync(story, input, community!, cancellationToken), StoryResult.DraftSaved);
            if (edit.Errors.Count > 0)
            {
                return StoryOutcome.Invalid(story, edit.Errors);
            }

            result = edit.Result;
            await challenges.ApplyAsync(story, input, cancellationToken);
        }
        else
        {
            if (action == StoryAction.Publish && story.PublishedAt is null && story.Community.IsArchived)
            {
                return StoryOutcome.Invalid(story, new Dictionary<string, string> { [nameof(StoryInput.Community)] = CommunityRules.ArchivedRefusal(story.Community) });
            }

            result = live ? StoryResult.ChangesLive : StoryResult.DraftSaved;
        }

        if (action == StoryAction.Unpublish && live)
        {
            // The author's latest words go offline with the story; publishing it again is reviewed as usual.
            if (story.Revision is { } revision)
            {
                await ApplyRevisionAsync(story, revision, cancellationToken);
            }

            story.Unpublish();
            result = StoryResult.Unpublished;
        }
        else if (action == StoryAction.Publish && !live)
        {
            result = await PublishOrSubmitAsync(story, actor, Now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.Entries.Any(entry => entry.Entity is StoryRevision && entry.State == EntityState.Added))
        {
            // Two edits of a published story at once (a double submit, two tabs) both began its one waiting revision.
            db.ChangeTracker.Clear();
            return StoryOutcome.Refused(story, StoryRefusal.SavedAtTheSameMoment);
        }

        if (result == StoryResult.Unpublished)
        {
            await announcements.WithdrawAsync(story.Id, cancellationToken);
        }

        return StoryOutcome.Done(result, story);
    }

    /// <summary>Drops the changes waiting for review; the published story stays as it is.</summary>
    public async Task<StoryOutcome> WithdrawRevisionAsync(StoryActor actor, Story story, CancellationToken cancellationToken)
    {
        if (!actor.MayChange(story))
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotYours);
        }

        if (story.Revision is not { } revision)
        {
            return StoryOutcome.Refused(story, StoryRefusal.NoRevision);
        }

        Discard(story, revision);
        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(StoryResult.RevisionWithdrawn, story);
    }

    public async Task<StoryOutcome> DeleteAsync(StoryActor actor, Story story, CancellationToken cancellationToken)
    {
        if (!actor.MayChange(story))
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotYours);
        }

        // Comments, hearts, insights, reviews, revisions, reports, reads, notifications and the record of the pictures
        // it uses go with it (the database's cascades); then the picture files no other story uses.
        List<string?> images = [story.HeroImageUrl, story.Revision?.HeroImageUrl, .. await imageFiles.UsedByAsync([story.Id], cancellationToken)];
        db.Stories.Remove(story);
        await db.SaveChangesAsync(cancellationToken);
        await announcements.WithdrawAsync(story.Id, cancellationToken);
        await imageFiles.DeleteUnusedAsync(images, cancellationToken);

        return StoryOutcome.Done(StoryResult.Deleted, story);
    }

    /// <summary>
    /// Imported stories, already in the state they arrive in, saved together with whatever the caller added to the
    /// context for them (their comments, hearts…): one save, so a large import pays once per batch for the search
    /// index, the webhook outbox and the cache eviction. Throws DbUpdateException when the database refuses any of them.
    /// </summary>
    public async Task ImportAsync(IReadOnlyCollection<Story> stories, CancellationToken cancellationToken)
    {
        db.Stories.AddRange(stories);

        // Everything a batch saves was just added and not changed since, so one pass over the tracker finds it all;
        // left on, each of the save's observers would look over the whole batch again.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        var published = stories.Where(s => s.Status == StoryStatus.Published).Select(s => s.AuthorId).Distinct().ToList();
        if (published.Count == 0)
        {
            return;
        }

        var creator = users.NormalizeName(Roles.Creator);
        var creators = await db.UserRoles
            .Where(ur => published.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == creator))
            .Select(ur => ur.UserId)
            .ToListAsync(cancellationToken);
        foreach (var authorId in published.Except(creators))
        {
            await EnsureCreatorAsync(authorId);
        }
    }

    /// <summary>
    /// The rules the content must meet for this action (StoryRules), and where the story lives: the community named by
    /// the input until the story is first published, its own community from then on.
    /// </summary>
    public async Task<(Community? Community, Dictionary<string, string> Errors)> CheckAsync(
        Story story, StoryInput input, StoryAction action, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        Community? community;
        if (story.PublishedAt is not null)
        {
            community = story.Community;
            if (!string.IsNullOrWhiteSpace(input.Community) && !string.Equals(input.Community.Trim(), community.Slug, StringComparison.OrdinalIgnoreCase))
            {
                errors[nameof(StoryInput.Community)] = $"A story stays in the community it was first published in (“{community.Slug}”), so its address never breaks.";
            }
        }
        else
        {
            community = await editor.FindCommunityAsync(input.Community, cancellationToken);
            if (community is null && !string.IsNullOrWhiteSpace(input.Community))
            {
                var slug = input.Community.Trim();
                errors[nameof(StoryInput.Community)] = $"There is no community “{(slug.Length > 60 ? slug[..60] + "…" : slug)}”. Use the slug from its address, e.g. “earth” for /earth.";
            }
        }

        if (community is { IsArchived: true } && story.PublishedAt is null && action == StoryAction.Publish)
        {
            errors[nameof(StoryInput.Community)] = CommunityRules.ArchivedRefusal(community);
        }

        var readersWillSeeIt = action == StoryAction.Publish || (story.Status == StoryStatus.Published && action == StoryAction.Save);
        foreach (var (field, message) in StoryRules.Check(input, community, readersWillSeeIt ? StoryIntent.Submit : StoryIntent.SaveDraft))
        {
            errors.TryAdd(field, message);
        }

        // A draft may wait for its alt text; readers who can't see the hero may not.
        var hero = story.Revision is { } revision ? revision.HeroImageUrl : story.HeroImageUrl;
        if (readersWillSeeIt && input.WillHaveHero(hero) && HeroText.Clean(input.HeroAltText) is null)
        {
            errors.TryAdd(nameof(StoryInput.HeroAltText), HeroText.AltTextRequired);
        }

        var challengeReasons = await challenges.CheckAsync(story, input, action, cancellationToken);
        if (challengeReasons.Count > 0)
        {
            errors[nameof(StoryInput.Challenge)] = string.Join(" ", challengeReasons);
        }

        return (community, errors);
    }

    private static StoryRefusal? Refusal(StoryActor actor, Story story, StoryInput? input, StoryAction action)
    {
        if (!actor.MayChange(story))
        {
            return StoryRefusal.NotYours;
        }

        if (story.Status == StoryStatus.Pending)
        {
            // A story in review changes only by a moderator's decision, or by its author taking it back.
            return !actor.Owns(story) ? StoryRefusal.InReviewForSomeoneElse
                : action == StoryAction.Withdraw && input is null ? null
                : StoryRefusal.InReview;
        }

        if (story.Status == StoryStatus.Held && (input is not null || action != StoryAction.Save))
        {
            // Its readers are waiting for the challenge, and a creator who is not trusted was approved for this text.
            return StoryRefusal.HeldForChallenge;
        }

        return (action, story.Status) switch
        {
            (StoryAction.Withdraw, StoryStatus.Published) => StoryRefusal.PublishedIsNotADraft,
            (StoryAction.Unpublish, not (StoryStatus.Published or StoryStatus.Unpublished)) => StoryRefusal.NotPublished,
            _ => null,
        };
    }

    /// <summary>
    /// An edit to a live story: live at once for those who publish without review (and for a minor edit, when the
    /// operator allows them), otherwise kept as the story's revision, waiting for a moderator.
    /// Whether comments are open is the author's choice, not content, so it changes at once.
    /// </summary>
    private async Task<(Dictionary<string, string> Errors, StoryResult Result)> EditLiveAsync(
        StoryActor actor, Story story, StoryInput input, CancellationToken cancellationToken)
    {
        story.CommentsEnabled = input.CommentsEnabled;
        if (actor.CanPublish)
        {
            if (story.Revision is { } outdated)
            {
                Discard(story, outdated);
            }

            return (await editor.ApplyAsync(story, input, story.Community, cancellationToken), StoryResult.ChangesLive);
        }

        var revision = story.Revision ?? new StoryRevision { Story = story, Title = "", Subtitle = "", CreatedAt = Now, HeroImageUrl = story.HeroImageUrl,
            HeroAltText = story.HeroAltText, HeroCaption = story.HeroCaption };
        var errors = await editor.ProposeAsync(story, revision, input, cancellationToken);
        if (errors.Count > 0)
        {
            return (errors, StoryResult.Invalid);
        }

        revision.UpdatedAt = Now;
        var changed = revision.Version.CharactersChangedFrom(StoryVersion.Of(story));
        // Labels that tell readers more (a warning added, AI use declared) go live with the edit; taking any away waits
        // for a moderator, however small the rest of the edit.
        var labelsKept = revision.Labels.TellsAtLeast(story.Labels);
        if (labelsKept && (changed == 0 || changed < review.Value.MinorEditCharacters))
        {
            await ApplyRevisionAsync(story, revision, cancellationToken);
            return ([], StoryResult.ChangesLive);
        }

        if (story.Revision is null)
        {
            story.Revision = revision;
            db.StoryRevisions.Add(revision);
        }

        // Edited while waiting, it keeps its place in the queue; edited after it was sent back, it joins the end.
        revision.Submit(revision.SubmittedAt ?? Now);
        return ([], StoryResult.RevisionSubmitted);
    }

    private async Task<StoryResult> PublishOrSubmitAsync(Story story, StoryActor actor, DateTime at, CancellationToken cancellationToken)
    {
        if (!actor.CanPublish && story.Community.SubmissionsNeedReview)
        {
            story.SubmitForReview(Now);
            return StoryResult.Submitted;
        }

        return await PublishAsync(story, at, cancellationToken);
    }

    /// <summary>
    /// Publishes, has the story's readers told the first time (in the background, after this save), and makes the
    /// author a creator; or, for an entry in a challenge that keeps its entries unseen while open, holds it until then.
    /// </summary>
    private async Task<StoryResult> PublishAsync(Story story, DateTime at, CancellationToken cancellationToken)
    {
        if (story.PublishedAt is null && await challenges.HoldingAsync(story, cancellationToken) is not null)
        {
            story.Hold();
            return StoryResult.Held;
        }

        var firstTime = story.PublishedAt is null;
        story.Publish(at);
        if (firstTime)
        {
            announcements.Announce(story);
        }

        await EnsureCreatorAsync(story.AuthorId);
        return StoryResult.Published;
    }

    private async Task EnsureCreatorAsync(string authorId)
    {
        if (await users.FindByIdAsync(authorId) is { } author && !await users.IsInRoleAsync(author, Roles.Creator))
        {
            await users.AddToRoleAsync(author, Roles.Creator);
        }
    }
}
