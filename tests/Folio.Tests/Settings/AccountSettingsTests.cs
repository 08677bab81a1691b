using System.Net;
using System.Text.RegularExpressions;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Settings;

public sealed partial class AccountSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ChangedPasswordIsTheOneThatSignsIn()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/settings/account?handler=Password", new()
        {
            ["PasswordChange.CurrentPassword"] = Personas.Password,
            ["PasswordChange.NewPassword"] = "a fresh and longer password",
        }, "/settings/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await reader.Http.GetHtmlAsync("/settings/account");
        Assert.Contains("Your password is changed.", settings.QuerySelector(".notice")?.TextContent);
        await _app.NewBrowser().SignInAsync(reader.User!.UserName!, "a fresh and longer password");
        var old = await _app.NewBrowser().PostFormAsync("/signin", new() { ["Input.Login"] = reader.User.UserName!, ["Input.Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }

    [Fact]
    public async Task PasswordChangeErrorsNameTheirField()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var wrong = await (await reader.Http.PostFormAsync("/settings/account?handler=Password", new()
        {
            ["PasswordChange.CurrentPassword"] = "not my password",
            ["PasswordChange.NewPassword"] = "a fresh and longer password",
        }, "/settings/account")).ReadHtmlAsync();
        var shortOne = await (await reader.Http.PostFormAsync("/settings/account?handler=Password", new()
        {
            ["PasswordChange.CurrentPassword"] = Personas.Password,
            ["PasswordChange.NewPassword"] = "short",
        }, "/settings/account")).ReadHtmlAsync();

        Assert.Equal("That password is not right.", wrong.QuerySelector("[data-valmsg-for='PasswordChange.CurrentPassword']")?.TextContent);
        Assert.Equal("Use at least 10 characters for your password.", shortOne.QuerySelector("[data-valmsg-for='PasswordChange.NewPassword']")?.TextContent);
        Assert.DoesNotContain(shortOne.QuerySelectorAll("input[type=password]"), i => !string.IsNullOrEmpty(i.GetAttribute("value")));
    }

    [Fact]
    public async Task NewEmailTakesEffectOnlyWhenTheEmailedLinkIsOpened()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var before = await _app.QueuedEmailCountAsync();

        var response = await reader.Http.PostFormAsync("/settings/account?handler=Email", new()
        {
            ["EmailChange.NewEmail"] = "moved@example.org",
            ["EmailChange.Password"] = Personas.Password,
        }, "/settings/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(reader.User!.Email, await EmailAsync(reader));
        Assert.Equal(before + 1, await _app.QueuedEmailCountAsync());
        var sent = (await _app.OutboxAsync(before + 1)).Select(path => MimeKit.MimeMessage.Load(path)).Single(m => m.To.ToString().Contains("moved@example.org"));
        var link = ConfirmLink().Match(sent.TextBody ?? "").Value.Replace("http://localhost", "");
        Assert.Contains("email=moved", link);

        var confirmed = await reader.Http.GetHtmlAsync(link);

        Assert.Contains("moved@example.org is confirmed", confirmed.QuerySelector(".notice")?.TextContent);
        Assert.Equal("moved@example.org", await EmailAsync(reader));
    }

    [Fact]
    public async Task EmailChangeNeedsTheRightPasswordAndAFreeAddress()
    {
        var other = await _app.Data.PersonAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var wrong = await (await reader.Http.PostFormAsync("/settings/account?handler=Email", new()
        {
            ["EmailChange.NewEmail"] = "moved@example.org",
            ["EmailChange.Password"] = "guessing wildly",
        }, "/settings/account")).ReadHtmlAsync();
        var taken = await (await reader.Http.PostFormAsync("/settings/account?handler=Email", new()
        {
            ["EmailChange.NewEmail"] = other.Email!,
            ["EmailChange.Password"] = Personas.Password,
        }, "/settings/account")).ReadHtmlAsync();

        Assert.Equal("That password is not right.", wrong.QuerySelector("[data-valmsg-for='EmailChange.Password']")?.TextContent);
        Assert.Equal("moved@example.org", wrong.QuerySelector("input[name='EmailChange.NewEmail']")?.GetAttribute("value"));
        Assert.Contains("Another account already uses", taken.QuerySelector("[data-valmsg-for='EmailChange.NewEmail']")?.TextContent);
        Assert.Equal(0, await _app.QueuedEmailCountAsync());
    }

    private Task<string?> EmailAsync(SignedInClient client) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.Id == client.User!.Id).Select(u => u.Email).SingleAsync());

    [GeneratedRegex(@"http://localhost/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();
}
