using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Federation.Remote;

/// <summary>How Folio fetches documents from other servers: Folio:Federation:AllowHttp, FetchTimeout, ActorRefreshAfter.</summary>
public sealed class RemoteOptions
{
    public const string Section = "Folio:Federation";

    /// <summary>Lets ids and inboxes be plain http: for tests and loopback only; the fediverse is https.</summary>
    public bool AllowHttp { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A stored actor older than this is fetched again when next met.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ActorRefreshAfter { get; set; } = TimeSpan.FromDays(1);
}
