namespace Folio.Features.Federation.Inbox;

/// <summary>What an inbox answers when it refuses a POST: an RFC 9457 problem that says what to change.</summary>
internal static class InboxProblems
{
    public static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large",
        $"An activity may be at most {InboxGate.MaxBytes / 1024} KiB.");

    public static IResult WrongContentType() => Problem(StatusCodes.Status415UnsupportedMediaType, "Not ActivityStreams",
        "Send the activity as application/activity+json or application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\".");

    public static IResult NotAnActivity(string detail) => Problem(StatusCodes.Status400BadRequest, "Not an activity", detail);

    public static IResult Unsigned(string detail) => Problem(StatusCodes.Status401Unauthorized, "Signature not accepted", detail);

    public static IResult LocalActor() => Problem(StatusCodes.Status403Forbidden, "Not a remote actor",
        "The activity's actor is on this site; this site's actors never arrive through its own inbox.");

    public static IResult Blocked(string who) => Problem(StatusCodes.Status403Forbidden, "Blocked",
        $"{who} is blocked by this site's moderators; nothing from it is accepted.");

    public static IResult Replayed(string activityId) => Problem(StatusCodes.Status409Conflict, "Activity already received",
        $"{activityId} was received before; it is not applied twice.");

    public static IResult NoSuchActor(string actorId) => Problem(StatusCodes.Status404NotFound, "No such actor", $"{actorId} is not an actor on this site.");

    public static IResult TooMany(int retryAfterSeconds) => Problem(StatusCodes.Status429TooManyRequests, "Too many activities",
        $"This server has sent too many activities this minute. Try again in {retryAfterSeconds} seconds.");

    public static IResult NotTheAuthor(string noteId) => Problem(StatusCodes.Status403Forbidden, "Not the author",
        $"{noteId} must be attributed to the activity's actor, and come from its server: an actor only speaks for itself.");

    public static IResult ReplyRefused(string why) => Problem(StatusCodes.Status422UnprocessableEntity, "Reply not taken", why);

    /// <summary>A remote actor replying faster than a reader may comment: the same limits, and a Retry-After to come back with.</summary>
    public static IResult TooManyReplies(TimeSpan retryAfter) => new RetryAfterResult(
        Problem(StatusCodes.Status429TooManyRequests, "Too many replies", "This actor is replying faster than this site takes comments; send it again later."),
        (int)Math.Ceiling(retryAfter.TotalSeconds));

    private sealed class RetryAfterResult(IResult problem, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
