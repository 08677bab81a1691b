using AngleSharp.Dom;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Layout;

/// <summary>The header's menu per role, the one name for the help page, and which pages let the header step aside.</summary>
public sealed class HeaderTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private const string SiteLinks = "Explore · Reader insights · Support";

    [Theory]
    [InlineData(Persona.Anonymous, "Sign in · Sign up · " + SiteLinks)]
    [InlineData(Persona.Reader, "Write · Following · My stories · Settings · " + SiteLinks + " · Sign out")]
    [InlineData(Persona.Creator, "Write · Following · My stories · Settings · " + SiteLinks + " · Sign out")]
    [InlineData(Persona.Moderator, "Write · Following · My stories · Settings · Moderation · " + SiteLinks + " · Sign out")]
    [InlineData(Persona.Admin, "Write · Following · My stories · Settings · Moderation · Admin · " + SiteLinks + " · Sign out")]
    public async Task TheMenuHoldsWhatEachRoleMayOpen(Persona persona, string expected)
    {
        using var client = await _app.ClientForAsync(persona);

        var menu = Menu(await client.Http.GetHtmlAsync("/explore"));

        var entries = menu.QuerySelectorAll(".account-menu__panel a, .account-menu__panel button").Select(e => e.TextContent.Trim()).ToList();
        // In this order; another feature may add its own entry (such as a reading list) between them.
        AssertInOrder(expected.Split(" · "), entries);
        Assert.Equal(persona is Persona.Moderator or Persona.Admin, entries.Contains("Moderation"));
        Assert.Equal(persona == Persona.Admin, entries.Contains("Admin"));
        Assert.Equal(persona != Persona.Anonymous, entries.Contains("Sign out"));
        Assert.Equal(persona == Persona.Anonymous, entries.Contains("Sign in"));
    }

    [Fact]
    public async Task TheMenuWorksWithoutScriptAndSignsOutWithAPost()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var page = await admin.Http.GetHtmlAsync("/");

        var menu = Menu(page);
        Assert.Equal("details", menu.LocalName);
        Assert.Null(menu.GetAttribute("open"));
        Assert.Equal($"Menu, signed in as {admin.User!.UserName}", menu.QuerySelector("summary .visually-hidden")?.TextContent);
        var signOut = menu.QuerySelector("form.account-menu__signout");
        Assert.Equal("post", signOut?.GetAttribute("method"));
        Assert.Equal("/signout", signOut?.GetAttribute("action"));
        Assert.NotNull(signOut?.QuerySelector("input[name=__RequestVerificationToken]"));
        // Beside the menu, on every width: Write (wide screens) and the bell.
        Assert.NotNull(page.QuerySelector(".account-nav > a.account-nav__write[href='/write']"));
        Assert.NotNull(page.QuerySelector(".account-nav > a.notification-bell"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/header-menu.js']"));
    }

    [Fact]
    public async Task AVisitorKeepsASignInLinkBesideTheMenu()
    {
        var page = await _app.GetPageAsync("/explore");

        Assert.Equal("/signin?returnUrl=%2Fexplore", page.QuerySelector(".account-nav > a.account-nav__signin")?.GetAttribute("href"));
        Assert.Equal("Menu", Menu(page).QuerySelector("summary")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".account-nav a[href='/write']"));
        Assert.Null(page.QuerySelector(".account-nav form[action='/signout']"));
    }

    [Fact]
    public async Task TheHelpPageHasOneNameInTheHeaderTheMenuAndTheFooter()
    {
        var home = await _app.GetPageAsync("/");
        var support = await _app.GetPageAsync("/support");

        var names = home.QuerySelectorAll("a[href='/support']").Select(a => a.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Support"], names);
        Assert.Equal(3, home.QuerySelectorAll(".site-nav a[href='/support'], .account-menu a[href='/support'], .footer-nav a[href='/support']").Length);
        Assert.Contains("Support", support.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain(home.QuerySelectorAll(".site-header a, .site-footer a"), a => a.TextContent.Trim() == "Help");
    }

    [Fact]
    public async Task OnlyAStoryLetsItsHeaderStepAsideWhileReading()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync());

        var storyPage = await _app.GetPageAsync($"/{community.Slug}/{story.Slug}");
        var home = await _app.GetPageAsync("/");

        Assert.NotNull(storyPage.QuerySelector("header.site-header.site-header--autohide"));
        Assert.NotNull(storyPage.QuerySelector("script[src^='/js/header-scroll.js']"));
        Assert.Null(home.QuerySelector("header.site-header.site-header--autohide"));
        Assert.Null(home.QuerySelector("script[src^='/js/header-scroll.js']"));
    }

    private static IElement Menu(IDocument page) =>
        page.QuerySelector(".site-header .account-nav details.account-menu") ?? throw new Xunit.Sdk.XunitException("The header has no menu.");

    private static void AssertInOrder(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var at = 0;
        foreach (var entry in actual)
        {
            if (at < expected.Count && entry == expected[at])
            {
                at++;
            }
        }

        Assert.True(at == expected.Count, $"expected, in this order: {string.Join(" · ", expected)}; the menu holds: {string.Join(" · ", actual)}");
    }
}
