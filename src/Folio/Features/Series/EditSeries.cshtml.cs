using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Folio.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

public sealed record AddableStory(int Id, string Title);

/// <summary>
/// /me/series/{id}: the series' words and cover, its parts in order (move, remove) and the creator's stories to add.
/// Another creator's series is not found; another creator's story is refused in words.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(SeriesForm.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = SeriesForm.UploadLimit)]
public sealed class EditSeriesModel(FolioDb db, SeriesEditor editor, PageHead head) : PageModel
{
    public const int Addable = 200;

    public StorySeries Series { get; private set; } = null!;
    public IReadOnlyList<OwnPart> Parts { get; private set; } = [];
    public IReadOnlyList<AddableStory> Stories { get; private set; } = [];
    public string UserName => User.Identity?.Name ?? "";
    public string PagePath => Series.Path(UserName);

    [BindProperty]
    public SeriesInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Why adding a story was refused, shown beside the add form.</summary>
    public string? PartProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = SeriesInput.From(Series);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var problems = await editor.SaveAsync(Series, Input.ToChange(), Input.Cover, cancellationToken);
        if (problems.Count > 0)
        {
            SeriesForm.AddProblems(ModelState, problems);
            await LoadAsync(cancellationToken);
            return Page().WithStatus(StatusCodes.Status400BadRequest);
        }

        return Done("Saved.");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int storyId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var refusal = await editor.AddPartAsync(Series, storyId, null, cancellationToken);
        if (refusal != PartRefusal.None)
        {
            PartProblem = SeriesForm.Describe(refusal);
            Input = SeriesInput.From(Series);
            await LoadAsync(cancellationToken);
            return Page().WithStatus(refusal == PartRefusal.NotYourStory ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }

        return Done("Added to the series.");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int storyId, int by, CancellationToken cancellationToken) =>
        !await FindAsync(id, cancellationToken) || !await editor.MovePartAsync(Series, storyId, Math.Sign(by), cancellationToken)
            ? NotFound()
            : Done("Moved.");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int storyId, CancellationToken cancellationToken) =>
        !await FindAsync(id, cancellationToken) || !await editor.RemovePartAsync(Series, storyId, cancellationToken)
            ? NotFound()
            : Done("Taken out of the series; the story itself is unchanged.");

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await editor.DeleteAsync(Series, cancellationToken);
        return Redirect("/me/series");
    }

    private IActionResult Done(string message)
    {
        StatusMessage = message;
        return Redirect(SeriesForm.EditPath(Series.Id));
    }

    private async Task<bool> FindAsync(int id, CancellationToken cancellationToken)
    {
        head.NoIndex = true;
        Series = (await editor.FindOwnAsync(id, User.RequiredUserId(), cancellationToken))!;
        return Series is not null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        head.Title = $"Edit series: {Series.Title}";
        Parts = await editor.PartsAsync(Series.Id, cancellationToken);
        Stories = await db.Stories.AsNoTracking().Where(s => s.AuthorId == Series.AuthorId && s.SeriesId != Series.Id)
            .OrderByDescending(s => s.UpdatedAt).Take(Addable)
            .Select(s => new AddableStory(s.Id, s.Title)).ToListAsync(cancellationToken);
    }
}
