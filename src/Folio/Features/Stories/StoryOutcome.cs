namespace Folio.Features.Stories;

/// <summary>What the story workflow did; each surface turns it into a page, a message or an API response.</summary>
public enum StoryResult
{
    DraftSaved,
    Submitted,
    Published,
    ChangesLive,
    RevisionSubmitted,
    Withdrawn,
    RevisionWithdrawn,
    Unpublished,
    Approved,
    RevisionApproved,
    SentBack,
    RevisionSentBack,
    Deleted,

    /// <summary>Ready for readers, but entered in a challenge that shows its entries only once it closes.</summary>
    Held,
    ApprovedAndHeld,
    EntryWithdrawn,
    Released,
    LabelsCorrected,

    /// <summary>The input breaks a rule; <see cref="StoryOutcome.Errors"/> says which field and why.</summary>
    Invalid,

    /// <summary>The action doesn't apply to the story as it stands; <see cref="StoryOutcome.Refusal"/> says why.</summary>
    Refused,
}

/// <summary>Why an action was refused, so a surface can word the way out in its own terms (a button, a JSON field).</summary>
public enum StoryRefusal
{
    None,
    InReview,
    InReviewForSomeoneElse,
    PublishedIsNotADraft,
    NotPublished,
    NoRevision,
    NotWaitingForReview,
    ChangedSinceRead,
    NotYours,
    SavedAtTheSameMoment,
    HeldForChallenge,
    ChallengeClosed,
    NotEntered,
}

public sealed record StoryOutcome(StoryResult Result, Story Story, IReadOnlyDictionary<string, string> Errors, StoryRefusal Refusal = StoryRefusal.None)
{
    public bool Succeeded => Result is not (StoryResult.Invalid or StoryResult.Refused);

    /// <summary>What happened or why not, in a sentence for the person who asked.</summary>
    public string Message => Result switch
    {
        StoryResult.DraftSaved => "Draft saved.",
        StoryResult.Submitted => "Submitted for review. A moderator will read it soon; you’ll find it under “In review”.",
        StoryResult.Published => "Published. Your story is live.",
        StoryResult.ChangesLive => "Your changes are live.",
        StoryResult.RevisionSubmitted => "Your changes are waiting for review. Readers see the published version until a moderator approves them.",
        StoryResult.Withdrawn => "Withdrawn from review. It is a draft again.",
        StoryResult.RevisionWithdrawn => "Your changes are withdrawn. Readers keep seeing the published version.",
        StoryResult.Unpublished => "The story is unpublished: only its author can see it now. It can be published or resubmitted later.",
        StoryResult.Approved => $"Approved: “{Story.Title}” is live.",
        StoryResult.RevisionApproved => $"Approved: the changes to “{Story.Title}” are live.",
        StoryResult.SentBack => $"Sent back: the author of “{Story.Title}” will see your reasons.",
        StoryResult.RevisionSentBack => $"Sent back: the author of “{Story.Title}” will see your reasons; the published version stays as it is.",
        StoryResult.Deleted => $"“{Story.Title}” is deleted.",
        StoryResult.Held => "Entered. Your story is ready, and readers see it when the challenge closes.",
        StoryResult.ApprovedAndHeld => $"Approved: “{Story.Title}” is entered in a challenge, so readers see it when the challenge closes.",
        StoryResult.EntryWithdrawn => Story.Status == StoryStatus.Published
            ? "Withdrawn from the challenge. The story stays published."
            : "Withdrawn from the challenge. It is a draft again.",
        StoryResult.Released => $"“{Story.Title}” is published: its challenge has closed.",
        StoryResult.LabelsCorrected => $"Labels corrected: the author of “{Story.Title}” will see the change and your reason.",
        StoryResult.Invalid => "Some fields need another look.",
        _ => Refusal switch
        {
            StoryRefusal.InReview => "This story is waiting for review. Withdraw it from review to edit it.",
            StoryRefusal.InReviewForSomeoneElse => "This story is waiting for review. Approve it or send it back from the review queue (/moderation) before changing it.",
            StoryRefusal.PublishedIsNotADraft => "This story is published. To take it offline, unpublish it; it can be published again later and keeps its date.",
            StoryRefusal.NotPublished => "This story isn’t published, so there is nothing to unpublish.",
            StoryRefusal.NoRevision => "This story has no changes waiting for review.",
            StoryRefusal.NotWaitingForReview => $"“{Story.Title}” is no longer waiting for review; someone may have decided already.",
            StoryRefusal.ChangedSinceRead => $"The author changed “{Story.Title}” while you were reading it. Read the new version before deciding.",
            StoryRefusal.HeldForChallenge => "This story is entered in a challenge and waits, unseen, until it closes. Withdraw it from the challenge to change it.",
            StoryRefusal.ChallengeClosed => "The challenge has closed; entries can no longer be withdrawn.",
            StoryRefusal.NotEntered => "This story isn’t entered in a challenge.",
            StoryRefusal.SavedAtTheSameMoment => $"“{Story.Title}” was saved from somewhere else at the same moment, and that save was kept. Open it again to see it.",
            _ => "Only the story's author, or a moderator, can change it.",
        },
    };

    public static StoryOutcome Done(StoryResult result, Story story) => new(result, story, NoErrors);

    public static StoryOutcome Invalid(Story story, IReadOnlyDictionary<string, string> errors) => new(StoryResult.Invalid, story, errors);

    public static StoryOutcome Refused(Story story, StoryRefusal why) => new(StoryResult.Refused, story, NoErrors, why);

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();
}
