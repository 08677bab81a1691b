using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>The XSS corpus of Folio.Tests, loaded into Chromium on the pages that carry the most of it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class XssTests(FolioSite site)
{
    private const string Breakout = "\"><img src=x onerror=alert(1)></title></textarea><script>alert(1)</script>";

    // A fenced-code line would turn the rest of the body into one code block and hide the payloads after it.
    private static readonly string[] Payloads = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "payloads.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal) && !line.StartsWith("```", StringComparison.Ordinal))
        .ToArray();

    [BrowserFact]
    public async Task TheCorpusOpensNoDialogRaisesNoScriptErrorAndBreaksNoContentSecurityPolicy()
    {
        var community = await site.AddCommunityAsync("<svg onload=alert(1)>", tagline: Breakout);
        var author = await site.AddUserAsync("trusted", displayName: "<img src=x onerror=alert(1)>");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var caught = Watch(page);

        await page.SignInFromScratchAsync(author);
        // The words first: an unclosed raw-text payload (a <style> in MathML, say) hides what follows from the word count.
        var storyId = await page.WriteStoryAsync(community, Breakout, StoryText.Long + "\n\n" + string.Join("\n\n", Payloads), button: "Publish");
        var storyUrl = await page.GetByRole(AriaRole.Link, new() { Name = "View live story" }).GetAttributeAsync("href")
            ?? throw new InvalidOperationException("No link to the published story.");
        var posted = 0;
        foreach (var comment in Chunks(Payloads, 4_500))
        {
            await page.GotoAsync(storyUrl + "#comment-form");
            await page.Locator("#comment-form").GetByLabel("Your comment").FillAsync(comment);
            await page.Locator("#comment-form").GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            await Expect(page.Locator("#comments .comment")).ToHaveCountAsync(++posted);
        }

        await page.GotoAsync($"/stories/{storyId}/edit");
        await new EditorPage(page).PreviewToggle.ClickAsync();
        await new EditorPage(page).Preview.Locator("p").First.WaitForAsync();
        foreach (var url in new[] { storyUrl, $"/{community}", $"/authors/{author.UserName}", "/", "/me/stories", "/search?q=alert", "/search?q=" + Uri.EscapeDataString(Breakout) })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        Assert.True(caught.Count == 0, string.Join("\n", caught));
    }

    /// <summary>Dialogs, uncaught script errors and Content-Security-Policy reports: each is a payload that got further than text.</summary>
    private static List<string> Watch(IPage page)
    {
        var caught = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (caught)
            {
                caught.Add($"{page.Url}: dialog {dialog.Type} \"{dialog.Message}\"");
            }

            await dialog.DismissAsync();
        };
        page.PageError += (_, error) =>
        {
            lock (caught)
            {
                caught.Add($"{page.Url}: script error {error}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (caught)
                {
                    caught.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return caught;
    }

    private static IEnumerable<string> Chunks(IEnumerable<string> payloads, int length)
    {
        var chunk = "";
        foreach (var payload in payloads)
        {
            if (chunk.Length + payload.Length + 2 > length)
            {
                yield return chunk;
                chunk = "";
            }

            chunk += payload + "\n\n";
        }

        if (chunk.Length > 0)
        {
            yield return chunk;
        }
    }
}
