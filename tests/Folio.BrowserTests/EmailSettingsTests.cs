using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>/settings/email keeps the quality bar with follows listed, and suggests the browser's own time zone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailSettingsTests(FolioSite site)
{
    [BrowserFact]
    public async Task EmailChoicesKeepTheQualityBarAndSuggestTheBrowsersTimeZone()
    {
        var creator = await site.AddUserAsync("creator", "Maya Ortiz");
        var reader = await site.AddUserAsync("reader");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(reader);
        await page.SubscribeToAsync(creator);

        await page.GotoAsync("/settings/email");

        await Expect(page.GetByLabel("Maya Ortiz")).ToHaveValueAsync("Default");
        // The context runs in UTC, which the script picks while the account has no zone yet.
        await Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync("UTC");
        await Expect(page.Locator("[data-time-zone-hint]")).ToContainTextAsync("Suggested from your browser");
        await PageQuality.CheckAsync(page, "email choices", "settings-email");

        await page.GetByLabel("A weekly digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email choices" }).ClickAsync();
        await Expect(page.Locator(".notice--success")).ToContainTextAsync("Your email choices are saved.");
        await Expect(page.GetByLabel("A weekly digest")).ToBeCheckedAsync();
    }
}
