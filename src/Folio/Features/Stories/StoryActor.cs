using System.Security.Claims;
using Folio.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Folio.Features.Stories;

/// <summary>Who changes a story and what their roles let them do, read once from the site's policies.</summary>
public sealed record StoryActor(string? UserId, bool CanPublish, bool CanModerate, bool IsAdmin)
{
    public static async Task<StoryActor> ReadAsync(ClaimsPrincipal user, IAuthorizationService authorization) => new(
        user.UserId(),
        (await authorization.AuthorizeAsync(user, Policies.PublishWithoutReview)).Succeeded,
        (await authorization.AuthorizeAsync(user, Policies.Moderate)).Succeeded,
        (await authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded);

    public bool Owns(Story story) => UserId is not null && story.AuthorId == UserId;

    public bool MayChange(Story story) => Owns(story) || CanModerate;
}

public static class StoryVisibility
{
    /// <summary>
    /// Published stories to everyone; a story that isn't public only to its author and to moderators. Anything else
    /// is left out of the query, so its existence isn't revealed.
    /// </summary>
    public static IQueryable<Story> VisibleTo(this IQueryable<Story> stories, StoryActor actor) =>
        actor.CanModerate
            ? stories
            : stories.Where(s => (s.Status == StoryStatus.Published && s.PublishedAt != null) || (actor.UserId != null && s.AuthorId == actor.UserId));
}
