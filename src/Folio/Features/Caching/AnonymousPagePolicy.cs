using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Folio.Features.Caching;

/// <summary>
/// Caches a page as a visitor who is not signed in sees it: GET and HEAD only, never for a signed-in request
/// (cookie or Authorization header), and only a 200 that sets no cookie. Nothing per-visitor may be in such a page;
/// what is (a read token) is fetched by script from an uncached endpoint. A copy is kept per content coding
/// (<see cref="ResponseEncodings"/>), compressed and with an ETag (<see cref="KeptPageHeaders"/>).
/// </summary>
public sealed class AnonymousPagePolicy(IOptions<PageCachingOptions> options, ResponseEncodings encodings, params string[] tags) : IOutputCachePolicy
{
    /// <summary>
    /// The query keys any cached page reads: list pages (page), a story's comment pages (comments), an author's
    /// community filter (community). Everything else is dropped before the page runs, see <see cref="KeepOnlyVariedQueryKeys"/>.
    /// </summary>
    public static readonly string[] VariedQueryKeys = ["page", "comments", "community"];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.Duration;
        context.CacheVaryByRules.QueryKeys = VariedQueryKeys;
        context.Tags.Add(PageCacheTags.AllPages);
        foreach (var tag in tags)
        {
            context.Tags.Add(tag);
        }

        if (cacheable)
        {
            // The prefix rather than VaryByValues: the same key, without a dictionary per request.
            context.CacheVaryByRules.CacheKeyPrefix = encodings.For(context.HttpContext);
            KeepOnlyVariedQueryKeys(request);
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // A cookie belongs to one visitor (an antiforgery token, a sign-in); an error or redirect is not worth keeping.
        if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The cache key ignores query keys no page reads (utm_*, fbclid, a mail campaign's id), so one copy serves them
    /// all; the page is rendered without them too, or whatever the first visitor's URL carried would be echoed in
    /// pager and sign-in links to everyone served that copy.
    /// </summary>
    private static void KeepOnlyVariedQueryKeys(HttpRequest request)
    {
        if (request.Query.Keys.All(IsVaried))
        {
            return;
        }

        request.QueryString = QueryString.Create(request.Query.Where(pair => IsVaried(pair.Key)));
    }

    private static bool IsVaried(string key) => VariedQueryKeys.Contains(key, StringComparer.OrdinalIgnoreCase);
}
