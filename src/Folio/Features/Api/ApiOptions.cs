using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Api;

public sealed class ApiOptions
{
    public const string Section = "Folio:Api";

    /// <summary>Requests a token may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Requests per minute for calls without a token, counted per client address.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerMinute { get; set; } = 60;
}
