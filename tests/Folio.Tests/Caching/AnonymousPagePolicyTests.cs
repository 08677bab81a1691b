using System.Security.Claims;
using Folio.Features.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Folio.Tests.Caching;

/// <summary>The policy's rules one by one; the HTTP tests show them working together.</summary>
public sealed class AnonymousPagePolicyTests
{
    private static readonly ResponseEncodings Encodings = new(new ServiceCollection().AddLogging().AddResponseCompression()
        .BuildServiceProvider().GetRequiredService<IResponseCompressionProvider>());

    private static IOutputCachePolicy Policy(bool enabled = true, params string[] tags) =>
        new AnonymousPagePolicy(Options.Create(new PageCachingOptions { Enabled = enabled, Duration = TimeSpan.FromMinutes(7) }), Encodings, tags);

    private static OutputCacheContext Request(string method = "GET", string query = "", bool signedIn = false, string? authorization = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.QueryString = new QueryString(query);
        if (signedIn)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "wren")], "Identity.Application"));
        }

        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return new OutputCacheContext { HttpContext = http };
    }

    private static async Task<OutputCacheContext> RequestedAsync(OutputCacheContext context, IOutputCachePolicy? policy = null)
    {
        await (policy ?? Policy()).CacheRequestAsync(context, CancellationToken.None);
        return context;
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task AnAnonymousGetOrHeadIsLookedUpAndMayBeStoredForTheConfiguredTime(string method)
    {
        var context = await RequestedAsync(Request(method));

        Assert.True(context is { EnableOutputCaching: true, AllowCacheLookup: true, AllowCacheStorage: true, AllowLocking: true });
        Assert.Equal(TimeSpan.FromMinutes(7), context.ResponseExpirationTimeSpan);
    }

    [Fact]
    public async Task APostASignedInRequestOrAnAuthorizationHeaderIsNeitherLookedUpNorStored()
    {
        OutputCacheContext[] requests = [Request("POST"), Request(signedIn: true), Request(authorization: "Bearer folio_abc")];

        foreach (var context in requests)
        {
            await RequestedAsync(context);
            Assert.False(context.AllowCacheLookup);
            Assert.False(context.AllowCacheStorage);
        }
    }

    [Fact]
    public async Task WithCachingTurnedOffNothingIsLookedUpOrStored()
    {
        var context = await RequestedAsync(Request(), Policy(enabled: false));

        Assert.False(context.AllowCacheLookup);
        Assert.False(context.AllowCacheStorage);
    }

    [Theory]
    [InlineData(200, true, false)]
    [InlineData(404, false, false)]
    [InlineData(301, false, false)]
    [InlineData(500, false, false)]
    [InlineData(200, false, true)]
    public async Task OnlyA200ThatSetsNoCookieIsStored(int status, bool stored, bool setsCookie)
    {
        var policy = Policy();
        var context = await RequestedAsync(Request(), policy);
        context.HttpContext.Response.StatusCode = status;
        if (setsCookie)
        {
            context.HttpContext.Response.Headers.SetCookie = ".AspNetCore.Antiforgery.x=y; path=/";
        }

        await policy.ServeResponseAsync(context, CancellationToken.None);

        Assert.Equal(stored, context.AllowCacheStorage);
    }

    [Fact]
    public async Task OnlyTheQueryKeysPagesReadVaryTheCopyAndReachThePage()
    {
        var context = await RequestedAsync(Request(query: "?page=2&utm_source=news&Comments=3&fbclid=abc&community=food"));

        Assert.Equal(new[] { "page", "comments", "community" }, context.CacheVaryByRules.QueryKeys.ToArray());
        Assert.Equal("?page=2&Comments=3&community=food", context.HttpContext.Request.QueryString.Value);
    }

    [Fact]
    public async Task ASignedInRequestKeepsItsWholeQuery()
    {
        var context = await RequestedAsync(Request(query: "?page=2&replyTo=5", signedIn: true));

        Assert.Equal("?page=2&replyTo=5", context.HttpContext.Request.QueryString.Value);
    }

    [Fact]
    public async Task EveryCopyIsTaggedAsAPageAndCarriesThePolicysOwnTags()
    {
        var page = await RequestedAsync(Request());
        var listing = await RequestedAsync(Request(), Policy(true, PageCacheTags.Lists));

        Assert.Equal(new[] { PageCacheTags.AllPages }, page.Tags);
        Assert.Equal(new[] { PageCacheTags.Lists, PageCacheTags.AllPages }, listing.Tags.Order());
    }
}
