using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Tokens;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Settings;

/// <summary>
/// Personal access tokens for the API. A new token is shown on the page that follows its creation and never
/// again: it travels there in the (encrypted, read-once) temp-data cookie, and only its hash is stored.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TokenSettingsModel(SignInManager<FolioUser> signIn, FolioDb db, TokenIssuer issuer, PageHead head, TimeProvider clock) : SettingsPage(signIn)
{
    public const int MaxActiveTokens = 20;

    public TokenInput Input { get; private set; } = new();

    public IReadOnlyList<TokenRow> Active { get; private set; } = [];

    public IReadOnlyList<TokenRow> Revoked { get; private set; } = [];

    [TempData]
    public string? NewToken { get; set; }

    [TempData]
    public string? NewTokenName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] TokenInput input, CancellationToken cancellationToken)
    {
        Input = input;
        await ShowAsync(cancellationToken);
        if (Active.Count >= MaxActiveTokens)
        {
            ModelState.AddModelError("", $"You have {Active.Count} active tokens, the most an account can have. Revoke one you no longer use, then create this one.");
            return Page();
        }

        if (input.Problem(Active.Select(t => t.Name)) is { } problem)
        {
            ModelState.AddModelError("Input.Name", problem);
            return Page();
        }

        var name = input.Name!.Trim();
        NewToken = await issuer.IssueAsync(Me.Id, name, cancellationToken);
        NewTokenName = name;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.Id == id && t.UserId == Me.Id)
            .Select(t => new { t.Name, t.RevokedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        if (token.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.PersonalAccessTokens.Where(t => t.Id == id && t.UserId == Me.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        }

        Status = $"The token “{token.Name}” is revoked. Anything still using it now gets 401 Unauthorized.";
        return RedirectToPage();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        head.Title = "API tokens";
        head.NoIndex = true;

        // The one page that may hold a secret: keep it out of every cache, including the back button's.
        Response.Headers.CacheControl = "no-store";
        var tokens = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == Me.Id)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        Active = [.. tokens.Where(t => t.RevokedAt is null)];
        Revoked = [.. tokens.Where(t => t.RevokedAt is not null).OrderByDescending(t => t.RevokedAt)];
    }
}

public sealed record TokenRow(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
