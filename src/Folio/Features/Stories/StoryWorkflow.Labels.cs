using Folio.Features.Audit;
using Folio.Features.Labels;

namespace Folio.Features.Stories;

/// <summary>A moderator's correction of a story's labels: at once, with a reason the author is shown and told of.</summary>
public sealed partial class StoryWorkflow
{
    public const string CorrectionReasonField = "LabelsReason";

    public async Task<StoryOutcome> CorrectLabelsAsync(StoryActor moderator, Story story, StoryLabelSet labels, string? reason, CancellationToken cancellationToken)
    {
        if (!moderator.CanModerate)
        {
            return StoryOutcome.Refused(story, StoryRefusal.NotYours);
        }

        var before = story.Labels;
        var why = reason?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (why.Length == 0)
        {
            errors[CorrectionReasonField] = "Say why you changed the labels: the author reads it.";
        }
        else if (why.Length > StoryLabels.MaxCorrectionReason)
        {
            errors[CorrectionReasonField] = $"Keep the reason to {StoryLabels.MaxCorrectionReason} characters; it has {why.Length}.";
        }

        if (labels == before && (story.Revision is null || story.Revision.Labels == labels))
        {
            errors[nameof(StoryLabelSet.Making)] = "These are the story’s labels already: change one before saving.";
        }

        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(story, errors);
        }

        story.CorrectLabels(labels, why, Now);

        // Approving the author's waiting changes later must not undo the correction.
        if (story.Revision is { } revision)
        {
            revision.Labels = labels;
        }

        await audit.RecordAsync(AuditActions.StoryLabels, "story", story.Id.ToString(), $"Corrected the labels of “{story.Title}”",
            Described(before), new Dictionary<string, object?>(Described(labels)) { ["reason"] = why }, cancellationToken);
        await notifier.LabelsCorrectedAsync(story, before, why, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return StoryOutcome.Done(StoryResult.LabelsCorrected, story);
    }

    private static Dictionary<string, object?> Described(StoryLabelSet labels) => new()
    {
        ["making"] = LabelNames.Slug(labels.Making),
        ["warnings"] = LabelNames.Slugs(labels.Warnings),
        ["warningNote"] = labels.WarningNote,
    };
}
