using System.Net;
using System.Text.RegularExpressions;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;

namespace Folio.Tests.Standing;

public sealed partial class EmailConfirmationTests : IDisposable
{
    private readonly FolioApp _app = StandingCalls.RequiringConfirmedEmail(new() { ["Folio:Accounts:ConfirmationEmailsPerHour"] = "2" });

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> SignUpAsync(string username, string? returnUrl = null)
    {
        var browser = _app.NewBrowser();
        var url = returnUrl is null ? "/signup" : "/signup?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var response = await browser.PostFormAsync(url, new()
        {
            ["Input.Email"] = $"{username}@example.org",
            ["Input.UserName"] = username,
            ["Input.DisplayName"] = $"Display {username}",
            ["Input.Password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/check-inbox", response.Headers.Location?.OriginalString);
        return browser;
    }

    [Fact]
    public async Task AfterSignUpThePageSaysWhereTheLinkWentAndCarriesOnWhereThePersonWasGoing()
    {
        using var browser = await SignUpAsync("newcomer", "/explore");

        var page = await browser.GetHtmlAsync("/check-inbox?returnUrl=%2Fexplore");

        Assert.Equal("Check your inbox", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("newcomer@example.org", page.QuerySelector("main .lead")?.TextContent);
        Assert.NotNull(page.QuerySelector("main form button[type=submit]"));
        Assert.NotNull(page.QuerySelector("main a[href='/explore']"));
    }

    [Fact]
    public async Task ResendingSendsANewLinkAndIsRateLimited()
    {
        using var browser = await SignUpAsync("resender");

        var first = await browser.PostFormAsync("/check-inbox?handler=Resend", new(), "/check-inbox");
        var shown = await browser.GetHtmlAsync("/check-inbox");
        await browser.PostFormAsync("/check-inbox?handler=Resend", new(), "/check-inbox");
        var refused = await browser.PostFormAsync("/check-inbox?handler=Resend", new(), "/check-inbox");
        var settingsRefused = await browser.PostFormAsync("/settings/account?handler=Confirm", new(), "/settings/account");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("We sent a new confirmation link to resender@example.org", shown.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Try again in", (await refused.ReadHtmlAsync()).QuerySelector(".form-errors")?.TextContent);
        Assert.Equal((HttpStatusCode)429, settingsRefused.StatusCode);
        Assert.Contains("Try again in", (await settingsRefused.ReadHtmlAsync()).QuerySelector(".settings-section .notice--error")?.TextContent);
        Assert.Equal(3, await _app.QueuedEmailCountAsync()); // the sign-up's, and two resent
        Assert.Equal(3, (await _app.OutboxAsync(3)).Length);
    }

    [Fact]
    public async Task TheLinkConfirmsAndLiftsTheGate()
    {
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), await _app.Data.PersonAsync());
        using var browser = await SignUpAsync("gated");

        var refused = await browser.CommentAsync(story, "Hello before confirming");
        var link = ConfirmLink().Match(MimeKit.MimeMessage.Load(Assert.Single(await _app.OutboxAsync())).TextBody ?? "").Value.Replace("http://localhost", "");
        var confirmed = await browser.GetHtmlAsync(link);
        var posted = await browser.CommentAsync(story, "Hello after confirming");
        var inbox = await browser.GetHtmlAsync("/check-inbox");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("confirm your email", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("is confirmed", confirmed.QuerySelector(".notice")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Your email is confirmed", inbox.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task OnlySignedInPeopleHaveAnInbox()
    {
        using var visitor = _app.NewBrowser();

        var response = await visitor.GetAsync("/check-inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin?returnUrl=%2Fcheck-inbox", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex(@"http://localhost/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();
}
