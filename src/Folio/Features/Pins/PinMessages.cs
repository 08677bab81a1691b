namespace Folio.Features.Pins;

/// <summary>What each refused pin says, worded once for the pages and the API.</summary>
public static class PinMessages
{
    public static string For(PinOutcome outcome, PinPlace place) => outcome switch
    {
        PinOutcome.NoSuchStory => "There is no such story.",
        PinOutcome.NotPublished => "Only a published story can be pinned.",
        PinOutcome.NotAllowed when place == PinPlace.Profile => "You can pin only your own stories to your profile.",
        PinOutcome.NotAllowed => "Only moderators and admins can pin stories to a community's page.",
        PinOutcome.Full when place == PinPlace.Profile =>
            $"Your profile already has {StoryPins.Limit} pinned stories, the most it can have: unpin one first.",
        PinOutcome.Full => $"This community already has {StoryPins.Limit} pinned stories, the most it can have: unpin one first.",
        _ => "",
    };
}
