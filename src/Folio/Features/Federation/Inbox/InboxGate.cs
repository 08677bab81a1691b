using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Features.Federation.Blocks;
using Folio.Features.Federation.Remote;
using Folio.Features.Federation.Signatures;
using Folio.Features.Scaling;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Inbox;

/// <summary>An activity that passed the gate: well formed, signed by its own actor's key, within the sender's rate.</summary>
public sealed record InboxDelivery(JsonObject Activity, string ActivityId, string Type, RemoteActor Actor);

/// <summary>
/// Everything a POST must pass before an inbox acts on it, cheapest first: size (413), content type (415), JSON with an
/// id, type and actor (400), an actor not on this site (403), a readable signature (401), an actor and key host no
/// moderator blocked (403), the sending host's rate (429), and last, because it may fetch a key from the sender, a
/// signature that verifies with the actor's own key (401).
/// </summary>
public sealed class InboxGate(
    RemoteActorDirectory actors, FederationBlockList blocks, IRateLimitCounter rates, FederationUrls urls, TimeProvider clock, IOptions<InboxOptions> options)
{
    public const int MaxBytes = 1024 * 1024;
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public async Task<(InboxDelivery? Delivery, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes || await ReadBodyAsync(request, cancellationToken) is not { } body)
        {
            return (null, InboxProblems.TooLarge());
        }

        if (!IsActivityStreams(request.ContentType))
        {
            return (null, InboxProblems.WrongContentType());
        }

        if (Parse(body) is not { } activity)
        {
            return (null, InboxProblems.NotAnActivity("The body must be a JSON object with an id, a type and an actor, each an absolute URL but the type."));
        }

        var (id, type, actorId) = activity;
        if (string.Equals(actorId.Authority, urls.Host, StringComparison.OrdinalIgnoreCase))
        {
            return (null, InboxProblems.LocalActor());
        }

        var check = HttpSignatures.Check(SignedRequest.From(request, body), clock.GetUtcNow());
        if (check.Signature is not { } signature)
        {
            return (null, InboxProblems.Unsigned(check.Problem!));
        }

        if (ActivityJson.Url(signature.KeyId) is not { } keyUrl || string.Equals(keyUrl.Authority, urls.Host, StringComparison.OrdinalIgnoreCase))
        {
            return (null, InboxProblems.Unsigned("The keyId must be the https URL of a key on the sender's server."));
        }

        var blocked = await blocks.GetAsync(cancellationToken);
        if (blocked.CoversActor(actorId.AbsoluteUri) || blocked.CoversHost(keyUrl.Host))
        {
            return (null, InboxProblems.Blocked(blocked.CoversActor(actorId.AbsoluteUri) ? actorId.AbsoluteUri : keyUrl.Host));
        }

        var rate = await rates.TryTakeAsync("federation:inbox:" + keyUrl.Host.ToLowerInvariant(), options.Value.InboxRequestsPerHostPerMinute, RateWindow, cancellationToken);
        if (!rate.Allowed)
        {
            var seconds = (int)Math.Ceiling(rate.RetryAfter.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return (null, InboxProblems.TooMany(seconds));
        }

        if (await actors.SignerOfAsync(signature, cancellationToken) is not { } signer)
        {
            return (null, InboxProblems.Unsigned($"The signature does not verify with the key {signature.KeyId} as its server publishes it."));
        }

        return signer.Uri == actorId.AbsoluteUri
            ? (new InboxDelivery(activity.Object, id, type, signer), null)
            : (null, InboxProblems.Unsigned($"The request is signed by {signer.Uri}, not by the activity's actor {actorId}."));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Min(request.ContentLength ?? MaxBytes, MaxBytes) + 1];
        var read = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read > MaxBytes ? null : buffer[..read];
    }

    private static bool IsActivityStreams(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType?.ToLowerInvariant() is "application/activity+json" or "application/ld+json";

    private static ParsedActivity? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject activity
                && ActivityJson.Url(ActivityJson.Id(activity["id"])) is { } id
                && ActivityJson.Types(activity["type"]).FirstOrDefault() is { } type
                && ActivityJson.Url(ActivityJson.Id(activity["actor"])) is { } actor
                ? new ParsedActivity(activity, id.AbsoluteUri, type, actor)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ParsedActivity(JsonObject Object, string Id, string Type, Uri Actor)
    {
        public void Deconstruct(out string id, out string type, out Uri actor) => (id, type, actor) = (Id, Type, Actor);
    }
}
