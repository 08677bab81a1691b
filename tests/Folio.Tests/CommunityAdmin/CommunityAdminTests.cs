using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Folio.Features.Audit;
using Folio.Tests.Api;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.CommunityAdmin;

public sealed class CommunityAdminTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Form(string slug, string name = "Night Owls", string accent = "#1a2b3c") => new()
    {
        ["Input.Name"] = name,
        ["Input.Slug"] = slug,
        ["Input.Tagline"] = "Stories written after dark.",
        ["Input.Description"] = "For the sleepless.",
        ["Input.Rules"] = "Be **kind**.",
        ["Input.AccentColor"] = accent,
        ["Input.MinimumWords"] = "300",
        ["Input.SubmissionsNeedReview"] = "true",
    };

    /// <summary>The form as a browser sends it, with the logo as a file part when there is one.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, Dictionary<string, string> fields,
        byte[]? logo = null, string logoName = "logo.png", string handler = "")
    {
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(url));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (logo is not null)
        {
            var part = new ByteArrayContent(logo);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(part, "Logo", logoName);
        }

        return await browser.PostAsync(url + (handler.Length > 0 ? "?handler=" + handler : ""), content);
    }

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Trusted, "/error/403")]
    [InlineData(Persona.Moderator, "/error/403")]
    public async Task OnlyAdminsReachTheCommunityAdminPages(Persona persona, string sentTo)
    {
        var community = await _app.Data.CommunityAsync();
        using var client = await _app.ClientForAsync(persona);

        foreach (var url in new[] { "/admin/communities", "/admin/communities/new", $"/admin/communities/{community.Slug}" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
        }

        var formPage = persona == Persona.Anonymous ? "/signin" : "/write";
        var archive = await client.Http.PostFormAsync($"/admin/communities/{community.Slug}?handler=Archive", [], formPage);
        Assert.Equal(sentTo, archive.Headers.Location?.AbsolutePath);
        Assert.False(await _app.WithDbAsync(db => db.Communities.AnyAsync(c => c.ArchivedAt != null)));
    }

    [Fact]
    public async Task AnAdminCreatesABrandedCommunityThatIsListedAndAudited()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var created = await PostAsync(admin.Http, "/admin/communities/new", Form("night-owls"), SettingsForms.Picture(400, 300));

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        Assert.Equal("/admin/communities/night-owls", created.Headers.Location?.OriginalString);
        var edit = await admin.Http.GetHtmlAsync("/admin/communities/night-owls");
        Assert.Contains("open at /night-owls", edit.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("300", edit.QuerySelector("input[name='Input.MinimumWords']")?.GetAttribute("value"));

        var page = await _app.GetPageAsync("/night-owls");
        var logo = page.QuerySelector(".community-header__logo")?.GetAttribute("src");
        Assert.StartsWith("/media/communities/", logo);
        Assert.EndsWith(".png", logo);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(logo)).StatusCode);
        Assert.Contains("[data-community=\"night-owls\"]{--accent:#1a2b3c}", await admin.Http.GetStringAsync("/theme/communities.css"));

        var list = await admin.Http.GetHtmlAsync("/admin/communities");
        var row = list.QuerySelector("[data-community='night-owls']");
        Assert.Equal("Night Owls", row?.QuerySelector("h2")?.TextContent.Trim());
        Assert.Equal(["0", "0"], row!.QuerySelectorAll("dd").Select(d => d.TextContent));

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        var id = await _app.WithDbAsync(db => db.Communities.Where(c => c.Slug == "night-owls").Select(c => c.Id).SingleAsync());
        Assert.Equal((AuditActions.CommunityCreate, "community", id.ToString()), (entry.Action, entry.SubjectType, entry.SubjectId));
        Assert.Contains(admin.User!.UserName!, entry.ActorName);
        Assert.Contains("\"accentColor\":\"#1a2b3c\"", entry.After);
    }

    [Theory]
    [InlineData("slug", "night_owls", "Community slugs are")]
    [InlineData("slug", "explore", "is a page of the site")]
    [InlineData("slug", "new", "is a page of the site")]
    [InlineData("accent", "#ffcc00", "needs at least 4.5:1")]
    [InlineData("accent", "yellow", "#rrggbb")]
    [InlineData("words", "lots", "whole number")]
    public async Task MistakesComeBackWithWhatWasTypedAndA400(string field, string value, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = Form("night-owls");
        var key = field switch { "slug" => "Input.Slug", "accent" => "Input.AccentColor", _ => "Input.MinimumWords" };
        form[key] = value;

        var response = await PostAsync(admin.Http, "/admin/communities/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{key}']")?.TextContent);
        Assert.Equal(value, page.QuerySelector($"input[name='{key}']")?.GetAttribute("value"));
        Assert.Equal("Night Owls", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal("Be **kind**.", page.QuerySelector("textarea[name='Input.Rules']")?.TextContent.Trim());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task ASlugTakenByACommunityOrByAUsernameIsRefused()
    {
        await _app.Data.CommunityAsync("earth");
        var person = await _app.Data.PersonAsync("maya");
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var community = await PostAsync(admin.Http, "/admin/communities/new", Form("earth"));
        var username = await PostAsync(admin.Http, "/admin/communities/new", Form("maya"));

        Assert.Equal(HttpStatusCode.BadRequest, community.StatusCode);
        Assert.Contains("already answers at /earth", (await community.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Slug']")?.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, username.StatusCode);
        Assert.Contains("someone’s username", (await username.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Slug']")?.TextContent);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Theory]
    [InlineData("notes.txt", "isn’t a picture")]
    [InlineData("logo.svg", "SVG logos aren’t accepted")]
    [InlineData("huge.png", "larger than 2 MB")]
    public async Task ALogoThatIsNotARasterPictureOrIsTooLargeIsRefused(string fileName, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var bytes = fileName switch
        {
            "notes.txt" => "just some words"u8.ToArray(),
            "logo.svg" => """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray(),
            _ => new byte[3 * 1024 * 1024],
        };

        var response = await PostAsync(admin.Http, "/admin/communities/new", Form("night-owls"), bytes, fileName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Logo']")?.TextContent);
        Assert.Equal("night-owls", page.QuerySelector("input[name='Input.Slug']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task RenamingKeepsTheOldAddressesWorkingWithPermanentRedirects()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Deep Water");
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = Form("waters", "Waters", "#2f6b45");

        var saved = await PostAsync(admin.Http, "/admin/communities/rivers", form);

        Assert.Equal("/admin/communities/waters", saved.Headers.Location?.OriginalString);
        var oldEditPage = await admin.Http.GetAsync("/admin/communities/rivers");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldEditPage.StatusCode);
        Assert.Equal("/admin/communities/waters", oldEditPage.Headers.Location?.OriginalString);
        using var reader = _app.NewBrowser();
        foreach (var (old, now) in new[]
        {
            ("/rivers", "/waters"), ("/rivers?page=1", "/waters?page=1"), ($"/rivers/{story.Slug}", $"/waters/{story.Slug}"),
            ("/rivers/feed.xml", "/waters/feed.xml"),
        })
        {
            var response = await reader.GetAsync(old);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{old}: {(int)response.StatusCode}");
            Assert.Equal(now, response.Headers.Location?.OriginalString);
        }

        Assert.Equal("Deep Water", (await reader.GetHtmlAsync($"/waters/{story.Slug}")).QuerySelector("h1")?.TextContent.Trim());
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CommunityEdit));
        using var before = JsonDocument.Parse(entry.Before!);
        Assert.Equal("rivers", before.RootElement.GetProperty("slug").GetString());
        Assert.Equal("Rivers", before.RootElement.GetProperty("name").GetString());
        Assert.False(before.RootElement.TryGetProperty("accentColor", out _), "an unchanged field is left out");

        // Usernames share the namespace: the old slug can't be taken by another community while it redirects.
        var taken = await PostAsync(admin.Http, "/admin/communities/new", Form("rivers"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
    }

    [Fact]
    public async Task AnArchivedCommunityKeepsItsStoriesAndRefusesNewOnes()
    {
        var community = await _app.Data.CommunityAsync("earth", "Earth");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Old Roots");
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var archived = await admin.Http.PostFormAsync("/admin/communities/earth?handler=Archive", [], "/admin/communities/earth");

        Assert.Equal("/admin/communities/earth", archived.Headers.Location?.OriginalString);
        Assert.Contains("Archived", (await _app.GetPageAsync("/earth")).QuerySelector(".community-header__archived")?.TextContent);
        Assert.Equal("Old Roots", (await _app.GetPageAsync($"/earth/{story.Slug}")).QuerySelector("h1")?.TextContent.Trim());
        using var trusted = await _app.ApiClientForAsync(Persona.Trusted);
        var refused = await (await trusted.PostJsonAsync("/api/v1/stories", StoryApiCalls.NewStory("earth", "New Shoots", status: "published"))).ReadProblemAsync(400);
        Assert.Contains("archived", Assert.Single(refused.FieldErrors("community")));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditActions.CommunityArchive, """{"archived":false}""", """{"archived":true}"""), (entry.Action, entry.Before, entry.After));

        await admin.Http.PostFormAsync("/admin/communities/earth?handler=Unarchive", [], "/admin/communities/earth");
        Assert.Equal("published", (await trusted.CreateStoryAsync(StoryApiCalls.NewStory("earth", "New Shoots", status: "published"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WithoutReviewAWritersSubmissionPublishesAtOnce()
    {
        await _app.Data.CommunityAsync("earth", "Earth");
        await _app.Data.CommunityAsync("open-mic", "Open Mic");
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var form = Form("open-mic", "Open Mic", "#2f6b45");
        form["Input.SubmissionsNeedReview"] = "false";
        form["Input.MinimumWords"] = "100";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin.Http, "/admin/communities/open-mic", form)).StatusCode);
        using var creator = await _app.ApiClientForAsync(Persona.Creator);

        var open = await creator.CreateStoryAsync(StoryApiCalls.NewStory("open-mic", "Straight Out"));
        var reviewed = await creator.CreateStoryAsync(StoryApiCalls.NewStory("earth", "Waits Its Turn", status: "published"));
        var published = await creator.CreateStoryAsync(StoryApiCalls.NewStory("open-mic", "Straight Out Too", status: "published"));

        Assert.Equal("draft", open.GetProperty("status").GetString());
        Assert.Equal("pending", reviewed.GetProperty("status").GetString());
        Assert.Equal("published", published.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheEditorShowsTheChosenCommunitysRulesAndLeavesArchivedOnesOut()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin.Http, "/admin/communities/new", Form("night-owls"))).StatusCode);
        var closed = await _app.Data.CommunityAsync("closed");
        await admin.Http.PostFormAsync("/admin/communities/closed?handler=Archive", [], "/admin/communities/closed");

        var editor = await admin.Http.GetHtmlAsync("/write");

        Assert.Equal("<strong>kind</strong>", editor.QuerySelector("[data-community-rules='night-owls'] strong")?.OuterHtml);
        Assert.Null(editor.QuerySelector("option[value='closed']"));
        Assert.NotNull(editor.QuerySelector("option[value='night-owls']"));
    }
}
