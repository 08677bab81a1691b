using System.Security.Claims;
using Folio.Features.Accounts;

namespace Folio.Features.Notifications;

public static class NotificationEndpoints
{
    /// <summary>
    /// /notifications/{id}: each line of /notifications links here, so following a notification marks it read and
    /// a link opened in a new tab still works. Someone else's id answers 404 and changes nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/notifications/{id:int}", async (int id, ClaimsPrincipal user, NotificationFeed feed, CancellationToken cancellationToken) =>
                await feed.OpenAsync(user.RequiredUserId(), id, cancellationToken) is { } target
                    ? Results.Redirect(target)
                    : Results.NotFound())
            .RequireAuthorization(Policies.SignedIn);
        return endpoints;
    }
}
