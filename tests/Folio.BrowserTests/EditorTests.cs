using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>The story editor's script in a real browser: toolbar, live preview and counts, autosave, and drafts that survive a lost session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorTests(FolioSite site)
{
    private static readonly LocatorAssertionsToContainTextOptions AutosaveWait = new() { Timeout = 15_000 };

    [BrowserFact]
    public async Task ToolbarWrapsTheSelectedTextInBold()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();
        await page.GotoAsync("/write");
        var editor = new EditorPage(page);

        await editor.Body.FillAsync("Make this word stand out.");
        await editor.Body.EvaluateAsync("body => body.setSelectionRange(10, 14)");
        await editor.Toolbar.GetByRole(AriaRole.Button, new() { Name = "B", Exact = true }).ClickAsync();

        await Expect(editor.Body).ToHaveValueAsync("Make this **word** stand out.");
    }

    [BrowserFact]
    public async Task TypingUpdatesTheWordCountReadingTimeAndSanitisedPreview()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();
        await page.GotoAsync("/write");
        var editor = new EditorPage(page);

        await editor.Body.FocusAsync();
        await page.Keyboard.TypeAsync("## Heading\n\nOne two three four five six seven.");
        await Expect(editor.Stats).ToHaveTextAsync("8 words · 1 min read");

        await editor.TypeAtEndAsync("\n\n<script>window.folioInjected = true;</script>\n\n<img src=\"/favicon.svg\" onerror=\"window.folioInjected = true\" onload=\"window.folioInjected = true\" alt=\"\">");
        await editor.PreviewToggle.ClickAsync();

        await Expect(editor.Preview).ToBeVisibleAsync();
        await Expect(editor.Body).ToBeHiddenAsync();
        await Expect(editor.Preview.Locator("h2")).ToHaveTextAsync("Heading");
        await Expect(editor.Preview.Locator("p").First).ToHaveTextAsync("One two three four five six seven.");
        await Expect(editor.Preview.Locator("script")).ToHaveCountAsync(0);
        await Expect(editor.Preview.Locator("[onerror], [onload]")).ToHaveCountAsync(0);
        Assert.False(await page.EvaluateAsync<bool>("() => window.folioInjected === true"), "a script from the story body ran in the preview");

        await editor.PreviewToggle.ClickAsync();
        await Expect(editor.Body).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task DraftIsSavedToTheSiteWhileTyping()
    {
        var community = await site.AddCommunityAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();
        await page.WriteStoryAsync(community, "Notes from the night ferry", "The first line, saved with the button.");
        var editor = new EditorPage(page);

        await editor.TypeAtEndAsync("\n\nA second line, saved on its own.");
        await Expect(editor.AutosaveStatus).ToContainTextAsync("Draft saved at", AutosaveWait);

        // Forget this device's copy, so what comes back can only come from the site.
        await page.EvaluateAsync("() => localStorage.clear()");
        await page.ReloadAsync();
        await Expect(editor.Body).ToHaveValueAsync("The first line, saved with the button.\n\nA second line, saved on its own.");
        await Expect(editor.AutosaveStatus).ToBeEmptyAsync();
    }

    [BrowserFact]
    public async Task TextSurvivesAnExpiredSession()
    {
        var community = await site.AddCommunityAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var account = await page.SignUpAsync();
        await page.WriteStoryAsync(community, "What the tide left", "Saved before the session ended.");
        var editUrl = page.Url;
        var editor = new EditorPage(page);

        await editor.TypeAtEndAsync(" Typed before it ended.");
        await context.ClearCookiesAsync();
        await editor.TypeAtEndAsync(" Typed after it ended.");

        await Expect(editor.AutosaveStatus).ToContainTextAsync("You were signed out", AutosaveWait);
        await editor.AutosaveStatus.GetByRole(AriaRole.Link, new() { Name = "sign in again" }).ClickAsync();
        await page.SignInAsync(account);

        Assert.Equal(editUrl, page.Url);
        await Expect(editor.AutosaveStatus).ToContainTextAsync("Restored the text");
        await Expect(editor.Body).ToHaveValueAsync("Saved before the session ended. Typed before it ended. Typed after it ended.");
    }
}
