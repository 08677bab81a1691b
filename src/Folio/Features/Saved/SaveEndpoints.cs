using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Saved;

public sealed record SaveResponse(bool Saved);

/// <summary>
/// The Save button on the story page, on cards and the Remove button on /saved: a plain form posts and comes back
/// (to returnUrl when it is a page of this site); wwwroot/js/saved.js posts the same form asking for JSON and
/// changes the button in place. The form says which state it wants, so a double click or a second tab can't undo it.
/// </summary>
public static class SaveEndpoints
{
    private const string StaleToken = "The page’s security token is missing or stale. Reload the page and try again.";

    public static IEndpointRouteBuilder MapSaveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/stories/{id:int}/save", SaveAsync).DisableAntiforgery(); // checked by hand, after the sign-in redirect
        return endpoints;
    }

    private static async Task<IResult> SaveAsync(
        int id, HttpContext http, FolioDb db, SavedStories saved, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var story = await db.Stories.Where(s => s.Id == id)
            .Select(s => new { Community = s.Community.Slug, s.Slug, Published = s.Status == StoryStatus.Published && s.PublishedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        var wantsJson = http.Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (story is null || (!story.Published && http.User.UserId() is null))
        {
            return wantsJson ? Results.Problem("There is no published story with this id.", statusCode: StatusCodes.Status404NotFound) : Results.NotFound();
        }

        var storyUrl = StoryLinks.Path(story.Community, story.Slug);
        if (http.User.UserId() is not { } readerId)
        {
            return wantsJson ? Results.Unauthorized() : Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(storyUrl + "#save"));
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return wantsJson ? Results.Problem(StaleToken, statusCode: StatusCodes.Status400BadRequest) : Results.BadRequest();
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var wanted = bool.TryParse(form?["save"], out var save)
            ? save
            : !await db.SavedStories.AnyAsync(s => s.UserId == readerId && s.StoryId == id, cancellationToken);
        if (wanted && await saved.SaveAsync(readerId, id, cancellationToken) is null)
        {
            // Unpublished since the page was shown: it can be removed from the list, never added.
            return wantsJson ? Results.Problem("This story isn’t published any more, so it can’t be saved.", statusCode: StatusCodes.Status404NotFound) : Results.NotFound();
        }

        if (!wanted)
        {
            await saved.RemoveAsync(readerId, id, cancellationToken);
        }

        return wantsJson
            ? Results.Ok(new SaveResponse(wanted))
            : Results.Redirect(SafeReturnUrl.Or(form?["returnUrl"], story.Published ? storyUrl + "#save" : SavedPage.Path));
    }
}
