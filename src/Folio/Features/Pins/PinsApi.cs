using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Api;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Pins;

/// <summary>
/// Reading a profile's and a community's pinned stories, and pinning: PUT pins, DELETE unpins, each answering with the
/// place's pins as they are now.
/// </summary>
public static class PinsApi
{
    public static RouteGroupBuilder MapPinsApi(this RouteGroupBuilder api)
    {
        var pins = api.MapGroup("").WithTags("Pins");
        pins.MapGet("/authors/{username}/pins", ProfilePinsAsync).WithName("ListAuthorPins")
            .WithSummary("The stories a creator pinned to the top of their profile, newest pin first (at most 3)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        pins.MapGet("/communities/{slug}/pins", CommunityPinsAsync).WithName("ListCommunityPins")
            .WithSummary("The stories pinned to the top of a community's page, newest pin first (at most 3)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var changes = pins.MapGroup("/stories/{id:int}/pins").RequireAuthorization(Policies.SignedIn);
        foreach (var place in Enum.GetValues<PinPlace>())
        {
            var path = "/" + place.ToString().ToLowerInvariant();
            var who = place == PinPlace.Profile ? "your own published story to your profile" : "a published story to its community's page (moderators and admins)";
            changes.MapPut(path, (int id, ClaimsPrincipal user, StoryPins storyPins, FolioDb db, SiteUrls urls, CancellationToken cancellationToken) =>
                    ChangeAsync(id, place, pin: true, user, storyPins, db, urls, cancellationToken))
                .WithName($"Pin{place}").WithSummary($"Pin {who}")
                .WithDescription($"Pinning a pinned story changes nothing. A fourth pin is a 409: at most {StoryPins.Limit}, unpin one first. "
                    + "An unpublished story is a 409; " + (place == PinPlace.Profile ? "someone else's story" : "anyone but a moderator or admin") + " a 403. "
                    + "Answers with the pins as they are now.")
                .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
            changes.MapDelete(path, (int id, ClaimsPrincipal user, StoryPins storyPins, FolioDb db, SiteUrls urls, CancellationToken cancellationToken) =>
                    ChangeAsync(id, place, pin: false, user, storyPins, db, urls, cancellationToken))
                .WithName($"Unpin{place}").WithSummary($"Unpin a story from {(place == PinPlace.Profile ? "your profile" : "its community's page (moderators and admins)")}")
                .WithDescription("Unpinning a story that isn't pinned changes nothing. Answers with the pins as they are now.")
                .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        return api;
    }

    private static async Task<Results<Ok<List<ApiPinnedStory>>, ProblemHttpResult>> ProfilePinsAsync(
        string username, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var authorId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return authorId is null
            ? ApiProblems.NotFound($"There is no creator with the username “{username}”.")
            : TypedResults.Ok(await ApiPinnedStories.ReadAsync(db.Stories.AsNoTracking().PinnedToProfile(authorId), PinPlace.Profile, urls, cancellationToken));
    }

    private static async Task<Results<Ok<List<ApiPinnedStory>>, ProblemHttpResult>> CommunityPinsAsync(
        string slug, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var communityId = await db.Communities.Where(c => c.Slug == lower).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return communityId is not { } id
            ? ApiProblems.NotFound($"No community answers at /{slug}.")
            : TypedResults.Ok(await ApiPinnedStories.ReadAsync(db.Stories.AsNoTracking().PinnedToCommunity(id), PinPlace.Community, urls, cancellationToken));
    }

    private static async Task<Results<Ok<List<ApiPinnedStory>>, ProblemHttpResult>> ChangeAsync(
        int id, PinPlace place, bool pin, ClaimsPrincipal user, StoryPins storyPins, FolioDb db, SiteUrls urls, CancellationToken cancellationToken)
    {
        var outcome = pin
            ? await storyPins.PinAsync(id, place, user, cancellationToken)
            : await storyPins.UnpinAsync(id, place, user, cancellationToken);
        var message = PinMessages.For(outcome, place);
        switch (outcome)
        {
            case PinOutcome.NoSuchStory:
                return ApiProblems.NotFound($"There is no story with id {id}.");
            case PinOutcome.NotAllowed:
                return ApiProblems.Forbidden(message);
            case PinOutcome.NotPublished or PinOutcome.Full:
                return ApiProblems.Conflict(message);
        }

        var story = await db.Stories.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.AuthorId, s.CommunityId }).FirstAsync(cancellationToken);
        var pinned = place == PinPlace.Profile ? db.Stories.AsNoTracking().PinnedToProfile(story.AuthorId) : db.Stories.AsNoTracking().PinnedToCommunity(story.CommunityId);
        return TypedResults.Ok(await ApiPinnedStories.ReadAsync(pinned, place, urls, cancellationToken));
    }
}
