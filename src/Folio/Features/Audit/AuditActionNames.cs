using System.Reflection;

namespace Folio.Features.Audit;

/// <summary>The actions the log can be filtered by, with the words a person reads, and which of them moderators see.</summary>
public static class AuditActionNames
{
    /// <summary>What concerns moderation: a moderator sees only these entries; an admin sees every entry.</summary>
    public static readonly IReadOnlySet<string> Moderation = new HashSet<string>(StringComparer.Ordinal)
    {
        AuditActions.StoryDecision, AuditActions.StoryLabels, AuditActions.CommentRemove, AuditActions.ReportDismiss, AuditActions.FederationBlock, AuditActions.FederationUnblock,
        AuditActions.ChallengeCreate, AuditActions.ChallengeEdit, AuditActions.ChallengeResults,
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.RoleGrant] = "Role granted",
        [AuditActions.RoleRemove] = "Role removed",
        [AuditActions.UserSuspend] = "Account suspended",
        [AuditActions.UserBan] = "Account banned",
        [AuditActions.UserUnsuspend] = "Account restored",
        [AuditActions.UserDelete] = "Account deleted",
        [AuditActions.CommunityCreate] = "Community created",
        [AuditActions.CommunityEdit] = "Community edited",
        [AuditActions.CommunityArchive] = "Community archived",
        [AuditActions.ChallengeCreate] = "Challenge created",
        [AuditActions.ChallengeEdit] = "Challenge edited",
        [AuditActions.ChallengeResults] = "Challenge results published",
        [AuditActions.StoryDecision] = "Story decision",
        [AuditActions.StoryLabels] = "Story labels corrected",
        [AuditActions.CommentRemove] = "Comment removed",
        [AuditActions.ReportDismiss] = "Report dismissed",
        [AuditActions.WebhookCreate] = "Webhook added",
        [AuditActions.WebhookEdit] = "Webhook edited",
        [AuditActions.WebhookEnable] = "Webhook enabled",
        [AuditActions.WebhookDisable] = "Webhook disabled",
        [AuditActions.WebhookDelete] = "Webhook deleted",
        [AuditActions.SettingsChange] = "Settings changed",
        [AuditActions.FederationBlock] = "Fediverse block",
        [AuditActions.FederationUnblock] = "Fediverse block lifted",
    };

    /// <summary>Every key in <see cref="AuditActions"/>, including any added later, which reads as its key until it has a label here.</summary>
    public static readonly IReadOnlyList<string> All = [.. typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    public static string Label(string action) => Labels.GetValueOrDefault(action, action);

    public static IEnumerable<string> For(bool admin) => All.Where(a => admin || Moderation.Contains(a));
}
