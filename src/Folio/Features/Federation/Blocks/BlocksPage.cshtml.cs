using Folio.Shared.Web;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Moderation;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Blocks;

/// <summary>One block as the moderators' list shows it.</summary>
public sealed record BlockRow(int Id, FederationBlockKind Kind, string Value, string Reason, string? ByName, DateTime CreatedAt);

/// <summary>The moderators' fediverse page: the blocks in effect, lifting one, and the form that makes one.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class BlocksPageModel(FolioDb db, BlockTargets targets, FederationBlocking blocking, PageHead head) : PageModel
{
    private const int PageSize = 25;

    [BindProperty]
    public BlockInput Input { get; set; } = new();

    /// <summary>Filled in from a "Block" link on a followers list, so the moderator only adds the reason.</summary>
    [FromQuery(Name = "target")]
    public string? Suggested { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? StatusMessage { get; set; }

    public PagedList<BlockRow> Blocks { get; private set; } = null!;
    public ModerationTabs Tabs { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Target ??= Suggested;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, message) in Input.Problems())
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        var (target, problem) = await targets.ReadAsync(Input.Target, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(BlockInput.Target)}", problem);
        }

        if (target is null || !ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page().WithStatus(StatusCodes.Status400BadRequest);
        }

        await blocking.BlockAsync(target.Kind, target.Value, Input.Reason!.Trim(), User.UserId()!, cancellationToken);
        StatusMessage = $"The {FederationBlocking.Describe(target.Kind)} {target.Value} is blocked: its follows, likes and boosts are gone, and nothing more is sent to it or accepted from it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnblockAsync(int id, CancellationToken cancellationToken)
    {
        StatusMessage = await blocking.UnblockAsync(id, cancellationToken)
            ? "The block is lifted. Its followers have to follow again to hear from this site."
            : "That block was already lifted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        head.Title = "Fediverse blocks";
        Blocks = await db.FederationBlocks.AsNoTracking()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Select(b => new BlockRow(b.Id, b.Kind, b.Value, b.Reason, db.Users.Where(u => u.Id == b.CreatedById).Select(u => u.DisplayName).FirstOrDefault(), b.CreatedAt))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
        Tabs = await ModerationTabs.LoadAsync(db, "fediverse", cancellationToken);
    }
}
