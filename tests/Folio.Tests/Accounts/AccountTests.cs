using System.Net;
using System.Text.RegularExpressions;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;

namespace Folio.Tests.Accounts;

public sealed partial class AccountTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> SignUpFields(string username, string email = "", string password = "a long enough password") => new()
    {
        ["Input.Email"] = email == "" ? $"{username}@example.org" : email,
        ["Input.UserName"] = username,
        ["Input.DisplayName"] = $"Display {username}",
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task SigningUpCreatesAReaderSignsThemInAndSendsAConfirmationEmail()
    {
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signup", SignUpFields("newcomer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await browser.GetHtmlAsync("/");
        Assert.NotNull(home.QuerySelector(".account-nav form[action='/signout']"));
        var email = Assert.Single(await _app.OutboxAsync());
        var text = MimeKit.MimeMessage.Load(email).TextBody ?? "";
        Assert.Contains("newcomer@example.org", text);
        var link = ConfirmLink().Match(text).Value;
        var confirmed = await browser.GetHtmlAsync(link.Replace("http://localhost", ""));
        Assert.Contains("is confirmed", confirmed.QuerySelector(".notice")?.TextContent);
    }

    [Fact]
    public async Task SignUpErrorsNameTheFieldAndKeepWhatWasTyped()
    {
        await _app.Data.PersonAsync("taken");
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signup", SignUpFields("taken", "fresh@example.org", "short"));

        // Shown again with what to fix, as every form is: 400, not a 200 that reads as success to a script.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Use at least 10 characters for your password.", page.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent);
        Assert.Equal("fresh@example.org", page.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.Equal("Display taken", page.QuerySelector("input[name='Input.DisplayName']")?.GetAttribute("value"));

        using var taken = await browser.PostFormAsync("/signup", SignUpFields("taken", "fresh@example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var again = await taken.ReadHtmlAsync();
        Assert.Contains("is taken", again.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);

        var bad = await (await browser.PostFormAsync("/signup", SignUpFields("1 bad name!", "not-an-email"))).ReadHtmlAsync();
        Assert.Contains("Usernames are", bad.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);
        Assert.Contains("email address like", bad.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent);
        Assert.Equal("1 bad name!", bad.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task SignInReturnsToThePageTheVisitorCameFrom()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signin?returnUrl=%2Fexplore%23comments",
            new() { ["Input.Login"] = reader.User!.UserName!, ["Input.Password"] = Personas.Password });

        Assert.Equal("/explore#comments", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInNeverRedirectsOffSite()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signin?returnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.Login"] = reader.User!.Email!, ["Input.Password"] = Personas.Password });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MissingFieldsGetSpecificMessages()
    {
        using var browser = _app.NewBrowser();

        using var response = await browser.PostFormAsync("/signin", new() { ["Input.Login"] = "", ["Input.Password"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var empty = await response.ReadHtmlAsync();
        Assert.Equal("Enter your email or username.", empty.QuerySelector("[data-valmsg-for='Input.Login']")?.TextContent);
        Assert.Equal("Enter your password.", empty.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent);
    }

    [Fact]
    public async Task PasswordResetWorksThroughTheEmailedLink()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var browser = _app.NewBrowser();

        var sent = await (await browser.PostFormAsync("/forgot-password", new() { ["Email"] = reader.User!.Email! })).ReadHtmlAsync();
        Assert.Contains("Check your inbox", sent.QuerySelector(".notice")?.TextContent);
        var unknown = await (await browser.PostFormAsync("/forgot-password", new() { ["Email"] = "nobody@example.org" })).ReadHtmlAsync();
        Assert.Contains("Check your inbox", unknown.QuerySelector(".notice")?.TextContent);

        var email = MimeKit.MimeMessage.Load(Assert.Single(await _app.OutboxAsync())).TextBody ?? "";
        var link = ResetLink().Match(email).Value.Replace("http://localhost", "");
        var form = await browser.GetHtmlAsync(link);
        var fields = form.QuerySelectorAll("main form input[type=hidden]:not([name=__RequestVerificationToken])").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Password"] = "a brand new password";
        var done = await (await browser.PostFormAsync("/reset-password", fields, link)).ReadHtmlAsync();

        Assert.Contains("Your password has been changed", done.QuerySelector(".notice")?.TextContent);
        await _app.NewBrowser().SignInAsync(reader.User.UserName!, "a brand new password");
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/signout", new(), formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await reader.Http.GetHtmlAsync("/");
        Assert.NotNull(home.QuerySelector(".account-nav a[href='/signup']"));
    }

    [GeneratedRegex(@"http://localhost/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://localhost/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
