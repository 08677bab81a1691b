namespace Folio.Features.Notifications;

public enum NotificationKind
{
    CommentOnStory,
    ReplyToComment,
    InsightOnStory,
    HeartOnStory,
    NewStoryFromCreator,
    StoryApproved,
    StorySentBack,
    ChangesApproved,
    ChangesSentBack,
    ChallengePlaced,
    ChallengeResults,
    LabelsCorrected,
    NewPartInSeries,
}
