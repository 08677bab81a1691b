using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Security;

/// <summary>An address MailKit can't send to is refused where it is typed, with the form's message, and never makes a page fail.</summary>
public sealed class UnsendableAddressTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("x<y@example.org")]
    [InlineData("\"unterminated@example.org")]
    [InlineData("a b@example.org")]
    public async Task SignUpRefusesAnAddressMailKitCannotRead(string email)
    {
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signup", new()
        {
            ["Input.Email"] = email,
            ["Input.UserName"] = "unsendable",
            ["Input.DisplayName"] = "Unsendable",
            ["Input.Password"] = Personas.Password,
            ["Input.ConfirmPassword"] = Personas.Password,
        });

        var page = await response.ReadHtmlAsync();
        Assert.Equal("Enter an email address like name@example.org.", page.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "unsendable")));
    }

    [Theory]
    [InlineData("x<y@example.org")]
    [InlineData("a b@example.org")]
    public async Task AnAddressStoredBeforeTheCheckNeverBreaksForgotPassword(string email)
    {
        var person = await _app.Data.PersonAsync("stored");
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Email, email).SetProperty(u => u.NormalizedEmail, email.ToUpperInvariant())));
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/forgot-password", new() { ["Input.Email"] = email });

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
