using Microsoft.Extensions.Options;

namespace Folio.Features.Federation.Remote;

/// <summary>
/// The one HTTP client Folio talks to other servers with, fetching and delivering: no redirects, no cookies, public
/// addresses only (<see cref="PublicNetwork"/>), and no client timeout, as each caller holds its own deadline.
/// </summary>
public static class FederationHttp
{
    public const string ClientName = "federation";
    public const string UserAgent = "Folio/1 (ActivityPub)";

    public static IServiceCollection AddFederationHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = services.GetRequiredService<IOptions<RemoteOptions>>().Value.AllowPrivateNetworks
                    ? null
                    : (context, cancellationToken) => PublicNetwork.ConnectAsync(context.DnsEndPoint, cancellationToken),
            })
            .ConfigureHttpClient(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            });
        return services;
    }
}
