using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

public static class InboxEndpoints
{
    /// <summary>
    /// The inboxes remote servers POST activities to: the shared one, the instance actor's, and each creator's and
    /// community's. They all apply an activity the same way; a personal inbox only has to belong to someone.
    /// </summary>
    public static WebApplication MapFederationInbox(this WebApplication app)
    {
        var ap = app.MapGroup(FederationUrls.Prefix);
        ap.MapPost("/inbox", ReceiveAsync);
        ap.MapPost("/actor/inbox", ReceiveAsync);
        ap.MapPost("/people/{userId}/inbox",
            async (string userId, HttpContext http, FolioDb db, InboxGate gate, InboxDispatcher dispatcher, CancellationToken cancellationToken) =>
                await db.Users.AnyAsync(u => u.Id == userId, cancellationToken)
                    ? await ReceiveAsync(http, gate, dispatcher, cancellationToken)
                    : InboxProblems.NoSuchActor(http.Request.Path));
        ap.MapPost("/communities/{communityId:int}/inbox",
            async (int communityId, HttpContext http, FolioDb db, InboxGate gate, InboxDispatcher dispatcher, CancellationToken cancellationToken) =>
                await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken)
                    ? await ReceiveAsync(http, gate, dispatcher, cancellationToken)
                    : InboxProblems.NoSuchActor(http.Request.Path));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, InboxGate gate, InboxDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await gate.ReadAsync(http.Request, cancellationToken);
        return delivery is null ? refusal! : await dispatcher.DispatchAsync(delivery, cancellationToken);
    }
}
