using Folio.Features.Audit;

namespace Folio.Features.Webhooks;

/// <summary>What the audit log keeps of a webhook: its settings, never its secret.</summary>
public static class WebhookAudit
{
    public sealed record Settings(string Url, string Events, string Description, bool Active);

    public static Settings Of(Webhook webhook) => new(webhook.Url, string.Join(", ", webhook.Events), webhook.Description, webhook.Active);

    /// <summary>Records a change of settings; a save that changed nothing is not an action worth a line.</summary>
    public static Task RecordChangeAsync(this AuditLog audit, Webhook webhook, Settings before, CancellationToken cancellationToken)
    {
        var after = Of(webhook);
        if (after == before)
        {
            return Task.CompletedTask;
        }

        // Only the switch moved: say so, so "enabled" and "disabled" can be found in the log.
        var (action, summary) = after with { Active = before.Active } == before
            ? after.Active
                ? (AuditActions.WebhookEnable, $"Enabled the webhook for {webhook.Url}")
                : (AuditActions.WebhookDisable, $"Disabled the webhook for {webhook.Url}")
            : (AuditActions.WebhookEdit, $"Edited the webhook for {webhook.Url}");
        return audit.RecordAsync(action, "webhook", webhook.Id.ToString(), summary, before, after, cancellationToken);
    }
}
