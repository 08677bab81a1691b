using Folio.Features.Challenges;

namespace Folio.Features.Stories;

/// <summary>A challenge entry's side of the workflow: taking it out of its challenge, and publishing it when it closes.</summary>
public sealed partial class StoryWorkflow
{
    /// <summary>Takes the story out of its challenge before it closes: a held story becomes a draft, a published one stays.</summary>
    public async Task<StoryOutcome> WithdrawEntryAsync(StoryActor actor, Story story, CancellationToken cancellationToken)
    {
        if (!actor.Owns(story))
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotYours);
        }

        if (await challenges.CurrentEntryAsync(story, cancellationToken) is not { } entry)
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotEntered);
        }

        if (entry.Challenge.PhaseAt(Now) != ChallengePhase.Open && story.Status is StoryStatus.Held or StoryStatus.Published or StoryStatus.Pending)
        {
            return StoryOutcome.Refused(story, StoryRefusal.ChallengeClosed);
        }

        db.ChallengeEntries.Remove(entry);
        if (story.Status == StoryStatus.Held)
        {
            story.WithdrawToDraft();
        }

        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(StoryResult.EntryWithdrawn, story);
    }

    /// <summary>
    /// Publishes a held entry once its challenge has closed, dated at the closing moment, firing what every publish
    /// fires (notifications, newsletters, webhooks, federation).
    /// </summary>
    public async Task<StoryOutcome> ReleaseAsync(Story story, DateTime closedAt, CancellationToken cancellationToken)
    {
        if (story.Status != StoryStatus.Held || await challenges.HoldingAsync(story, cancellationToken) is not null)
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotWaitingForReview);
        }

        await PublishAsync(story, closedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(StoryResult.Released, story);
    }
}
