namespace Folio.Features.Audit;

/// <summary>The keys the audit log files actions under, one per kind of action, so the log can be filtered by them.</summary>
public static class AuditActions
{
    public const string RoleGrant = "role.grant";
    public const string RoleRemove = "role.remove";
    public const string UserSuspend = "user.suspend";
    public const string UserBan = "user.ban";
    public const string UserUnsuspend = "user.unsuspend";
    public const string UserDelete = "user.delete";
    public const string CommunityCreate = "community.create";
    public const string CommunityEdit = "community.edit";
    public const string CommunityArchive = "community.archive";
    public const string ChallengeCreate = "challenge.create";
    public const string ChallengeEdit = "challenge.edit";
    public const string ChallengeResults = "challenge.results";
    public const string StoryDecision = "story.decision";
    public const string StoryLabels = "story.labels";
    public const string CommentRemove = "comment.remove";
    public const string WebhookCreate = "webhook.create";
    public const string WebhookEdit = "webhook.edit";
    public const string WebhookDelete = "webhook.delete";
    public const string SettingsChange = "settings.change";
    public const string FederationBlock = "federation.block";
    public const string FederationUnblock = "federation.unblock";

    // The audit log's own slice: what moderators and the webhook pages already did before there was a log.
    public const string ReportDismiss = "report.dismiss";
    public const string WebhookEnable = "webhook.enable";
    public const string WebhookDisable = "webhook.disable";
}
