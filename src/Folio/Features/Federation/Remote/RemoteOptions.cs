using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Federation.Remote;

/// <summary>How Folio fetches documents from other servers: Folio:Federation:AllowHttp, AllowPrivateNetworks, FetchTimeout, ActorRefreshAfter.</summary>
public sealed class RemoteOptions
{
    public const string Section = "Folio:Federation";

    /// <summary>Lets ids and inboxes be plain http: for tests and loopback only; the fediverse is https.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Lets Folio fetch from and deliver to loopback and private-network addresses. Off, a remote server's name must
    /// resolve to a public address (<see cref="PublicNetwork"/>): for tests and closed networks only.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A stored actor older than this is fetched again when next met.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ActorRefreshAfter { get; set; } = TimeSpan.FromDays(1);
}
