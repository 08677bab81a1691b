using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Folio.Features.Queues;
using Microsoft.Extensions.Options;

namespace Folio.Features.Webhooks;

/// <summary>What one delivery attempt sends.</summary>
public sealed record WebhookMessage(string Url, string Secret, string Event, Guid DeliveryId, string Payload);

/// <summary>How one attempt went: a status code when the receiver answered, an error unless it answered 2xx.</summary>
public sealed record WebhookOutcome(int? StatusCode, string? Error) : IAttemptOutcome;

/// <summary>POSTs one signed delivery and reports how it went; never throws for the receiver's failures.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options)
{
    public const string ClientName = "webhooks";
    public const string UserAgent = "Folio-Webhooks/1";
    private const int MaxErrorLength = 500;

    public async Task<WebhookOutcome> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.Payload);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Add("X-Folio-Event", message.Event);
        request.Headers.Add("X-Folio-Delivery", message.DeliveryId.ToString());
        request.Headers.Add("X-Folio-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Folio-Signature", WebhookSignature.Sign(message.Secret, timestamp, body));

        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WebhookOutcome(status, null);
            }

            var answer = await StartOfBodyAsync(response, deadline.Token);
            var redirect = status is >= 300 and < 400 ? " Redirects are not followed: point the webhook at the final address." : "";
            return Failed(status, $"The receiver answered {status} {response.ReasonPhrase}.{redirect}{(answer.Length > 0 ? " " + answer : "")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(null, $"No answer within {timeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException exception)
        {
            return Failed(null, $"Could not reach the receiver: {exception.Message}");
        }
    }

    private static WebhookOutcome Failed(int? status, string error) =>
        new(status, error.Length > MaxErrorLength ? error[..(MaxErrorLength - 1)] + "…" : error);

    private static async Task<string> StartOfBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[300];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            return "";
        }
    }
}
