using System.Text.RegularExpressions;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// The header as issue 15 asks for it: one compact row on a phone, one row on a desktop for every role, a menu that
/// opens and closes like one, and a header that steps aside while a story is read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeaderTests(FolioSite site)
{
    private const string Header = "header.site-header";
    private const string MenuToggle = ".account-menu summary";
    private static readonly Regex Hidden = new("site-header--hidden");

    [BrowserFact]
    public async Task OnAPhoneTheHeaderIsOneRowOfAtMost64PixelsSignedOutAndAsAnAdmin()
    {
        var admin = await site.AddUserAsync("admin");
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();

        foreach (var width in new[] { 360, 390, 768 })
        {
            await page.SetViewportSizeAsync(width, 844);
            await page.GotoAsync("/explore");
            Assert.True(await HeightAsync(page) <= 64, $"signed out at {width} px the header is {await HeightAsync(page)} px tall");
            await Expect(page.Locator($"{Header} .account-nav__signin")).ToBeVisibleAsync();
            await Expect(page.Locator($"{Header} .site-nav")).ToBeHiddenAsync();
        }

        await page.SignInFromScratchAsync(admin);
        foreach (var width in new[] { 360, 390, 768 })
        {
            await page.SetViewportSizeAsync(width, 844);
            await page.GotoAsync("/explore");
            Assert.True(await HeightAsync(page) <= 64, $"an admin's header at {width} px is {await HeightAsync(page)} px tall");
            await Expect(page.Locator($"{Header} a.notification-bell")).ToBeVisibleAsync();
        }

        await PageQuality.CheckAsync(page, "explore, as an admin", "header-quality-admin-explore");
    }

    [BrowserFact]
    public async Task OnADesktopTheHeaderIsOneRowForEveryRole()
    {
        foreach (var role in new[] { "reader", "creator", "moderator", "admin" })
        {
            var account = await site.AddUserAsync(role);
            await using var context = await site.NewContextAsync(1024, 900);
            var page = await context.NewPageAsync();
            await page.SignInFromScratchAsync(account);
            await page.GotoAsync("/explore");

            foreach (var width in new[] { 1024, 1280, 1440 })
            {
                await page.SetViewportSizeAsync(width, 900);
                var height = await HeightAsync(page);
                Assert.True(height <= 72, $"a {role}'s header at {width} px is {height} px tall: more than one row");
                await Expect(page.Locator($"{Header} .site-nav")).ToBeVisibleAsync();
                await Expect(page.Locator($"{Header} a.account-nav__write")).ToBeVisibleAsync();
            }
        }
    }

    [BrowserFact]
    public async Task TheMenuOpensWithTheKeyboardAndClosesOnEscapeAndOnAClickOutside()
    {
        var admin = await site.AddUserAsync("admin");
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(admin);
        await page.GotoAsync("/explore");
        var signOut = page.Locator(Header).GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        var toggle = page.Locator(MenuToggle);

        await Expect(signOut).ToBeHiddenAsync();
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(signOut).ToBeVisibleAsync();
        await Expect(page.Locator(Header).GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(Header).GetByRole(AriaRole.Link, new() { Name = "Explore" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        await Expect(signOut).ToBeHiddenAsync();
        await Expect(toggle).ToBeFocusedAsync();

        await toggle.ClickAsync();
        await Expect(signOut).ToBeVisibleAsync();
        // A corner of the page's title: clear of the open panel, which sits on the right.
        await page.Locator("main h1").First.ClickAsync(new() { Position = new() { X = 4, Y = 4 } });
        await Expect(signOut).ToBeHiddenAsync();

        // axe in light and dark, and nothing wider than a phone, with the menu open.
        await toggle.ClickAsync();
        await Expect(signOut).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "the open menu, as an admin", "header-quality-admin-menu");
        await Expect(signOut).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task AVisitorsMenuHoldsSignUpAndTheMainLinks()
    {
        await using var context = await site.NewContextAsync(360, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator(MenuToggle).ClickAsync();

        var menu = page.Locator(".account-menu__panel");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Sign up" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Support" })).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "a visitor's open menu", "header-quality-visitor-menu");
    }

    [BrowserFact]
    public async Task OnAPhoneTheSearchButtonOpensABoxAcrossTheHeaderThatSearches()
    {
        await using var context = await site.NewContextAsync(360, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/explore");
        var box = page.Locator($"{Header} input[type=search]");
        var searchButton = page.Locator($"{Header} .header-search__button");
        var close = page.Locator(Header).GetByRole(AriaRole.Button, new() { Name = "Close search" });

        await Expect(box).ToBeHiddenAsync();
        await Expect(close).ToBeHiddenAsync();
        await Expect(searchButton).ToHaveAttributeAsync("aria-expanded", "false");
        await searchButton.ClickAsync();
        await Expect(box).ToBeFocusedAsync();
        await Expect(searchButton).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.EndsWith("/explore", page.Url);
        Assert.True(await HeightAsync(page) <= 64, $"with the search box open the header is {await HeightAsync(page)} px tall");
        await PageQuality.CheckAsync(page, "the phone's open search box", "header-quality-search-open");
        await Expect(box).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(box).ToBeHiddenAsync();
        await Expect(searchButton).ToBeFocusedAsync();

        await searchButton.ClickAsync();
        await close.ClickAsync();
        await Expect(box).ToBeHiddenAsync();

        await searchButton.ClickAsync();
        await box.FillAsync("mayflies");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q=mayflies$"));
        await Expect(page.Locator("#search-q")).ToHaveValueAsync("mayflies");
    }

    [BrowserFact]
    public async Task OnADesktopTheSearchBoxIsAlwaysThereAndSearchesAtOnce()
    {
        await using var context = await site.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/explore");
        var box = page.Locator($"{Header} input[type=search]");

        await Expect(box).ToBeVisibleAsync();
        await Expect(page.Locator(Header).GetByRole(AriaRole.Button, new() { Name = "Close search" })).ToBeHiddenAsync();
        await box.FillAsync("mayflies");
        await page.Locator($"{Header} .header-search__button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/search\\?q=mayflies$"));
    }

    [BrowserFact]
    public async Task ScrollingDownAStoryHidesTheHeaderAndScrollingUpBringsItBackWithoutMovingTheText()
    {
        var storyUrl = await Steps.PublishStoryAsync(site);
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync(storyUrl);
        var header = page.Locator(Header);
        var titleTop = "() => document.querySelector('h1').getBoundingClientRect().top + window.scrollY";
        var before = await page.EvaluateAsync<double>(titleTop);

        await page.Mouse.MoveAsync(195, 500);
        await page.Mouse.WheelAsync(0, 700);
        await Expect(header).ToHaveClassAsync(Hidden);
        await page.WaitForFunctionAsync("() => document.querySelector('header.site-header').getBoundingClientRect().bottom <= 0");
        Assert.Equal(before, await page.EvaluateAsync<double>(titleTop));

        await page.Mouse.WheelAsync(0, -200);
        await Expect(header).Not.ToHaveClassAsync(Hidden);
        await page.WaitForFunctionAsync("() => document.querySelector('header.site-header').getBoundingClientRect().top >= 0");
        Assert.Equal(before, await page.EvaluateAsync<double>(titleTop));

        // With the menu open the header stays, however far the reader scrolls.
        await page.Locator(MenuToggle).ClickAsync();
        await page.Mouse.MoveAsync(195, 700);
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        await page.Mouse.WheelAsync(0, 600);
        await page.WaitForFunctionAsync("y => window.scrollY > y", scrolled);
        // Two frames: header-scroll.js answers a scroll on the next one.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await Expect(header).Not.ToHaveClassAsync(Hidden);
    }

    [BrowserFact]
    public async Task HeaderScreenshotsForReview()
    {
        var admin = await site.AddUserAsync("admin");
        var storyUrl = await Steps.PublishStoryAsync(site);
        Directory.CreateDirectory(PageQuality.Shots);
        foreach (var signedIn in new[] { false, true })
        {
            await using var context = await site.NewContextAsync();
            var page = await context.NewPageAsync();
            if (signedIn)
            {
                await page.SignInFromScratchAsync(admin);
            }

            var who = signedIn ? "admin" : "visitor";
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                var suffix = scheme == ColorScheme.Dark ? "-dark" : "";
                await page.SetViewportSizeAsync(1280, 800);
                await page.GotoAsync(storyUrl);
                await ShotAsync(page, $"header-{who}-1280{suffix}");
                await page.SetViewportSizeAsync(390, 844);
                await page.GotoAsync(storyUrl);
                await ShotAsync(page, $"header-{who}-390{suffix}");
                await page.Locator(MenuToggle).ClickAsync();
                await ShotAsync(page, $"header-{who}-menu-390{suffix}");
            }
        }
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(PageQuality.Shots, $"{name}.png"), Animations = ScreenshotAnimations.Disabled });

    private static Task<double> HeightAsync(IPage page) =>
        page.Locator(Header).EvaluateAsync<double>("header => header.getBoundingClientRect().height");
}
