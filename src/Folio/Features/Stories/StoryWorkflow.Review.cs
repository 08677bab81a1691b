using Folio.Features.Audit;
using Folio.Features.Moderation;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

/// <summary>A moderator's side of the workflow: approving or sending back a submitted story or a revision of a live one.</summary>
public sealed partial class StoryWorkflow
{
    /// <param name="readVersion">The <see cref="ReviewVersion"/> the moderator read; a revision changed since then is not decided unread.</param>
    public async Task<StoryOutcome> ApproveAsync(StoryActor moderator, Story story, string? note, long? readVersion, CancellationToken cancellationToken)
    {
        if (DecisionRefusal(moderator, story, readVersion) is { } refusal)
        {
            return StoryOutcome.Refused(story, refusal);
        }

        StoryResult result;
        if (story.Status == StoryStatus.Pending)
        {
            var decision = Record(moderator, story, StoryVersion.Of(story), onRevision: false, ReviewDecision.Approved, [], note);
            var published = await PublishAsync(story, Now, cancellationToken);
            await AuditAsync(story, decision, cancellationToken);
            await notifier.ReviewDecidedAsync(story, decision, cancellationToken);
            result = published == StoryResult.Held ? StoryResult.ApprovedAndHeld : StoryResult.Approved;
        }
        else
        {
            var revision = story.Revision!;
            var decision = Record(moderator, story, revision.Version, onRevision: true, ReviewDecision.Approved, [], note);
            await AuditAsync(story, decision, cancellationToken);
            await ApplyRevisionAsync(story, revision, cancellationToken);
            await notifier.ReviewDecidedAsync(story, decision, cancellationToken);
            result = StoryResult.RevisionApproved;
        }

        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(result, story);
    }

    public async Task<StoryOutcome> SendBackAsync(
        StoryActor moderator, Story story, IReadOnlyCollection<ReviewReason> reasons, string? note, long? readVersion, CancellationToken cancellationToken)
    {
        if (DecisionRefusal(moderator, story, readVersion) is { } refusal)
        {
            return StoryOutcome.Refused(story, refusal);
        }

        var errors = new Dictionary<string, string>();
        if (reasons.Count == 0)
        {
            errors["Reasons"] = "Choose at least one reason, so the author knows what to fix.";
        }

        if (reasons.Contains(ReviewReason.Other) && string.IsNullOrWhiteSpace(note))
        {
            errors["Note"] = "You chose “Other”: say what the author should change.";
        }

        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(story, errors);
        }

        StoryReview decision;
        StoryResult result;
        if (story.Status == StoryStatus.Pending)
        {
            decision = Record(moderator, story, StoryVersion.Of(story), onRevision: false, ReviewDecision.SentBack, reasons, note);
            story.SendBack();
            result = StoryResult.SentBack;
        }
        else
        {
            decision = Record(moderator, story, story.Revision!.Version, onRevision: true, ReviewDecision.SentBack, reasons, note);
            story.Revision.SendBack();
            result = StoryResult.RevisionSentBack;
        }

        await AuditAsync(story, decision, cancellationToken);
        await notifier.ReviewDecidedAsync(story, decision, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(result, story);
    }

    /// <summary>The decision goes into the audit log with the story, in the same save.</summary>
    private Task AuditAsync(Story story, StoryReview decision, CancellationToken cancellationToken)
    {
        var (field, verb) = decision.OnRevision ? ("revision", "changes to") : ("status", "");
        var approved = decision.Decision == ReviewDecision.Approved;
        var after = new Dictionary<string, object?> { [field] = approved ? (decision.OnRevision ? "Approved" : story.Status.ToString()) : "SentBack" };
        if (!approved)
        {
            after["reasons"] = ReviewReasons.Decode(decision.Reasons).Select(ReviewReasons.Describe).ToList();
        }

        if (decision.Note.Length > 0)
        {
            after["note"] = decision.Note;
        }

        var what = verb.Length > 0 ? $"{verb} “{story.Title}”" : $"“{decision.Title ?? story.Title}”";
        return audit.RecordAsync(AuditActions.StoryDecision, "story", story.Id.ToString(), $"{(approved ? "Approved" : "Sent back")} {what}",
            new Dictionary<string, object?> { [field] = "Pending" }, after, cancellationToken);
    }

    /// <summary>What a moderator reads and decides on; changes whenever the author changes what waits.</summary>
    public static long? ReviewVersion(Story story) => story.Status == StoryStatus.Pending
        ? story.SubmittedAt?.Ticks
        : story.Revision is { Status: RevisionStatus.Pending } revision ? revision.UpdatedAt.Ticks : null;

    private static StoryRefusal? DecisionRefusal(StoryActor moderator, Story story, long? readVersion)
    {
        if (!moderator.CanModerate)
        {
            return StoryRefusal.NotYours;
        }

        return ReviewVersion(story) switch
        {
            null => StoryRefusal.NotWaitingForReview,
            var waiting when readVersion is not null && readVersion != waiting => StoryRefusal.ChangedSinceRead,
            _ => null,
        };
    }

    private StoryReview Record(
        StoryActor moderator, Story story, StoryVersion version, bool onRevision, ReviewDecision decision, IEnumerable<ReviewReason> reasons, string? note)
    {
        var review = new StoryReview
        {
            StoryId = story.Id,
            ModeratorId = moderator.UserId!,
            Decision = decision,
            Reasons = ReviewReasons.Encode(reasons),
            Note = note?.Trim() ?? "",
            DecidedAt = Now,
            OnRevision = onRevision,
        };
        review.Keep(version);
        return db.StoryReviews.Add(review).Entity;
    }

    /// <summary>The revision becomes the story readers see, and is closed.</summary>
    private async Task ApplyRevisionAsync(Story story, StoryRevision revision, CancellationToken cancellationToken)
    {
        story.Title = revision.Title;
        story.Subtitle = revision.Subtitle;
        if (revision.BodyMarkdown != story.BodyMarkdown)
        {
            story.SetBody(revision.BodyMarkdown, revision.Rendered);
        }

        var version = revision.Version;
        if (!version.SameTagsAs(StoryVersion.Of(story)))
        {
            story.Tags = await TagResolver.ResolveAsync(db, version.Tags, cancellationToken);
        }

        if (revision.HeroImageUrl != story.HeroImageUrl)
        {
            heroes.DeleteIfUploaded(story.HeroImageUrl);
            story.HeroImageUrl = revision.HeroImageUrl;
        }

        (story.HeroAltText, story.HeroCaption) = (revision.HeroAltText, revision.HeroCaption);
        story.Label(revision.Labels);

        story.UpdatedAt = Now;
        Close(story, revision);
    }

    /// <summary>The revision is dropped; a hero image uploaded only for it goes too.</summary>
    private void Discard(Story story, StoryRevision revision)
    {
        if (revision.HeroImageUrl != story.HeroImageUrl)
        {
            heroes.DeleteIfUploaded(revision.HeroImageUrl);
        }

        Close(story, revision);
    }

    private void Close(Story story, StoryRevision revision)
    {
        if (db.Entry(revision).State != EntityState.Detached)
        {
            db.StoryRevisions.Remove(revision);
        }

        story.Revision = null;
    }
}
