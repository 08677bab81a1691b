using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Features.Federation.Blocks;
using Folio.Features.Federation.Signatures;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Remote;

/// <summary>A fetched ActivityStreams document, or why there is none.</summary>
public sealed record FetchedDocument(JsonObject? Document, string? Problem);

/// <summary>
/// GETs an ActivityStreams document from another server, signed as the site's instance actor (servers in authorised-fetch
/// mode answer nothing else): https only unless AllowHttp, never from a blocked server, no redirects, at most
/// <see cref="MaxBytes"/>, within the timeout.
/// </summary>
public sealed class RemoteFetcher(
    IHttpClientFactory clients, ActorKeys keys, FederationBlockList blocks, FederationUrls urls, TimeProvider clock, IOptions<RemoteOptions> options)
{
    public const int MaxBytes = 1024 * 1024;

    public async Task<FetchedDocument> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(options.Value.AllowHttp && url.Scheme == Uri.UriSchemeHttp))
        {
            return new(null, $"{url} is not an https URL.");
        }

        if ((await blocks.GetAsync(cancellationToken)).CoversHost(url.Host))
        {
            return new(null, $"{url.Host} is blocked by this site's moderators.");
        }

        var key = await keys.ForInstanceAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(ActivityJson.ContentType);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        DraftCavageSigner.Sign(request, null, FederationUrls.KeyId(urls.Instance), key.PrivateKeyPem, clock.GetUtcNow());

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.FetchTimeout);
        try
        {
            using var response = await clients.CreateClient(FederationHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, $"{url} answered {(int)response.StatusCode}.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            var buffer = new byte[MaxBytes + 1];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, deadline.Token);
            if (read > MaxBytes)
            {
                return new(null, $"{url} answered with more than a megabyte.");
            }

            return JsonNode.Parse(buffer.AsSpan(0, read)) is JsonObject document
                ? new(document, null)
                : new(null, $"{url} did not answer with a JSON object.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, $"{url} did not answer within {options.Value.FetchTimeout.TotalSeconds:0} seconds.");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or IOException)
        {
            return new(null, $"{url} could not be read: {exception.Message}");
        }
    }
}
