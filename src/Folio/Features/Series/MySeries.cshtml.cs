using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

public sealed record MySeriesRow(int Id, string Title, string Slug, int Parts, int Published);

/// <summary>/me/series: the creator's series, and the form that starts a new one.</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(SeriesForm.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = SeriesForm.UploadLimit)]
public sealed class MySeriesModel(FolioDb db, SeriesEditor editor, PageHead head) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<MySeriesRow> Series { get; private set; } = [];

    [BindProperty]
    public SeriesInput Input { get; set; } = new();

    public string UserName => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var series = new StorySeries { AuthorId = User.RequiredUserId(), Title = "", Slug = "" };
        var problems = await editor.SaveAsync(series, Input.ToChange(), Input.Cover, cancellationToken);
        if (problems.Count > 0)
        {
            SeriesForm.AddProblems(ModelState, problems);
            await LoadAsync(cancellationToken);
            return Page().WithStatus(StatusCodes.Status400BadRequest);
        }

        return Redirect(SeriesForm.EditPath(series.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        head.Title = "My series";
        head.NoIndex = true;
        var me = User.RequiredUserId();
        Series = await db.Series.AsNoTracking().Where(s => s.AuthorId == me).OrderBy(s => s.Title).Take(Shown)
            .Select(s => new MySeriesRow(s.Id, s.Title, s.Slug,
                db.Stories.Count(p => p.SeriesId == s.Id),
                db.Stories.Count(p => p.SeriesId == s.Id && p.Status == StoryStatus.Published)))
            .ToListAsync(cancellationToken);
    }
}
