using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

[Authorize(Policy = Policies.Administer)]
public sealed class EditWebhookModel(FolioDb db, WebhookQueue queue, AuditLog audit, PageHead head) : PageModel
{
    [BindProperty]
    public WebhookInput Input { get; set; } = new();

    public Webhook Webhook { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = WebhookInput.From(Webhook);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (field, message) in Input.Problems())
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = WebhookAudit.Of(Webhook);
        Input.ApplyTo(Webhook);
        await audit.RecordChangeAsync(Webhook, before, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = Webhook.Active ? "Webhook saved." : "Webhook saved. It is disabled: nothing is sent until it is active again.";
        return Redirect(PagePath(id));
    }

    /// <summary>The old secret stops working at once: deliveries still queued are signed with the new one.</summary>
    public async Task<IActionResult> OnPostRotateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Webhook.Secret = WebhookSignature.NewSecret();
        await audit.RecordAsync(AuditActions.WebhookEdit, "webhook", id.ToString(), $"Rotated the secret of the webhook for {Webhook.Url}",
            new { secret = "Old secret" }, new { secret = "New secret" }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "A new secret is in place. Give it to the receiver: deliveries from now on are signed with it.";
        return Redirect(PagePath(id));
    }

    public async Task<IActionResult> OnPostPingAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Webhook.Active)
        {
            StatusMessage = "This webhook is disabled. Make it active to send a test ping.";
            return Redirect(PagePath(id));
        }

        queue.Ping(Webhook);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "Test ping queued. It appears below as soon as it is sent.";
        return Redirect(PagePath(id) + "/deliveries");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.Webhooks.Remove(Webhook);
        await audit.RecordAsync(AuditActions.WebhookDelete, "webhook", id.ToString(), $"Deleted the webhook for {Webhook.Url}",
            WebhookAudit.Of(Webhook), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = $"The webhook for {Webhook.Url} is deleted, with its delivery log.";
        return Redirect("/admin/webhooks");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Webhook = (await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, cancellationToken))!;
        head.Title = "Webhook";
        head.NoIndex = true;
        return Webhook is not null;
    }

    private static string PagePath(int id) => $"/admin/webhooks/{id}";
}
