using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Folio.Features.Federation.Remote;
using Folio.Features.Federation.Signatures;
using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Delivery;

/// <summary>What one delivery attempt POSTs: the activity's bytes, to one inbox, signed with the sender's key.</summary>
public sealed record OutgoingActivity(string Inbox, string Activity, string KeyId, string PrivateKeyPem);

/// <summary>POSTs one signed activity to a remote inbox and reports how it went; never throws for the receiver's failures.</summary>
public sealed class FederationSender(IHttpClientFactory clients, TimeProvider clock, IOptions<FederationDeliveryOptions> options)
{
    private const int MaxErrorLength = 500;

    public async Task<DeliveryOutcome> SendAsync(OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(activity.Activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, activity.Inbox) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ActivityStreams.ContentType);
        DraftCavageSigner.Sign(request, body, activity.KeyId, activity.PrivateKeyPem, clock.GetUtcNow());

        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(FederationHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryOutcome(status, null);
            }

            var error = Shorten($"The inbox answered {status} {response.ReasonPhrase}.");
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new DeliveryOutcome(status, error, RetryAfter: RetryAfter(response)),
                HttpStatusCode.RequestTimeout => new DeliveryOutcome(status, error),
                _ when status is >= 400 and < 500 => new DeliveryOutcome(status, error, Permanent: true),
                _ => new DeliveryOutcome(status, error),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(null, $"No answer within {timeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException exception) when (exception.InnerException is NotOnThePublicInternetException notPublic)
        {
            return new DeliveryOutcome(null, notPublic.Message, Permanent: true);
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryOutcome(null, Shorten($"Could not reach the inbox: {exception.Message}"));
        }
    }

    /// <summary>Retry-After as seconds or as a date (RFC 9110 §10.2.3), at most MaxRetryAfter; none when absent.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var asked = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return asked is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, options.Value.MaxRetryAfter.Ticks)) : null;
    }

    private static string Shorten(string error) => error.Length > MaxErrorLength ? error[..(MaxErrorLength - 1)] + "…" : error;
}
