using System.Text.RegularExpressions;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>An admin brands a new community from the browser; every admin page, and the page after sign-up, keeps the quality bar.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAreaTests(FolioSite site)
{
    // A 64 × 64 orange square.
    private const string LogoPng =
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeklEQVR4nO3PUQkAIBTAwBfHEPbHWIbw4xAGC3Cbs9fXDRc0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa8NgFs4TBD2Pn/ncAAAAASUVORK5CYII=";

    [BrowserFact]
    public async Task AnAdminCreatesABrandedCommunityThatReadersSee()
    {
        var admin = await site.AddUserAsync("admin");
        var slug = FolioSite.Unique("harbour-");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(admin);

        await page.GotoAsync("/admin/communities/new");
        await PageQuality.CheckAsync(page, "a new community", "admin-community-new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Harbour Lights");
        await page.GetByLabel("Slug").FillAsync(slug);
        await page.GetByLabel("Tagline").FillAsync("Stories told by the water.");
        await page.GetByLabel("Accent colour").FillAsync("#ffee00");
        await page.GetByLabel("Logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Convert.FromBase64String(LogoPng) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();

        // Yellow under white text is refused, and what was typed stays.
        await Expect(page.Locator(".field-error:not(:empty)").First).ToContainTextAsync("contrast");
        await Expect(page.GetByLabel("Tagline")).ToHaveValueAsync("Stories told by the water.");
        await page.GetByLabel("Accent colour").FillAsync("#0b5d7a");
        await page.GetByLabel("Logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Convert.FromBase64String(LogoPng) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/communities/{slug}$"));
        await PageQuality.CheckAsync(page, "a community's settings", "admin-community-edit");

        await page.GotoAsync("/admin/communities");
        await Expect(page.Locator($"[data-community='{slug}']")).ToContainTextAsync("Harbour Lights");
        await PageQuality.CheckAsync(page, "the communities list", "admin-communities");

        await page.GotoAsync($"/{slug}");
        await Expect(page.Locator(".community-header__logo")).ToBeVisibleAsync();
        Assert.True(await page.Locator(".community-header__logo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the logo did not load");
        var accent = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('[data-community]')).getPropertyValue('--accent').trim()");
        Assert.Equal("#0b5d7a", accent.ToLowerInvariant());
    }

    [BrowserFact]
    public async Task EveryAdminPageKeepsTheQualityBar()
    {
        var admin = await site.AddUserAsync("admin");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(admin);

        foreach (var (path, shot) in new[]
        {
            ("/admin", "admin-home"), ("/admin/site", "admin-site"), ("/admin/site/pages", "admin-site-pages"),
            ("/admin/site/invites", "admin-site-invites"), ("/admin/audit", "admin-audit"), ("/admin/webhooks", "admin-webhooks"),
            ("/moderation/fediverse", "moderation-fediverse"), ("/moderation/fediverse/followers", "moderation-fediverse-followers"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await PageQuality.CheckAsync(page, path, shot);
        }

        await using var newcomer = await site.NewContextAsync();
        var signUp = await newcomer.NewPageAsync();
        await signUp.SignUpAsync();
        await PageQuality.CheckAsync(signUp, "the page after sign-up", "check-inbox");
    }
}
