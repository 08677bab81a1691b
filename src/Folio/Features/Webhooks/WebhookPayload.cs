using System.Text.Encodings.Web;
using System.Text.Json;

namespace Folio.Features.Webhooks;

public sealed record WebhookPerson(string Username, string Name, string Url);

public sealed record WebhookCommunity(string Slug, string Name, string Url);

/// <summary>A story; <see cref="Making"/> and <see cref="Warnings"/> are label slugs ("ai-generated", "self-harm"), as in the API.</summary>
public sealed record WebhookStory(int Id, string Slug, string Url, string Title, string Subtitle, WebhookCommunity Community, WebhookPerson Author, DateTime? PublishedAt,
    string Making, IReadOnlyList<string> Warnings, string? WarningNote);

public sealed record WebhookComment(int Id, int StoryId, string StoryUrl, string Url, int? ParentId, WebhookPerson Author, string Body, DateTime CreatedAt);

/// <summary>A new account as the public sees it: never its email address.</summary>
public sealed record WebhookMember(string Username, string Name, string Url, DateTime JoinedAt);

/// <summary>A challenge at the event's moment; <see cref="Community"/> is null for a site-wide challenge, <see cref="Phase"/> is upcoming, open, judging or closed.</summary>
public sealed record WebhookChallenge(string Slug, string Title, string Url, WebhookCommunity? Community, DateTime OpensAt, DateTime ClosesAt, string Phase,
    DateTime? ResultsPublishedAt);

public sealed record WebhookPlacedStory(int Id, string Url, string Title);

/// <summary>One place in a challenge's results: winner, second, third or runner-up, with the lead judge's public note.</summary>
public sealed record WebhookPlacement(string Place, WebhookPlacedStory Story, WebhookPerson Author, string? Note);

public sealed record WebhookPing(int WebhookId, string Url, string Message);

/// <summary>
/// The body of every delivery: <c>{"event": …, "deliveryId": …, "occurredAt": …, "data": {…}}</c>, camelCase, with
/// <c>data</c> holding one of <c>story</c>, <c>comment</c>, <c>member</c>, <c>challenge</c> (with <c>placements</c> for its results) or <c>ping</c>. Fields may be added; none are renamed.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // The body goes to a program, never into a page, so non-ASCII text stays readable as UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static string Create(string eventName, Guid deliveryId, DateTime occurredAt, object data) =>
        JsonSerializer.Serialize(new Envelope(eventName, deliveryId, occurredAt, data), Json);

    public static object StoryData(WebhookStory story) => new { story };

    public static object CommentData(WebhookComment comment) => new { comment };

    public static object MemberData(WebhookMember member) => new { member };

    public static object ChallengeData(WebhookChallenge challenge) => new { challenge };

    public static object ChallengeResultsData(WebhookChallenge challenge, List<WebhookPlacement> placements) => new { challenge, placements };

    public static object PingData(WebhookPing ping) => new { ping };

    /// <summary>The stored body laid out for reading on the delivery log; as stored if it is somehow not JSON.</summary>
    public static string Pretty(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    private sealed record Envelope(string Event, Guid DeliveryId, DateTime OccurredAt, object Data);
}
