using System.Net;
using System.Net.Http.Headers;
using Folio.Features.Api;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Api;

public sealed class ApiFoundationTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ATokenActsAsItsAccount()
    {
        using var api = await _app.ApiClientForAsync(Persona.Trusted);

        var me = await (await api.GetAsync("/api/v1/me")).ReadJsonAsync();

        Assert.Equal(api.User!.UserName, me.GetProperty("username").GetString());
        Assert.Contains("trusted", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.EndsWith($"/authors/{api.User.UserName}", me.GetProperty("url").GetString());
        var lastUsed = await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == api.User.Id).Select(t => t.LastUsedAt).SingleAsync());
        Assert.NotNull(lastUsed);
    }

    [Fact]
    public async Task RequestsArrivingTogetherWhenATokensLastUseIsStaleRecordItOnce()
    {
        using var api = await _app.ApiClientForAsync(Persona.Trusted);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        _app.Clock.Now += TimeSpan.FromMinutes(2);

        var commands = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _app.CommandsRunByAsync(api.Http, "/api/v1/me")));

        var writes = commands.SelectMany(run => run).Count(command => command.Sql.Contains("UPDATE", StringComparison.OrdinalIgnoreCase)
            && command.Sql.Contains("PersonalAccessTokens", StringComparison.Ordinal));
        Assert.Equal(1, writes);
        var lastUsed = await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == api.User!.Id).Select(t => t.LastUsedAt).SingleAsync());
        Assert.Equal(_app.Clock.UtcNow, lastUsed);
    }

    [Fact]
    public async Task NoTokenIsAnsweredWithABearerChallengeAsAProblem()
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var response = await api.GetAsync("/api/v1/me");

        var problem = await response.ReadProblemAsync(401);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("token", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("folio_not-a-token-folio-ever-issued")]
    [InlineData("")]
    public async Task AnUnknownTokenIsRefused(string token)
    {
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);
        api.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var response = await api.GetAsync("/api/v1/me");

        await response.ReadProblemAsync(401);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ARevokedTokenStopsWorking()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);
        await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == api.User!.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, _app.Clock.UtcNow)));

        await (await api.GetAsync("/api/v1/me")).ReadProblemAsync(401);
    }

    [Fact]
    public async Task ASessionCookieDoesNotAuthenticateTheApi()
    {
        using var browser = await _app.ClientForAsync(Persona.Admin);

        await (await browser.Http.GetAsync("/api/v1/me")).ReadProblemAsync(401);
    }

    [Fact]
    public async Task AnUnknownApiAddressIsAProblemNotAPage()
    {
        using var api = await _app.ApiClientForAsync(Persona.Reader);

        await (await api.GetAsync("/api/v1/no-such-thing")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task RequestsOverTheLimitGet429WithRetryAfter()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Api:RequestsPerMinute"] = "3" });
        using var api = await app.ApiClientForAsync(Persona.Reader);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        }

        var limited = await api.GetAsync("/api/v1/me");

        await limited.ReadProblemAsync(429);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.ToString());
        using var other = await app.ApiClientForAsync(Persona.Reader);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("!!!", false)]
    [InlineData("bm90IGEgY3Vyc29y", false)]
    [InlineData("MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwLjU", false)]
    public void CursorsRoundTripAndForgeriesAreRefused(string? cursor, bool valid)
    {
        Assert.Equal(valid, ApiCursor.TryDecode(cursor, out _));
        var position = new ApiCursor(new DateTime(2026, 2, 3, 14, 0, 0, DateTimeKind.Utc), 42);
        Assert.True(ApiCursor.TryDecode(position.Encode(), out var decoded));
        Assert.Equal(position, decoded);
    }

    [Fact]
    public async Task TheOpenApiDocumentIsGeneratedFromTheEndpointsAndValidates()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!;
        Assert.Contains("/api/v1/me", document.Paths.Keys);
        Assert.DoesNotContain(document.Paths.Keys, path => !path.StartsWith("/api/v1/", StringComparison.Ordinal));
        Assert.Contains("bearer", document.Components!.SecuritySchemes!.Keys);
    }

    [Fact]
    public async Task TheDocumentSaysWhichOperationsNeedAToken()
    {
        using var client = _app.CreateClient();
        var paths = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        static string[][] Security(System.Text.Json.JsonElement operation) => operation.GetProperty("security").EnumerateArray()
            .Select(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name).ToArray()).ToArray();

        Assert.Equal([["bearer"]], Security(paths.GetProperty("/api/v1/me").GetProperty("get")));
        Assert.Equal([["bearer"]], Security(paths.GetProperty("/api/v1/stories").GetProperty("post")));
        Assert.Equal([[], ["bearer"]], Security(paths.GetProperty("/api/v1/stories").GetProperty("get")));
    }

    [Fact]
    public async Task BearerHeaderIsNotNeededToReadTheDocument()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "folio_nonsense");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
