using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Folio.Shared;

namespace Folio.Features.SiteAdmin;

public sealed class SiteInvitesPageModel(FolioDb db, SiteInvites invites, CurrentSite current, SiteUrls urls, TimeProvider clock, PageHead head) : SiteAdminPage(head)
{
    private const int Shown = 50;

    [BindProperty]
    public SiteInviteInput Input { get; set; } = new();

    /// <summary>The link just made: shown once, since only its hash is kept.</summary>
    [TempData]
    public string? NewLink { get; set; }

    public IReadOnlyList<SiteInvite> Invites { get; private set; } = [];

    public SignUpMode Mode { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = Input.Problems().ToList();
        if (problems.Count > 0 || !ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Refused(problems, nameof(Input));
        }

        var (_, token) = await invites.CreateAsync(Input.Days!.Value, Input.Note?.Trim() ?? "", User.UserId(), cancellationToken);
        NewLink = urls.Absolute("/signup?invite=" + token);
        Status = $"Invite made. Send this link to the person you invite; it works once, for {Plural.Of(Input.Days.Value, "day", "days")}.";
        return Redirect("/admin/site/invites");
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        Status = await invites.RevokeAsync(id, cancellationToken) ? "The invite is revoked: its link no longer works." : "That invite was already used, expired or revoked.";
        return Redirect("/admin/site/invites");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Titled("Invites");
        Now = clock.GetUtcNow().UtcDateTime;
        Mode = (await current.GetAsync(cancellationToken)).SignUpMode;
        Invites = await db.SiteInvites.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Shown).ToListAsync(cancellationToken);
    }
}
