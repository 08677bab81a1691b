using Microsoft.AspNetCore.Mvc;

namespace Folio.Features.Api;

public static class ApiRequestLimits
{
    /// <summary>
    /// Comments, profiles, communities and insights are a few kilobytes of JSON; a body far beyond that is refused
    /// with a 413 problem before it is read, while anything merely too long still gets a per-field message.
    /// </summary>
    public const long SmallBody = 256 * 1024;

    public static TBuilder WithSmallBody<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(SmallBody));
}
