using Folio.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Series;

/// <summary>The story editor's "Series" select: none, or one of the author's own series.</summary>
public sealed class SeriesChoiceViewComponent(StoryInSeries series) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? chosen, int? current, string? problem) =>
        View("~/Features/Series/_SeriesChoice.cshtml", new SeriesChoiceField(
            await series.OptionsAsync(UserClaimsPrincipal.RequiredUserId(), current, HttpContext.RequestAborted), chosen, problem));
}

public sealed record SeriesChoiceField(IReadOnlyList<SeriesOption> Options, int? Chosen, string? Problem);
