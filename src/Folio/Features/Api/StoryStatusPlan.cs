using Folio.Features.Stories;
using Folio.Features.Writing;

namespace Folio.Features.Api;

public enum StoryStatusAction
{
    None,
    PublishOrSubmit,
    Unpublish,
}

/// <summary>
/// What a PATCH's <c>status</c> does to a story that isn't waiting for review, and which of the editor's rules its
/// content must then meet: a story that is, or is about to be, read by others meets the stricter ones.
/// </summary>
public sealed record StoryStatusPlan(StoryStatusAction Action, StoryIntent Intent, string? Conflict = null)
{
    public static StoryStatusPlan For(StoryStatus current, RequestedStatus? requested)
    {
        var live = current == StoryStatus.Published;
        return requested switch
        {
            null => new(StoryStatusAction.None, live ? StoryIntent.Submit : StoryIntent.SaveDraft),
            RequestedStatus.Published => new(live ? StoryStatusAction.None : StoryStatusAction.PublishOrSubmit, StoryIntent.Submit),
            RequestedStatus.Draft when live => Refused(
                "This story is published. To take it offline send \"status\": \"unpublished\"; it can be published again later and keeps its date."),
            RequestedStatus.Draft => new(StoryStatusAction.None, StoryIntent.SaveDraft),
            RequestedStatus.Unpublished when live => new(StoryStatusAction.Unpublish, StoryIntent.SaveDraft),
            RequestedStatus.Unpublished when current == StoryStatus.Unpublished => new(StoryStatusAction.None, StoryIntent.SaveDraft),
            _ => Refused("This story isn’t published, so there is nothing to unpublish."),
        };
    }

    private static StoryStatusPlan Refused(string why) => new(StoryStatusAction.None, StoryIntent.SaveDraft, why);
}
