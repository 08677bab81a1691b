using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Settings;

public sealed class ProfileSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInAndBack()
    {
        using var browser = _app.NewBrowser();

        foreach (var page in new[] { "/settings", "/settings/account", "/settings/email", "/settings/data", "/settings/export" })
        {
            var response = await browser.GetAsync(page);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.Equal($"/signin?returnUrl={Uri.EscapeDataString(page)}", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
    }

    [Fact]
    public async Task ProfileEditsAreSavedAndShownOnTheProfile()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "Ada Quill";
        fields["Input.Bio"] = "Writes about rivers and the people who mend them.";
        fields["Input.Links[0].Label"] = "Website";
        fields["Input.Links[0].Url"] = "https://ada.example.org/";
        fields["Input.Links[1].Label"] = "Newsletter";
        fields["Input.Links[1].Url"] = "https://news.example.org/ada";

        var response = await reader.Http.PostFormAsync("/settings", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await reader.Http.GetHtmlAsync("/settings");
        Assert.Contains("Your profile is saved.", settings.QuerySelector(".notice")?.TextContent);
        Assert.Equal("Ada Quill", settings.QuerySelector("input[name='Input.DisplayName']")?.GetAttribute("value"));
        Assert.Equal("https://news.example.org/ada", settings.QuerySelector("input[name='Input.Links[1].Url']")?.GetAttribute("value"));
        var profile = await _app.GetPageAsync($"/authors/{reader.User!.UserName}");
        Assert.Equal("Ada Quill", profile.QuerySelector("h1")?.TextContent);
        Assert.Contains("rivers and the people", profile.QuerySelector(".profile-header__bio")?.TextContent);
        Assert.Equal(["Website", "Newsletter"], profile.QuerySelectorAll(".profile-header .social-links a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ChangingUsernameLeavesAPermanentRedirectFromTheOldOne()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var old = reader.User!.UserName!;
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.UserName"] = "river-writer";

        Assert.Equal(HttpStatusCode.Redirect, (await reader.Http.PostFormAsync("/settings", fields)).StatusCode);

        await _app.GetPageAsync("/authors/river-writer");
        using var visitor = _app.NewBrowser();
        var moved = await visitor.GetAsync($"/authors/{old}?community=earth");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/authors/river-writer?community=earth", moved.Headers.Location?.OriginalString);
        var settings = await reader.Http.GetHtmlAsync("/settings");
        Assert.Contains("@river-writer", settings.QuerySelector(".settings-header")?.TextContent);
    }

    [Fact]
    public async Task UsernamesHeldOrLeftBehindBySomeoneElseAreRefused()
    {
        var other = await _app.Data.PersonAsync("heldname");
        using var renamer = await _app.ClientForAsync(Persona.Reader);
        var fields = await renamer.Http.ProfileFieldsAsync();
        fields["Input.UserName"] = "heldname-two";
        await renamer.Http.PostFormAsync("/settings", fields);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var mine = await reader.Http.ProfileFieldsAsync();

        foreach (var (wanted, message) in new[]
        {
            ("HeldName", "is taken"),
            (renamer.User!.UserName!, "is taken"),
            ("anonymous", "is reserved"),
            ("9lives", "Usernames are"),
        })
        {
            mine["Input.UserName"] = wanted;
            var response = await reader.Http.PostFormAsync("/settings", mine);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.UserName']")?.TextContent);
            Assert.Equal(wanted, page.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
        }

        Assert.Equal(reader.User!.UserName, await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User.Id).Select(u => u.UserName).SingleAsync()));
        Assert.Equal("heldname", other.UserName);
    }

    [Fact]
    public async Task BadLinksAndFieldsAreRefusedWithWhatWasTypedKept()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "Kept Name";
        fields["Input.Bio"] = new string('b', 1001);
        fields["Input.Links[0].Label"] = "Home";
        fields["Input.Links[0].Url"] = "javascript:alert(1)";
        fields["Input.Links[1].Label"] = "";
        fields["Input.Links[1].Url"] = "https://example.org/no-label";
        fields["Input.Links[2].Label"] = "Relative";
        fields["Input.Links[2].Url"] = "/authors/someone";

        var response = await reader.Http.PostFormAsync("/settings", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("starts with https://", page.QuerySelector("[data-valmsg-for='Input.Links[0].Url']")?.TextContent);
        Assert.Contains("Give this link a label", page.QuerySelector("[data-valmsg-for='Input.Links[1].Label']")?.TextContent);
        Assert.Contains("starts with https://", page.QuerySelector("[data-valmsg-for='Input.Links[2].Url']")?.TextContent);
        Assert.Contains("at most 1000", page.QuerySelector("[data-valmsg-for='Input.Bio']")?.TextContent);
        Assert.Equal("javascript:alert(1)", page.QuerySelector("input[name='Input.Links[0].Url']")?.GetAttribute("value"));
        Assert.Equal("https://example.org/no-label", page.QuerySelector("input[name='Input.Links[1].Url']")?.GetAttribute("value"));
        Assert.Equal("Kept Name", page.QuerySelector("input[name='Input.DisplayName']")?.GetAttribute("value"));
        var saved = await _app.WithDbAsync(db => db.Users.Include(u => u.Links).SingleAsync(u => u.Id == reader.User!.Id));
        Assert.Equal(reader.User!.DisplayName, saved.DisplayName);
        Assert.Empty(saved.Links);
    }

    [Fact]
    public async Task NoSettingsFormNamesAUserSoNobodyCanEditAnotherAccount()
    {
        var victim = await _app.Data.PersonAsync("victim", "Victim Name");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        foreach (var page in new[] { "/settings", "/settings/account", "/settings/data" })
        {
            var document = await reader.Http.GetHtmlAsync(page);
            var fieldNames = document.QuerySelectorAll("main form [name]").Select(e => e.GetAttribute("name")!.ToLowerInvariant()).ToList();
            Assert.NotEmpty(fieldNames);
            Assert.DoesNotContain(fieldNames, n => n.Contains("userid") || n == "id" || n.EndsWith(".id"));
        }

        // Smuggled ids are ignored: the signed-in account is the only one that changes.
        var fields = await reader.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "Hijacked";
        fields["Id"] = victim.Id;
        fields["UserId"] = victim.Id;
        fields["Input.Id"] = victim.Id;
        await reader.Http.PostFormAsync("/settings?userId=" + victim.Id, fields, "/settings");

        var names = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == victim.Id || u.Id == reader.User!.Id)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName));
        Assert.Equal("Victim Name", names[victim.Id]);
        Assert.Equal("Hijacked", names[reader.User!.Id]);
    }
}
