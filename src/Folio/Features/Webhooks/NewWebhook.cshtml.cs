using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Webhooks;

[Authorize(Policy = Policies.Administer)]
public sealed class NewWebhookModel(FolioDb db, TimeProvider clock, PageHead head) : PageModel
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
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = "Webhook added. Give the receiver its secret, below, so it can check that deliveries come from Folio; then send a test ping.";
        return Redirect($"/admin/webhooks/{webhook.Id}");
    }

    private void Show()
    {
        head.Title = "Add a webhook";
        head.NoIndex = true;
    }
}
