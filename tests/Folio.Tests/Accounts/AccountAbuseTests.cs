using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;

namespace Folio.Tests.Accounts;

/// <summary>
/// Guessing passwords, mass sign-ups and reset-email floods, each from a client address of its own: the addresses
/// come in X-Forwarded-For, trusted here as an operator behind a proxy would (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
/// </summary>
public sealed class AccountAbuseTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["Folio:Accounts:SignInFailuresPerAddress"] = "8",
        ["Folio:Accounts:SignUpsPerHour"] = "2",
        ["Folio:Accounts:ResetEmailsPerHour"] = "2",
        ["Folio:Accounts:ResetRequestsPerHour"] = "3",
    });

    public void Dispose() => _app.Dispose();

    private HttpClient BrowserFrom(string address)
    {
        var browser = _app.NewBrowser();
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static Dictionary<string, string> SignIn(string login, string password) => new() { ["Input.Login"] = login, ["Input.Password"] = password };

    [Fact]
    public async Task AnAttackersWrongPasswordsBlockOnlyTheirAddressAndNeverTheOwner()
    {
        using var owner = await _app.ClientForAsync(Persona.Reader);
        using var attacker = BrowserFrom(Attacker);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await attacker.PostFormAsync("/signin", SignIn(owner.User!.UserName!, "wrong password " + attempt));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var refused = await attacker.PostFormAsync("/signin", SignIn(owner.User!.UserName!, Personas.Password));
        await AssertTooManyAsync(refused, "Too many failed sign-ins");
        var page = await refused.ReadHtmlAsync();
        Assert.Equal(owner.User.UserName, page.QuerySelector("input[name='Input.Login']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='Input.Password']")?.GetAttribute("value"));

        using var ownersPhone = BrowserFrom("198.51.100.20");
        var signedIn = await ownersPhone.PostFormAsync("/signin", SignIn(owner.User.UserName!, Personas.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task OneAddressGuessingAcrossManyAccountsIsRefused()
    {
        using var attacker = BrowserFrom(Attacker);
        for (var account = 1; account <= 8; account++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PostFormAsync("/signin", SignIn($"victim{account}@example.org", "password123"))).StatusCode);
        }

        await AssertTooManyAsync(await attacker.PostFormAsync("/signin", SignIn("victim9@example.org", "password123")), "Too many failed sign-ins");
    }

    [Fact]
    public async Task AnUnknownAccountAndAWrongPasswordGetTheSameAnswer()
    {
        var owner = await _app.Data.PersonAsync();
        using var browser = BrowserFrom("198.51.100.30");

        var unknown = await (await browser.PostFormAsync("/signin", SignIn("ghost", "whatever123"))).ReadHtmlAsync();
        var wrong = await (await browser.PostFormAsync("/signin", SignIn(owner.UserName!, "whatever123"))).ReadHtmlAsync();

        Assert.Equal(ErrorsOf(wrong), ErrorsOf(unknown));
        Assert.Contains("don’t match", ErrorsOf(unknown));
        Assert.DoesNotContain("No account", unknown.Body?.TextContent);
    }

    [Fact]
    public async Task AnAccountLockedByTheOperatorSaysSoOnlyToSomeoneWithItsPassword()
    {
        using var owner = await _app.ClientForAsync(Persona.Reader);
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == owner.User!.Id);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddYears(1);
            await db.SaveChangesAsync();
        });
        using var browser = BrowserFrom("198.51.100.50");

        var wrong = await (await browser.PostFormAsync("/signin", SignIn(owner.User!.UserName!, "wrong password"))).ReadHtmlAsync();
        var right = await (await browser.PostFormAsync("/signin", SignIn(owner.User.UserName!, Personas.Password))).ReadHtmlAsync();

        Assert.Contains("don’t match", ErrorsOf(wrong));
        Assert.Contains("This account is locked", ErrorsOf(right));
    }

    [Fact]
    public async Task SignUpsFromOneAddressAreLimitedAndTheFormKeepsWhatWasTyped()
    {
        for (var n = 1; n <= 2; n++)
        {
            using var bot = BrowserFrom(Attacker);
            Assert.Equal(HttpStatusCode.Redirect, (await bot.PostFormAsync("/signup", SignUpFields($"bot{n}"))).StatusCode);
        }

        using var sameAddress = BrowserFrom(Attacker);
        var refused = await sameAddress.PostFormAsync("/signup", SignUpFields("bot3"));
        await AssertTooManyAsync(refused, "Too many accounts");
        var page = await refused.ReadHtmlAsync();
        Assert.Equal("bot3@example.org", page.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        Assert.Equal("bot3", page.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='Input.Password']")?.GetAttribute("value"));

        using var elsewhere = BrowserFrom("198.51.100.40");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.PostFormAsync("/signup", SignUpFields("person"))).StatusCode);
    }

    [Fact]
    public async Task ResetEmailsAreLimitedPerEmailAddressWhetherOrNotItHasAnAccount()
    {
        var owner = await _app.Data.PersonAsync();
        foreach (var email in new[] { owner.Email!, "nobody@example.org" })
        {
            for (var n = 1; n <= 2; n++)
            {
                using var somewhere = BrowserFrom($"198.51.100.{n}");
                Assert.Equal(HttpStatusCode.OK, (await somewhere.PostFormAsync("/forgot-password", new() { ["Email"] = email })).StatusCode);
            }

            using var third = BrowserFrom("198.51.100.3");
            var refused = await third.PostFormAsync("/forgot-password", new() { ["Email"] = email });
            await AssertTooManyAsync(refused, "Too many reset requests");
            Assert.Equal(email, (await refused.ReadHtmlAsync()).QuerySelector("input[name=Email]")?.GetAttribute("value"));
        }

        Assert.Equal(2, await _app.QueuedEmailCountAsync());
        Assert.Equal(2, (await _app.OutboxAsync(2)).Length);
    }

    [Fact]
    public async Task ResetRequestsFromOneAddressAreLimited()
    {
        using var attacker = BrowserFrom(Attacker);
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.PostFormAsync("/forgot-password", new() { ["Email"] = $"target{n}@example.org" })).StatusCode);
        }

        await AssertTooManyAsync(await attacker.PostFormAsync("/forgot-password", new() { ["Email"] = "target4@example.org" }), "Too many reset requests");
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]")?.TextContent);
    }

    private static string ErrorsOf(IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".form-errors li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t != ""));

    private static Dictionary<string, string> SignUpFields(string username) => new()
    {
        ["Input.Email"] = $"{username}@example.org",
        ["Input.UserName"] = username,
        ["Input.DisplayName"] = $"Display {username}",
        ["Input.Password"] = "a long enough password",
    };
}
