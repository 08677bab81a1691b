namespace Folio.Features.Moderation;

public sealed record ModerationTabs(string Current, int QueueLength, int OpenReports, int OpenCommentReports);
