using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Folio.Features.Accounts;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Infrastructure;

public enum Persona
{
    Anonymous,
    Reader,
    Creator,
    Trusted,
    Moderator,
    Admin,
}

/// <summary>A browser-like client: cookies kept, redirects not followed so tests can see them.</summary>
public sealed record SignedInClient(HttpClient Http, FolioUser? User) : IDisposable
{
    public void Dispose() => Http.Dispose();
}

public static class Personas
{
    public const string Password = "correct horse battery staple";

    public static string[] RolesOf(Persona persona) => persona switch
    {
        Persona.Reader => [Roles.Reader],
        Persona.Creator => [Roles.Reader, Roles.Creator],
        Persona.Trusted => [Roles.Reader, Roles.Creator, Roles.Trusted],
        Persona.Moderator => [Roles.Reader, Roles.Moderator],
        Persona.Admin => [Roles.Reader, Roles.Admin],
        _ => [],
    };

    public static HttpClient NewBrowser(this FolioApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<SignedInClient> ClientForAsync(this FolioApp app, Persona persona, string? username = null)
    {
        var browser = app.NewBrowser();
        if (persona == Persona.Anonymous)
        {
            return new SignedInClient(browser, null);
        }

        var user = await app.Data.PersonAsync(username ?? TestData.Unique(persona.ToString().ToLowerInvariant()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
            var tracked = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The user just created is gone.");
            await users.AddPasswordAsync(tracked, Password);
            await users.AddToRolesAsync(tracked, RolesOf(persona));
        }

        await browser.SignInAsync(user.UserName!, Password);
        return new SignedInClient(browser, user);
    }

    public static async Task SignInAsync(this HttpClient browser, string login, string password)
    {
        var response = await browser.PostFormAsync("/signin", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {login} failed: {(int)response.StatusCode}");
    }

    /// <summary>Loads the form page first, as a browser would, so the antiforgery token and cookie are real.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await browser.GetAsync(formPage ?? url);
        var document = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} ({(int)page.StatusCode})");
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await browser.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string url, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var page = await browser.GetAsync(formPage);
        var document = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage} ({(int)page.StatusCode})");
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ReadHtmlAsync();
    }
}
