using System.Text.RegularExpressions;
using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>The editor's Image button: a picture chosen in the file picker is uploaded, described, and inserted as Markdown.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EditorImageTests(FolioSite site)
{
    [BrowserFact]
    public async Task TheImageButtonUploadsAPictureAsksForItsAltTextAndInsertsIt()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();
        await page.GotoAsync("/write");
        var editor = new EditorPage(page);
        await PageQuality.CheckAsync(page, "the editor with the hero's alt text and caption", "editor-images-form");
        var picture = await page.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        await editor.Body.FillAsync("Before the picture.\n\n");
        await editor.Body.EvaluateAsync("body => body.setSelectionRange(body.value.length, body.value.length)");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => editor.Toolbar.GetByRole(AriaRole.Button, new() { Name = "Image", Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "harbour.png", MimeType = "image/png", Buffer = picture });

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Describe the image" });
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(dialog.Locator("img")).ToBeVisibleAsync();
        await PageQuality.CheckAsync(page, "the editor's image dialog", "editor-images-dialog");
        await dialog.GetByLabel("Alt text").FillAsync("The editor, photographed by itself");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(editor.Body).ToHaveValueAsync(InsertedImage());
    }

    [BrowserFact]
    public async Task AFileThatIsNotAPictureIsExplainedBesideTheText()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignUpAsync();
        await page.GotoAsync("/write");
        var editor = new EditorPage(page);

        var chooser = await page.RunAndWaitForFileChooserAsync(() => editor.Toolbar.GetByRole(AriaRole.Button, new() { Name = "Image", Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "not a picture"u8.ToArray() });

        await Expect(page.Locator("[data-image-status]")).ToContainTextAsync("isn’t a picture we can read", new() { Timeout = 30_000 });
        await Expect(editor.Body).ToHaveValueAsync("");
    }

    [GeneratedRegex(@"^Before the picture\.\n\n!\[The editor, photographed by itself\]\(/media/images/[0-9a-f]{32}-1280x[0-9]+\.jpg\)$")]
    private static partial Regex InsertedImage();
}
