using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// An admin finds an account on /admin/people and suspends it with a reason; both people pages keep the quality bar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleAdminTests(FolioSite site)
{
    [BrowserFact]
    public async Task AnAdminFindsAnAccountAndSuspendsItWithAReason()
    {
        var admin = await site.AddUserAsync("admin");
        var target = await site.AddUserAsync("creator", "Spammy Sam");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInFromScratchAsync(admin);

        await page.GotoAsync("/admin/people");
        await page.GetByLabel("Name, username or email").FillAsync(target.UserName);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator(".people-item")).ToHaveCountAsync(1);
        await PageQuality.CheckAsync(page, "the people list", "admin-people");

        await page.GetByRole(AriaRole.Link, new() { Name = "Spammy Sam" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Spammy Sam");
        await page.GetByLabel("7 days").CheckAsync();
        await page.GetByLabel("Reason (the person sees it)").First.FillAsync("Posting the same link under every story.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();

        await Expect(page.Locator(".notice--success")).ToContainTextAsync($"@{target.UserName} is suspended until");
        await Expect(page.Locator(".person-reason")).ToContainTextAsync("Posting the same link under every story.");
        await PageQuality.CheckAsync(page, "an account's page", "admin-person");
    }
}
