using Folio.Features.Accounts;
using Folio.Data;
using Folio.Features.Notifications;
using Folio.Features.Standing;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using HeartResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Folio.Features.Hearts.HeartResponse>,
    Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.UnauthorizedHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult>;

namespace Folio.Features.Hearts;

public sealed record HeartResponse(int Count, bool Given);

/// <summary>
/// A reader gives or takes back their heart. A plain form posts and comes back to the story;
/// wwwroot/js/hearts.js posts the same form asking for JSON and updates the button in place.
/// </summary>
public static class HeartEndpoints
{
    private const string OwnStory = "You can’t give a heart to your own story.";
    private const string StaleToken = "The page’s security token is missing or stale. Reload the page and try again.";

    public static IEndpointRouteBuilder MapHeartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/stories/{id:int}/heart", ToggleAsync).DisableAntiforgery(); // checked by hand: form field or header
        return endpoints;
    }

    private static async Task<HeartResult> ToggleAsync(
        int id, HttpContext http, FolioDb db, Notifier notifier, IAntiforgery antiforgery, AccountStandings standings, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var story = await db.Stories.Published().Include(s => s.Community).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return TypedResults.NotFound();
        }

        var storyUrl = StoryLinks.Path(story);
        var wantsJson = http.Request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (http.User.UserId() is not { } readerId)
        {
            return wantsJson
                ? TypedResults.Unauthorized()
                : TypedResults.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(storyUrl + "#hearts"));
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Refuse(wantsJson, StaleToken, StatusCodes.Status400BadRequest);
        }

        if (await standings.RefusalForAsync(http.User, cancellationToken) is { } refusal)
        {
            return wantsJson ? TypedResults.Problem(StandingResponses.Problem(refusal)) : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (story.AuthorId == readerId)
        {
            return Refuse(wantsJson, OwnStory, StatusCodes.Status403Forbidden);
        }

        var heart = await db.Hearts.FirstOrDefaultAsync(h => h.StoryId == id && h.ReaderId == readerId, cancellationToken);
        // The form says which state it wants, so a double click or a second tab can't undo the first; without it, toggle.
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var give = bool.TryParse(form?["give"], out var wanted) ? wanted : heart is null;
        if (give && heart is null)
        {
            db.Hearts.Add(new Heart { StoryId = id, ReaderId = readerId, GivenAt = clock.GetUtcNow().UtcDateTime });
            // Taking a heart back and giving it again is not news to the author.
            if (!await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.HeartOnStory && n.StoryId == id && n.ActorId == readerId, cancellationToken))
            {
                notifier.HeartGiven(story, readerId);
            }
        }
        else if (!give && heart is not null)
        {
            db.Hearts.Remove(heart);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same wish arrived twice at once (a double click, two tabs) and the other request stored it first.
            db.ChangeTracker.Clear();
            if (await db.Hearts.AnyAsync(h => h.StoryId == id && h.ReaderId == readerId, cancellationToken) != give)
            {
                throw;
            }
        }

        if (!wantsJson)
        {
            return TypedResults.Redirect(storyUrl + "#hearts");
        }

        var count = await db.Hearts.CountAsync(h => h.StoryId == id, cancellationToken);
        return TypedResults.Ok(new HeartResponse(count, give));
    }

    // The script gets problem details; a plain form gets the site's error page for the status.
    private static HeartResult Refuse(bool wantsJson, string detail, int status) =>
        wantsJson ? TypedResults.Problem(detail, statusCode: status) : TypedResults.StatusCode(status);
}
