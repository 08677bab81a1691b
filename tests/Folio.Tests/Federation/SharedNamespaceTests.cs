using System.Net;
using Folio.Features.Communities;
using Folio.Tests.Admin;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>acct:earth@host names one actor, so an account may not take a community's name (the reverse is in CommunityAdminTests).</summary>
public sealed class SharedNamespaceTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("Earth")]
    [InlineData("old-earth")]
    public async Task SignUpRefusesACommunitysNameOrOldSlug(string wanted)
    {
        var community = await _app.Data.CommunityAsync("earth");
        await _app.WithDbAsync(db =>
        {
            db.CommunitySlugRedirects.Add(new CommunitySlugRedirect { OldSlug = "old-earth", CommunityId = community.Id, ChangedAt = _app.Clock.UtcNow });
            return db.SaveChangesAsync();
        });
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signup", new()
        {
            ["Input.Email"] = "newcomer@example.org", ["Input.UserName"] = wanted, ["Input.DisplayName"] = "Newcomer",
            ["Input.Password"] = "a long enough password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("share one namespace", page.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);
        Assert.Equal(wanted, page.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "newcomer@example.org")));
    }

    [Fact]
    public async Task RenamingToACommunitysNameIsRefusedWithWhatWasTypedKept()
    {
        await _app.Data.CommunityAsync("verse");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.UserName"] = "VERSE";

        var response = await reader.Http.PostFormAsync("/settings", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("a community’s address", page.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);
        Assert.Equal("VERSE", page.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
        Assert.Equal(reader.User!.UserName, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User.Id).Select(u => u.UserName).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.UsernameRedirects.AnyAsync()));
    }

    [Fact]
    public async Task AnAccountThatCollidedBeforeTheRuleCanStillSaveItsProfile()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.Data.CommunityAsync(reader.User!.UserName!.ToLowerInvariant());
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "A New Name";

        var response = await reader.Http.PostFormAsync("/settings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("A New Name", await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User.Id).Select(u => u.DisplayName).SingleAsync()));
    }
}
