using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Series;

/// <summary>The subscribe button on a series' page and in its parts' series box.</summary>
public sealed class SeriesSubscribeButtonViewComponent(SeriesFollows follows) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int seriesId, string title, string pagePath) =>
        View("~/Features/Subscriptions/_FollowButton.cshtml", await follows.ButtonAsync(UserClaimsPrincipal, seriesId, title, pagePath, HttpContext.RequestAborted));
}
