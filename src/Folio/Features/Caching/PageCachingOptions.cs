using Microsoft.Extensions.Options;

namespace Folio.Features.Caching;

/// <summary>Folio:Caching:Enabled and Duration: whether anonymous pages are cached, and for how long at most.</summary>
public sealed class PageCachingOptions
{
    public const string Section = "Folio:Caching";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a cached page is served. Eviction makes a change show at once (within seconds on other servers), so
    /// this bounds only what eviction cannot see: rankings that move with hearts and reads, and writes made outside
    /// Folio (SQL by hand).
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    public string? Problem() => Duration < TimeSpan.FromSeconds(1) || Duration > TimeSpan.FromDays(1)
        ? $"{Section}:Duration must be between 00:00:01 and 1.00:00:00 (it is {Duration})."
        : null;
}

internal sealed class PageCachingOptionsValidation : IValidateOptions<PageCachingOptions>
{
    public ValidateOptionsResult Validate(string? name, PageCachingOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
