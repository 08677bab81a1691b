using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Folio.Features.Tokens;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Settings;

public sealed class ApiTokenSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Names the fuzzer found: the next page's message carried them back as a date or a GUID, and failed.</summary>
    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2f1e0c2a-4b7e-4c1e-9a57-0d6f4b1c9e21")]
    public async Task ATokenNamedLikeADateOrAGuidIsShownByItsName(string name)
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        await reader.Http.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = name });
        var response = await reader.Http.GetAsync("/settings/tokens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, (await response.ReadHtmlAsync()).QuerySelector(".token-reveal h2")?.TextContent);
    }

    [Fact]
    public async Task ANewTokenIsShownOnceAndActsAsItsAccount()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var created = await reader.Http.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = "  Newsletter import " });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var response = await reader.Http.GetAsync("/settings/tokens");
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.ReadHtmlAsync();
        var token = page.QuerySelector("#new-token")?.TextContent.Trim();
        Assert.NotNull(token);
        Assert.StartsWith("folio_", token);
        Assert.Contains("Newsletter import", page.QuerySelector(".token-reveal h2")?.TextContent);
        Assert.Contains("only time", page.QuerySelector(".token-reveal")?.TextContent);
        Assert.NotNull(page.QuerySelector("button[data-copy='new-token'][hidden]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));

        using var api = BearerClient(token);
        var me = await (await api.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(reader.User!.UserName, me.GetProperty("username").GetString());

        var again = await reader.Http.GetAsync("/settings/tokens");
        var html = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, html);
        var listed = Assert.Single((await again.ReadHtmlAsync()).QuerySelectorAll(".token-list__item"));
        Assert.Equal("Newsletter import", listed.QuerySelector(".token-list__name")?.TextContent);
        Assert.Equal(token[..10] + "…", listed.QuerySelector(".token-list__prefix")?.TextContent);
        Assert.Contains("last used", listed.TextContent);
        Assert.Equal(TokenGenerator.Hash(token), await _app.WithDbAsync(db => db.PersonalAccessTokens.Select(t => t.TokenHash).SingleAsync()));
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedByTheApiAndListedAsRevoked()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var token = await CreateTokenAsync(reader.Http, "Laptop scripts");
        using var api = BearerClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var id = await _app.WithDbAsync(db => db.PersonalAccessTokens.Select(t => t.Id).SingleAsync());

        var revoked = await reader.Http.PostFormAsync("/settings/tokens?handler=Revoke", new() { ["id"] = id.ToString() }, "/settings/tokens");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await (await api.GetAsync("/api/v1/me")).ReadProblemAsync(401);
        var page = await reader.Http.GetHtmlAsync("/settings/tokens");
        Assert.Contains("“Laptop scripts” is revoked", page.QuerySelector(".notice--success")?.TextContent);
        Assert.Empty(page.QuerySelectorAll(".token-list__revoke"));
        Assert.Contains("revoked", page.QuerySelector(".token-list__item--revoked")?.TextContent);
        Assert.Contains("no active tokens", page.QuerySelector("#tokens-heading + p")?.TextContent);
    }

    [Fact]
    public async Task SomeoneElsesTokenCannotBeRevoked()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ApiClientForAsync(Persona.Creator);
        var theirs = await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.UserId == other.User!.Id).Select(t => t.Id).SingleAsync());

        var response = await reader.Http.PostFormAsync("/settings/tokens?handler=Revoke", new() { ["id"] = theirs.ToString() }, "/settings/tokens");
        var missing = await reader.Http.PostFormAsync("/settings/tokens?handler=Revoke", new() { ["id"] = "999999" }, "/settings/tokens");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Id == theirs).Select(t => t.RevokedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("", "Give the token a name")]
    [InlineData("   ", "Give the token a name")]
    [InlineData("A name that goes on and on, well past the eighty characters a token's name may have", "Keep the name to 80 characters; this one has 83.")]
    public async Task AMissingOrTooLongNameIsRefusedAndTheTypedNameKept(string name, string message)
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal(name, page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value") ?? "");
        Assert.Null(page.QuerySelector("#new-token"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync()));
    }

    [Fact]
    public async Task TwoActiveTokensCannotShareAName()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await CreateTokenAsync(reader.Http, "Deploy script");

        var page = await (await reader.Http.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = "deploy SCRIPT" })).ReadHtmlAsync();

        Assert.Contains("already have a token called “deploy SCRIPT”", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal(1, await _app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync()));
    }

    [Fact]
    public async Task AnAccountHasAtMostTwentyActiveTokens()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<TokenIssuer>();
            for (var i = 1; i <= 20; i++)
            {
                await issuer.IssueAsync(reader.User!.Id, $"Script {i}");
            }
        }

        var refused = await (await reader.Http.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = "One too many" })).ReadHtmlAsync();

        Assert.Contains("20 active tokens, the most an account can have", refused.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal("One too many", refused.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        var first = await _app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Name == "Script 1").Select(t => t.Id).SingleAsync());
        await reader.Http.PostFormAsync("/settings/tokens?handler=Revoke", new() { ["id"] = first.ToString() }, "/settings/tokens");
        Assert.StartsWith("folio_", await CreateTokenAsync(reader.Http, "One too many"));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInAndBack()
    {
        using var browser = _app.NewBrowser();

        var response = await browser.GetAsync("/settings/tokens");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/signin?returnUrl=%2Fsettings%2Ftokens", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task TheDataExportNamesTokensButNeverHoldsThem()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var token = await CreateTokenAsync(reader.Http, "Backup job");

        var export = await reader.Http.GetStringAsync("/settings/export");

        Assert.DoesNotContain(token, export);
        Assert.DoesNotContain(TokenGenerator.Hash(token), export);
        var listed = Assert.Single(JsonDocument.Parse(export).RootElement.GetProperty("accessTokens").EnumerateArray());
        Assert.Equal("Backup job", listed.GetProperty("name").GetString());
        Assert.Equal(token[..10], listed.GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task DeletingTheAccountEndsItsTokens()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var api = BearerClient(await CreateTokenAsync(reader.Http, "Phone app"));

        var deleted = await reader.Http.PostFormAsync("/settings/data?handler=Delete", new() { ["Deletion.Password"] = Personas.Password }, "/settings/data");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await (await api.GetAsync("/api/v1/me")).ReadProblemAsync(401);
        Assert.Equal(0, await _app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync()));
    }

    [Fact]
    public async Task TheSettingsTabsLeadToTheTokensPage()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var settings = await reader.Http.GetHtmlAsync("/settings");
        var tokens = await reader.Http.GetHtmlAsync("/settings/tokens");

        Assert.NotNull(settings.QuerySelector(".settings-nav a[href='/settings/tokens']"));
        Assert.Equal("API tokens", tokens.QuerySelector(".settings-nav a[aria-current='page']")?.TextContent);
        Assert.NotNull(tokens.QuerySelector("main a[href='/developers']"));
    }

    private async Task<string> CreateTokenAsync(HttpClient browser, string name)
    {
        var created = await browser.PostFormAsync("/settings/tokens", new() { ["Input.Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await browser.GetHtmlAsync("/settings/tokens");
        return page.QuerySelector("#new-token")?.TextContent.Trim() ?? throw new InvalidOperationException("No new token shown.");
    }

    private HttpClient BearerClient(string token)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
