using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Folio.Tests.Security;

/// <summary>What every response tells the browser: cookies kept to this site and to https, no framing, no caching of private answers.</summary>
public sealed class HeadersAndCookiesTests : IDisposable
{
    private static readonly Uri Https = new("https://stories.example.org");
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient HttpsBrowser() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task OverHttpsEveryCookieIsSecureHttpOnlyAndSameSite()
    {
        using var someone = await _app.ClientForAsync(Persona.Reader);
        var reader = someone.User!;
        using var browser = HttpsBrowser();
        var cookies = SetCookies(await browser.GetAsync("/signin")).ToList();

        var signIn = await browser.PostFormAsync("/signin", new() { ["Input.Login"] = reader.UserName!, ["Input.Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies.AddRange(SetCookies(signIn));
        var message = await browser.PostFormAsync("/notifications?handler=ReadAll", new(), "/notifications");
        cookies.AddRange(SetCookies(message));

        Assert.Contains(cookies, c => c.StartsWith("folio.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.True(attributes.Contains("samesite=lax") || attributes.Contains("samesite=strict"), cookie);
        });
    }

    [Fact]
    public async Task OverHttpsBrowsersAreToldToKeepUsingHttps()
    {
        using var https = HttpsBrowser();
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://stories.example.org") });

        Assert.Equal("max-age=31536000", string.Join(",", (await https.GetAsync("/")).Headers.GetValues("Strict-Transport-Security")));
        Assert.False((await http.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HowLongBrowsersKeepToHttpsIsTheOperatorsChoice()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Security:HstsMaxAgeDays"] = "30" });
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https });

        Assert.Equal("max-age=2592000", string.Join(",", (await https.GetAsync("/")).Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/signin", HttpStatusCode.OK)]
    [InlineData("/api/v1/communities", HttpStatusCode.OK)]
    [InlineData("/feed.xml", HttpStatusCode.OK)]
    [InlineData("/no-such-page/anywhere", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    public async Task NoResponseCanBeFramedByAnotherSite(string url, HttpStatusCode status)
    {
        using var browser = _app.CreateClient();

        var response = await browser.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/communities")]
    public async Task APrivateApiAnswerIsNeverStored(string url)
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        var response = await api.GetAsync(url);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheTokensPageIsNeverStored()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.GetAsync("/settings/tokens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
