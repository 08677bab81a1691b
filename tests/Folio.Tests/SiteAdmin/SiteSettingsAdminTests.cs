using System.Net;
using System.Text.Json;
using Folio.Features.Audit;
using Folio.Features.SiteAdmin;
using Folio.Shared;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.SiteAdmin;

public sealed class SiteSettingsAdminTests : IDisposable
{
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Folio:Site:Name"] = "Configured Stories",
        ["Folio:Site:Description"] = "The configured description.",
        ["Folio:Site:SocialLinks:0:Label"] = "Configured link",
        ["Folio:Site:SocialLinks:0:Url"] = "https://configured.example.org/",
    });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Creator, "/error/403")]
    [InlineData(Persona.Moderator, "/error/403")]
    public async Task OnlyAdminsReachTheSitePages(Persona persona, string sentTo)
    {
        using var client = await _app.ClientForAsync(persona);
        foreach (var url in new[] { "/admin/site", "/admin/site/pages", "/admin/site/invites" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
        }

        var formPage = persona == Persona.Anonymous ? "/signin" : "/settings";
        var post = await client.Http.PostFormAsync("/admin/site", SiteForms.General(), formPage);
        Assert.Equal(sentTo, post.Headers.Location?.AbsolutePath);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync()));
    }

    [Fact]
    public async Task SavesSentAtOnceOnAFreshSiteAllGoThroughAndOneRowIsKept()
    {
        // The first save makes the settings row; saves sent together (two admins, a double submit) all try to.
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var names = Enumerable.Range(1, 8).Select(i => $"Night Owls {i}").ToList();

        var responses = await Task.WhenAll(names.Select(name => admin.Http.PostFormAsync("/admin/site", SiteForms.General(name), "/admin/site")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var stored = Assert.Single(await _app.WithDbAsync(db => db.SiteSettings.AsNoTracking().ToListAsync()));
        Assert.Contains(stored.Name, names);
    }

    [Fact]
    public async Task AdminsSeeTheSettingsInEffectFromConfiguration()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        foreach (var url in new[] { "/admin/site", "/admin/site/pages", "/admin/site/invites" })
        {
            await admin.Http.GetHtmlAsync(url);
        }

        var form = await admin.Http.GetHtmlAsync("/admin/site");
        Assert.Equal("Configured Stories", form.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal("https://configured.example.org/", form.QuerySelector("input[name='Input.Links[0].Url']")?.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name='Input.SignUpMode'][value='Open'][checked]"));

        var home = await _app.NewBrowser().GetHtmlAsync("/");
        Assert.Equal("Configured Stories", home.QuerySelector(".hero-intro h1")?.TextContent);
        Assert.Equal("Configured link", home.QuerySelector(".social-links a")?.TextContent);
    }

    [Fact]
    public async Task SavedSettingsShowOnEveryPublicPageAtOnce()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var anonymous = _app.NewBrowser();
        Assert.Equal("Configured Stories", (await anonymous.GetHtmlAsync("/")).QuerySelector(".hero-intro h1")?.TextContent);
        var themeBefore = (await anonymous.GetHtmlAsync("/contact")).QuerySelector("link[href^='/theme.css']")?.GetAttribute("href");

        var saved = await admin.Http.SaveGeneralAsync(SiteForms.General(accent: "#8B1E3F", links: [("Mastodon", "https://mastodon.example/@owls")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("settings are saved", (await admin.Http.GetHtmlAsync("/admin/site")).QuerySelector(".notice--success")?.TextContent);

        var home = await anonymous.GetHtmlAsync("/");
        Assert.Equal("Night Owls", home.QuerySelector(".hero-intro h1")?.TextContent);
        Assert.Equal("Stories told after dark.", home.QuerySelector(".site-footer__about p")?.TextContent);
        Assert.Equal("Night Owls", home.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"));
        Assert.Equal(["Mastodon"], home.QuerySelectorAll(".social-links a").Select(a => a.TextContent));
        Assert.Equal("https://mastodon.example/@owls", home.QuerySelector(".social-links a")?.GetAttribute("href"));

        var contact = await anonymous.GetHtmlAsync("/contact");
        Assert.EndsWith("· Night Owls", contact.Title);
        var theme = contact.QuerySelector("link[href^='/theme.css']")?.GetAttribute("href");
        Assert.NotEqual(themeBefore, theme);
        var css = await anonymous.GetAsync(theme);
        Assert.Contains("--brand: #8b1e3f;", await css.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl?.MaxAge);

        var feed = await anonymous.GetStringAsync("/feed.xml");
        Assert.Contains("<title>Night Owls</title>", feed);

        var stored = await _app.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Equal(("Night Owls", "#8b1e3f"), (stored.Name, stored.AccentColour));
        // Values left as configured are not copied: they keep following the configuration.
        Assert.Null(stored.SignUpMode);
        Assert.Null(stored.RequireConfirmedEmail);
    }

    [Fact]
    public async Task AValueLeftAloneKeepsFollowingTheConfiguration()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = await admin.Http.ShownAsync();
        fields["Input.Description"] = "A new description.";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(fields)).StatusCode);

        var stored = await _app.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Equal((null, "A new description.", null), (stored.Name, stored.Description, stored.SocialLinksJson));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditActions.SettingsChange, "site", "site"), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Equal(["description"], JsonSerializer.Deserialize<Dictionary<string, string>>(entry.After!)!.Keys);
        Assert.Equal("The configured description.", JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Before!)!["description"]);
        Assert.Equal(admin.User!.Id, entry.ActorId);
    }

    [Theory]
    [InlineData("not a colour", "", "hex code")]
    [InlineData("#ffeb3b", "", "contrast of only 1.2:1")]
    [InlineData("#1f2a44", "http://insecure.example.org", "full https:// address")]
    [InlineData("#1f2a44", "javascript:alert(1)", "full https:// address")]
    public async Task BadValuesComeBackWithWhatWasTypedAndA400(string accent, string url, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = SiteForms.General(name: "Typed name", accent: accent, links: [("Somewhere", url == "" ? "https://ok.example.org" : url)]);
        var response = await admin.Http.SaveGeneralAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var form = await response.ReadHtmlAsync();
        Assert.Contains(message, form.QuerySelector(".field-error:not(:empty)")?.TextContent);
        Assert.Equal("Typed name", form.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal(accent, form.QuerySelector("input[name='Input.AccentColour']")?.GetAttribute("value"));
        Assert.Equal(url == "" ? "https://ok.example.org" : url, form.QuerySelector("input[name='Input.Links[0].Url']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AnEmptyNameAndAnUnknownSignUpModeAreRefused()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var response = await admin.Http.SaveGeneralAsync(SiteForms.General(name: " ", signUpMode: "Everyone"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var form = await response.ReadHtmlAsync();
        Assert.Equal("Enter the site’s name.", form.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync()));
    }

    [Fact]
    public void AccentContrastFollowsWcag()
    {
        Assert.Equal(21, AccentColour.ContrastWithWhite("#000000"), 1);
        Assert.Equal(1, AccentColour.ContrastWithWhite("#ffffff"), 1);
        Assert.True(AccentColour.ContrastWithWhite("#767676") >= 4.5);
        Assert.True(AccentColour.ContrastWithWhite("#777777") < 4.5);
        Assert.Equal("#aabbcc", AccentColour.Normalise(" #ABC "));
        Assert.Null(AccentColour.Normalise("#abcd"));
    }
}
