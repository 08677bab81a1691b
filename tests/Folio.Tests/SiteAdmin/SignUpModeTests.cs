using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.SiteAdmin;

public sealed class SignUpModeTests : IDisposable
{
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Accounts:SignUpsPerHour"] = "50" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AClosedSiteSaysSoAndRefusesSignUps()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(SiteForms.General(signUpMode: "Closed"))).StatusCode);

        var visitor = _app.NewBrowser();
        var page = await visitor.GetHtmlAsync("/signup");
        Assert.Contains("Sign-up is closed", page.QuerySelector(".signup-refused")?.TextContent);
        Assert.Null(page.QuerySelector("input[name='Input.Email']"));

        var refused = await visitor.PostFormAsync("/signup", SiteForms.SignUp("closedout"), "/signin");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Sign-up is closed", (await refused.ReadHtmlAsync()).QuerySelector(".signup-refused")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "closedout")));
    }

    [Fact]
    public async Task AnInviteOnlySiteTakesEachInviteOnceAndRefusesExpiredAndRevokedOnes()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(SiteForms.General(signUpMode: "InviteOnly"))).StatusCode);

        var stranger = _app.NewBrowser();
        Assert.Contains("invitation only", (await stranger.GetHtmlAsync("/signup")).QuerySelector(".signup-refused")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostFormAsync("/signup", SiteForms.SignUp("nobody"), "/signin")).StatusCode);

        var link = await NewInviteAsync(admin.Http, "7", "For Ada");
        var invited = _app.NewBrowser();
        var form = await invited.GetHtmlAsync(link);
        Assert.NotNull(form.QuerySelector("input[name='Input.Email']"));
        var joined = await invited.PostFormAsync(link, SiteForms.SignUp("ada"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "ada")));

        var again = _app.NewBrowser();
        Assert.Contains("already used", (await again.GetHtmlAsync(link)).QuerySelector(".signup-refused")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostFormAsync(link, SiteForms.SignUp("copycat"), "/signin")).StatusCode);

        var revoked = await NewInviteAsync(admin.Http, "7", "Changed my mind");
        var id = await _app.WithDbAsync(db => db.SiteInvites.Where(i => i.Note == "Changed my mind").Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync($"/admin/site/invites?handler=Revoke&id={id}", new Dictionary<string, string>(), "/admin/site/invites")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.NewBrowser().PostFormAsync(revoked, SiteForms.SignUp("revokee"), "/signin")).StatusCode);

        var expiring = await NewInviteAsync(admin.Http, "1", "Slow reader");
        _app.Clock.Now = _app.Clock.Now.AddDays(1).AddMinutes(1);
        Assert.Contains("expired", (await _app.NewBrowser().GetHtmlAsync(expiring)).QuerySelector(".signup-refused")?.TextContent);

        var list = await admin.Http.GetHtmlAsync("/admin/site/invites");
        Assert.Equal(["Expired", "Revoked", "Used"], list.QuerySelectorAll(".invite .status-badge").Select(b => b.TextContent));
        Assert.Equal(5, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "settings.change")));
    }

    [Fact]
    public async Task ABadInviteFormComesBackWithWhatWasTyped()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var response = await admin.Http.PostFormAsync("/admin/site/invites", new Dictionary<string, string> { ["Input.Days"] = "400", ["Input.Note"] = "For Grace" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Choose between 1 and 90 days.", page.QuerySelector("[data-valmsg-for='Input.Days']")?.TextContent);
        Assert.Equal("For Grace", page.QuerySelector("input[name='Input.Note']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteInvites.CountAsync()));
    }

    /// <summary>Makes an invite as an admin would and returns its link's path and query, shown once on the invites page.</summary>
    private static async Task<string> NewInviteAsync(HttpClient admin, string days, string note)
    {
        var made = await admin.PostFormAsync("/admin/site/invites", new Dictionary<string, string> { ["Input.Days"] = days, ["Input.Note"] = note });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var link = (await admin.GetHtmlAsync("/admin/site/invites")).QuerySelector("#new-invite-link")?.GetAttribute("value");
        Assert.NotNull(link);
        return new Uri(link).PathAndQuery;
    }
}
