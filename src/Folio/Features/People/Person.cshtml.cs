using Folio.Shared.Web;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Folio.Features.Settings;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Folio.Features.People;

[Authorize(Policy = Policies.Administer)]
public sealed class PersonModel(FolioDb db, UserManager<FolioUser> users, PeopleAdmin admin, AccountDeletion deletion, TimeProvider clock, PageHead head) : PageModel
{
    public FolioUser Person { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public Standing Standing { get; private set; } = null!;
    public PersonActivity Activity { get; private set; } = null!;
    public DateTime Now { get; private set; }

    /// <summary>Why the last action was refused (yourself, the last admin, an unknown role), shown above everything.</summary>
    public string? Refusal { get; private set; }

    [BindProperty]
    public SuspendInput Suspend { get; set; } = new();

    [BindProperty]
    public BanInput Ban { get; set; } = new();

    [BindProperty]
    public RoleInput Grant { get; set; } = new();

    [BindProperty]
    public DeletePersonInput Deletion { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken) =>
        await LoadAsync(username, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Grant.Role))
        {
            return await InvalidAsync("Grant.Role", "Choose a role to grant.", cancellationToken);
        }

        return await DoneOrRefusedAsync(await admin.GrantRoleAsync(Person, Grant.Role, Me, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(string username, string? role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        return await DoneOrRefusedAsync(await admin.RemoveRoleAsync(Person, role ?? "", Me, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostSuspendAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        var (until, problem) = Suspend.End(Now);
        if (problem is not null)
        {
            ModelState.AddModelError(Suspend.Period == SuspendInput.UntilDate ? "Suspend.Until" : "Suspend.Period", problem);
        }

        if (PeopleAdmin.ReasonProblem(Suspend.Reason) is { } reasonProblem)
        {
            ModelState.AddModelError("Suspend.Reason", reasonProblem);
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        return await DoneOrRefusedAsync(await admin.SuspendAsync(Person, until!.Value, Suspend.Reason!, Me, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostBanAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        if (PeopleAdmin.ReasonProblem(Ban.Reason) is { } problem)
        {
            return await InvalidAsync("Ban.Reason", problem, cancellationToken);
        }

        return await DoneOrRefusedAsync(await admin.BanAsync(Person, Ban.Reason!, Me, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostUnsuspendAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        return await DoneOrRefusedAsync(await admin.UnsuspendAsync(Person, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        if (Activity.StoryCount > 0 && Deletion.Stories is null)
        {
            ModelState.AddModelError("Deletion.Stories", "Choose whether their stories are deleted or kept.");
        }

        if (!string.Equals(Deletion.Confirm?.Trim().TrimStart('@'), Person.UserName, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Deletion.Confirm", $"Type {Person.UserName} to confirm the deletion.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        var outcome = await admin.DeleteAsync(Person, Deletion.Stories ?? StoriesOnDeletion.Delete, Me, deletion, cancellationToken);
        if (!outcome.Done)
        {
            return await RefuseAsync(outcome.Message, cancellationToken);
        }

        StatusMessage = outcome.Message;
        return Redirect("/admin/people");
    }

    private string? Me => User.UserId();

    private async Task<bool> LoadAsync(string username, CancellationToken cancellationToken)
    {
        head.Title = "People";
        head.NoIndex = true;
        if (await users.FindByNameAsync(username) is not { } person)
        {
            return false;
        }

        Person = person;
        head.Title = $"{person.DisplayName} (@{person.UserName})";
        Now = clock.GetUtcNow().UtcDateTime;
        await ShowAsync(cancellationToken);
        return true;
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Roles = await admin.RolesOfAsync(Person);
        Standing = Standing.Of(Person, Now);
        Activity = await PersonActivity.LoadAsync(db, Person.Id, cancellationToken);
    }

    private async Task<IActionResult> DoneOrRefusedAsync(PeopleOutcome outcome, CancellationToken cancellationToken)
    {
        if (!outcome.Done)
        {
            return await RefuseAsync(outcome.Message, cancellationToken);
        }

        StatusMessage = outcome.Message;
        return Redirect($"/admin/people/{Person.UserName}");
    }

    private Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        Refusal = message;
        return ShowAgainAsync(cancellationToken);
    }

    private Task<IActionResult> InvalidAsync(string field, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        return ShowAgainAsync(cancellationToken);
    }

    /// <summary>The page again, with what was typed, answering 400.</summary>
    private Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        var page = Page().WithStatus(StatusCodes.Status400BadRequest);
        return Task.FromResult<IActionResult>(page);
    }
}
