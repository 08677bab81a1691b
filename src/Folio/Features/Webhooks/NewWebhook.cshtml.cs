using Folio.Features.Audit;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Webhooks;

[Authorize(Policy = Policies.Administer)]
public sealed class NewWebhookModel(FolioDb db, AuditLog audit, TimeProvider clock, PageHead head) : PageModel
{
    [BindProperty]
    public WebhookInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet() => Show();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, message) in Input.Problems())
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            Show();
            return Page();
        }

        var webhook = new Webhook { Url = "", Secret = WebhookSignature.NewSecret(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        Input.Active = true;
        Input.ApplyTo(webhook);
        db.Webhooks.Add(webhook);

        // The entry names the webhook by its id, which the first save gives it; the transaction keeps both or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.WebhookCreate, "webhook", webhook.Id.ToString(), $"Added a webhook for {webhook.Url}",
            null, WebhookAudit.Of(webhook), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        StatusMessage = "Webhook added. Give the receiver its secret, below, so it can check that deliveries come from Folio; then send a test ping.";
        return Redirect($"/admin/webhooks/{webhook.Id}");
    }

    private void Show()
    {
        head.Title = "Add a webhook";
        head.NoIndex = true;
    }
}
