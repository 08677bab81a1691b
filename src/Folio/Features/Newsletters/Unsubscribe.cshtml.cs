using Folio.Shared.Web;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.Newsletters;

/// <summary>
/// /unsubscribe/{token}, the link in every new-story email and its List-Unsubscribe header (RFC 8058). A GET only asks,
/// since link scanners open every link in an email; a POST stops the emails. The POST needs no cookie and no antiforgery
/// token, because mail providers send it on the reader's behalf with neither: the signed token is the proof.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, Unsubscriptions unsubscriptions, PageHead head) : PageModel
{
    /// <summary>What the link stops; null when the link is not genuine or its account is gone.</summary>
    public UnsubscribeSubject? Subject { get; private set; }

    public bool Done { get; private set; }

    public Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) => AnswerAsync(token, stop: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken) => AnswerAsync(token, stop: true, cancellationToken);

    private async Task<IActionResult> AnswerAsync(string token, bool stop, CancellationToken cancellationToken)
    {
        head.NoIndex = true;
        head.Title = "Unsubscribe";
        var unsubscription = tokens.Read(token);
        Subject = unsubscription is null ? null : await unsubscriptions.DescribeAsync(unsubscription, cancellationToken);
        if (unsubscription is null || Subject is null)
        {
            head.Title = "This unsubscribe link does not work";
            return Page().WithStatus(StatusCodes.Status400BadRequest);
        }

        if (stop)
        {
            await unsubscriptions.StopAsync(unsubscription, cancellationToken);
            Done = true;
            head.Title = "You are unsubscribed";
        }

        return Page();
    }
}
