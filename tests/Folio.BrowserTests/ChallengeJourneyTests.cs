using System.Globalization;
using System.Text.RegularExpressions;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>
/// A challenge from start to finish in the browser: an admin sets it up, a creator enters it from the editor while its
/// rules are checked as they write, the admin closes it, and the lead judge scores the entry and publishes the results.
/// Every page on the way keeps the quality bar.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ChallengeJourneyTests(FolioSite site)
{
    /// <summary>The minute pass publishes the held entry and gives it to the judge; a busy machine may be slow to run it.</summary>
    private static readonly TimeSpan PassWait = TimeSpan.FromSeconds(150);

    [BrowserFact]
    public async Task ACreatorEntersFromTheEditorAndTheLeadJudgeScoresItAndPublishesTheResults()
    {
        var community = await site.AddCommunityAsync();
        var admin = await site.AddUserAsync("admin", "Ada Judge");
        var creator = await site.AddUserAsync("trusted", "Cato Writer");
        var title = $"Lanterns {FolioSite.Unique("")}";
        var slug = title.ToLowerInvariant().Replace(' ', '-');
        var now = DateTime.UtcNow;

        await using var adminContext = await site.NewContextAsync();
        var judge = await adminContext.NewPageAsync();
        await judge.SignInFromScratchAsync(admin);
        var editUrl = await CreateChallengeAsync(judge, community, admin, title, now.AddHours(-1), now.AddDays(1));

        await using var creatorContext = await site.NewContextAsync();
        var page = await creatorContext.NewPageAsync();
        await page.SignInFromScratchAsync(creator);

        // The community's banner, and the challenge's own page.
        await page.GotoAsync($"/{community}");
        var banner = page.Locator("[data-challenge-banner]");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Expect(banner.Locator("[data-countdown]")).ToHaveTextAsync(new Regex("^Closes in (23 hours|1 day)"));
        await PageQuality.CheckAsync(page, "a community page with its challenge banner", "challenge-banner");
        await banner.GetByRole(AriaRole.Link, new() { Name = $"Enter {title}" }).ClickAsync();
        await page.WaitForURLAsync($"**/write?challenge={slug}");
        await page.GotoAsync($"/challenges/{slug}");
        await PageQuality.CheckAsync(page, "an open challenge's page", "challenge-open");

        // Entering from the editor: the rules, and the live checks of words and tags.
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter this challenge" }).ClickAsync();
        var editor = new EditorPage(page);
        var rules = page.Locator($"[data-challenge-rules='{slug}']");
        await Expect(rules).ToBeVisibleAsync();
        await Expect(rules).ToContainTextAsync("Length: 100 to 3,000 words");
        await Expect(rules).ToContainTextAsync("Tags: lanterns");
        await editor.Community.SelectOptionAsync(community);
        await editor.Title.FillAsync("The lamplighter's last round");
        await editor.Subtitle.FillAsync("A street lit by hand, one last time.");
        await editor.Body.FillAsync("Only a beginning so far.");
        var check = rules.Locator("[data-challenge-check]");
        await Expect(check).ToHaveTextAsync("5 words so far. Missing tag: lanterns.");
        await editor.Body.FillAsync(StoryText.Long);
        await Expect(check).ToHaveTextAsync("Missing tag: lanterns.");
        await page.Locator("input[name='Input.Tags']").FillAsync("Memoir, Lanterns");
        await Expect(check).ToHaveTextAsync("Fits the rules so far.");
        await PageQuality.CheckAsync(page, "the editor with a challenge chosen", "challenge-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(EditUrl(), new() { Timeout = 90_000 });
        await Expect(page.Locator(".notice--success")).ToContainTextAsync("readers see it when the challenge closes");

        // The dashboard offers to withdraw it while the challenge is open.
        await page.GotoAsync("/me/stories");
        await Expect(page.Locator("[data-open-entries]").GetByRole(AriaRole.Button, new() { Name = $"Withdraw from {title}" })).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "the dashboard with an entry in an open challenge", "challenge-dashboard");

        // The admin closes it now; the minute pass publishes the entry and gives it to the judge.
        await judge.GotoAsync(editUrl);
        await judge.GetByLabel("Closes", new() { Exact = true }).FillAsync(Minute(DateTime.UtcNow));
        await judge.GetByRole(AriaRole.Button, new() { Name = "Save challenge" }).ClickAsync();
        await Expect(judge.GetByText("Saved.")).ToBeVisibleAsync();
        var entry = judge.Locator(".judging-list").GetByRole(AriaRole.Link, new() { Name = "The lamplighter's last round" });
        var deadline = DateTime.UtcNow + PassWait;
        do
        {
            await judge.GotoAsync($"/challenges/{slug}/judging");
        }
        while (await entry.CountAsync() == 0 && DateTime.UtcNow < deadline && await Pause());

        await Expect(judge.Locator("[data-progress]")).ToHaveTextAsync("0 of 1 entry scored");
        await PageQuality.CheckAsync(judge, "the judging page", "challenge-judging");
        await entry.ClickAsync();
        await judge.GetByLabel("Fit to the prompt (100 %)").FillAsync("9");
        await judge.GetByLabel("A note to the author").FillAsync("The last lamp stays with me.");
        await PageQuality.CheckAsync(judge, "an entry's score page", "challenge-score");
        await judge.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await Expect(judge.Locator("[data-progress]")).ToHaveTextAsync("1 of 1 entry scored");

        // The lead judge picks the winner and publishes.
        await judge.GetByRole(AriaRole.Link, new() { Name = "Pick the winners" }).ClickAsync();
        await judge.Locator("#pick-0").SelectOptionAsync(new SelectOptionValue { Label = "The lamplighter's last round (9.00)" });
        await judge.Locator("#note-0").FillAsync("A quiet, exact farewell.");
        await judge.GetByRole(AriaRole.Button, new() { Name = "Publish the results" }).ClickAsync();
        await judge.WaitForURLAsync($"**/challenges/{slug}");
        var results = judge.Locator("[data-results]");
        await Expect(results.Locator("[data-placement='winner']")).ToContainTextAsync("The lamplighter's last round");
        await Expect(results.Locator("[data-placement='winner']")).ToContainTextAsync("A quiet, exact farewell.");
        await PageQuality.CheckAsync(judge, "a challenge's page with its results", "challenge-results");

        // Closed: the banner is gone from the community page.
        await page.GotoAsync($"/{community}");
        await Expect(page.Locator("[data-challenge-banner]")).ToHaveCountAsync(0);

        // The entrant reads the judge's scores and note, and finds the badge on the winning story.
        await page.GotoAsync($"/challenges/{slug}/my-scores");
        await Expect(page.GetByText("The last lamp stays with me.")).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "an entrant's private scores", "challenge-my-scores");
        await page.GetByRole(AriaRole.Link, new() { Name = "The lamplighter's last round" }).ClickAsync();
        await Expect(page.Locator("[data-award='winner']")).ToHaveTextAsync($"Winner of {title}");
        await PageQuality.CheckAsync(page, "a winning story with its badge", "challenge-winner-story");
    }

    /// <summary>Fills in and sends the new-challenge form; returns the address of its edit page.</summary>
    private static async Task<string> CreateChallengeAsync(IPage page, string community, Account judge, string title, DateTime opens, DateTime closes)
    {
        await page.GotoAsync("/admin/challenges/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync("Write about a light that goes out, or one that comes on.");
        await page.Locator("select[name='Input.CommunityId']").SelectOptionAsync(new SelectOptionValue { Label = $"Night Owls {community}" });
        await page.Locator("select[name='Input.TimeZone']").SelectOptionAsync("UTC");
        await page.GetByLabel("Opens", new() { Exact = true }).FillAsync(Minute(opens));
        await page.GetByLabel("Closes", new() { Exact = true }).FillAsync(Minute(closes));
        await page.GetByLabel("Minimum words").FillAsync("100");
        await page.GetByLabel("Maximum words").FillAsync("3000");
        await page.GetByLabel("Required tags").FillAsync("lanterns");
        await page.GetByLabel("Judges", new() { Exact = true }).FillAsync(judge.UserName);
        await page.GetByLabel("Criterion 1").FillAsync("Fit to the prompt");
        await page.Locator("input[name='Input.Criteria[0].Weight']").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create challenge" }).ClickAsync();
        await page.WaitForURLAsync(AdminEditUrl());
        return new Uri(page.Url).AbsolutePath;
    }

    private static string Minute(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<bool> Pause()
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        return true;
    }

    [GeneratedRegex(@"/stories/(\d+)/edit$")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"/admin/challenges/(\d+)/edit$")]
    private static partial Regex AdminEditUrl();
}
