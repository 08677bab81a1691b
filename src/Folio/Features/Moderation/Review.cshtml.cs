using System.ComponentModel.DataAnnotations;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Moderation;

/// <summary>An earlier decision on the story, as the review page lists it.</summary>
public sealed record PastDecision(ReviewDecision Decision, bool OnRevision, string ModeratorName, DateTime DecidedAt, IReadOnlyList<ReviewReason> Reasons, string Note);

[Authorize(Policy = Policies.Moderate)]
public sealed class ReviewModel(FolioDb db, StoryWorkflow workflow, IAuthorizationService authorization, PageHead head) : PageModel
{
    public Story Story { get; private set; } = null!;

    /// <summary>What waits for a decision: the story's first submission, or its revision; null when nothing does.</summary>
    public StoryVersion? UnderReview { get; private set; }

    public bool IsRevision { get; private set; }

    /// <summary>For a revision, what it changes in the live story.</summary>
    public VersionDiff? ChangesToLive { get; private set; }

    /// <summary>For a resubmission, what changed since a moderator last sent it back.</summary>
    public VersionDiff? SinceSentBack { get; private set; }

    public IReadOnlyList<PastDecision> History { get; private set; } = [];

    [BindProperty]
    public List<ReviewReason> Reasons { get; set; } = [];

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Keep the note under 2,000 characters.")]
    public string? Note { get; set; }

    /// <summary>The version the moderator read (<see cref="StoryWorkflow.ReviewVersion"/>), posted back with the decision.</summary>
    [BindProperty]
    public long? ReadVersion { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The labels a moderator corrects the story's to, as slugs, and the reason the author reads.</summary>
    [BindProperty]
    public string? LabelsMaking { get; set; }

    [BindProperty]
    public List<string?> LabelsWarnings { get; set; } = [];

    [BindProperty]
    public string? LabelsWarningNote { get; set; }

    [BindProperty]
    public string? LabelsReason { get; set; }

    /// <summary>The correction was refused: the form stays open with what was typed and what to fix.</summary>
    public bool LabelsRefused { get; private set; }

    /// <summary>The labels readers will see once what waits is approved: the revision's, else the story's.</summary>
    public StoryLabelSet Labels => Story.Revision?.Labels ?? Story.Labels;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, (moderator, story) => workflow.ApproveAsync(moderator, story, Note, ReadVersion, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSendBackAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, (moderator, story) => workflow.SendBackAsync(moderator, story, Reasons, Note, ReadVersion, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostLabelsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (labels, errors) = StoryLabelSet.Parse(LabelsMaking, LabelsWarnings, LabelsWarningNote);
        var outcome = labels is null
            ? null
            : await workflow.CorrectLabelsAsync(await StoryActor.ReadAsync(User, authorization), Story, labels, LabelsReason, cancellationToken);
        if (outcome is { Succeeded: true })
        {
            StatusMessage = outcome.Message;
            return RedirectToPage(new { id });
        }

        if (outcome is { Result: StoryResult.Refused })
        {
            return Forbid();
        }

        foreach (var (field, message) in outcome?.Errors ?? errors)
        {
            ModelState.AddModelError(field == StoryWorkflow.CorrectionReasonField ? field : "Labels" + field, message);
        }

        LabelsRefused = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult> DecideAsync(int id, Func<StoryActor, Story, Task<StoryOutcome>> decide, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await decide(await StoryActor.ReadAsync(User, authorization), Story);
        switch (outcome.Result)
        {
            case StoryResult.Invalid:
                foreach (var (field, message) in outcome.Errors)
                {
                    ModelState.AddModelError(field, message);
                }

                return Page();
            case StoryResult.Refused when outcome.Refusal == StoryRefusal.ChangedSinceRead:
                StatusMessage = outcome.Message;
                return RedirectToPage(new { id });
            default:
                StatusMessage = outcome.Message;
                return RedirectToPage("/Moderation/Queue");
        }
    }

    private Task<StoryReview?> LatestDecisionAsync(int storyId, CancellationToken cancellationToken) =>
        db.StoryReviews.AsNoTracking().Where(r => r.StoryId == storyId).OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.ForWorkflow().Include(s => s.Author).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return false;
        }

        Story = story;
        // The history needs no story text; only the latest decision's kept version is read, for a resubmission's diff.
        History = await db.StoryReviews.Where(r => r.StoryId == id).OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id)
            .Select(r => new PastDecision(r.Decision, r.OnRevision, r.Moderator.DisplayName, r.DecidedAt, ReviewReasons.Decode(r.Reasons), r.Note))
            .ToListAsync(cancellationToken);

        IsRevision = story.Status != StoryStatus.Pending && story.Revision is { Status: RevisionStatus.Pending };
        UnderReview = story.Status == StoryStatus.Pending ? StoryVersion.Of(story) : IsRevision ? story.Revision!.Version : null;
        if (UnderReview is not null)
        {
            ReadVersion ??= StoryWorkflow.ReviewVersion(story);
            if (IsRevision)
            {
                ChangesToLive = VersionDiff.Between(StoryVersion.Of(story), UnderReview);
            }

            // A resubmission: the last decision sent back the same kind of submission and kept what it read.
            if (History.FirstOrDefault() is { Decision: ReviewDecision.SentBack } last && last.OnRevision == IsRevision
                && await LatestDecisionAsync(id, cancellationToken) is { Version: { } sentBack })
            {
                SinceSentBack = VersionDiff.Between(sentBack, UnderReview);
            }
        }

        if (Request.Method != HttpMethods.Post || LabelsMaking is null)
        {
            var labels = Labels;
            (LabelsMaking, LabelsWarnings, LabelsWarningNote) = (LabelNames.Slug(labels.Making), [.. LabelNames.Slugs(labels.Warnings)], labels.WarningNote);
        }

        head.Title = $"Review “{UnderReview?.Title ?? story.Title}”";
        return true;
    }
}
