using Folio.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Folio.BrowserTests;

/// <summary>Commenting as a reader does it in a browser: the comment box, replying in place, and how threads look.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommentTests(FolioSite site)
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "folio-shots");

    [BrowserFact]
    public async Task ReadersCommentAndReplyInPlace()
    {
        Directory.CreateDirectory(Shots);
        var storyUrl = await Steps.PublishStoryAsync(site, "Talking about lamps");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var reader = await page.SignUpAsync();
        await page.GotoAsync(storyUrl + "#comment-form");

        var form = page.Locator("#comment-form");
        await form.GetByLabel("Your comment").FillAsync("The *notebook* detail is wonderful. More at [the archive](https://example.org).");
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        var comment = page.Locator("#comments .comment").First;
        await Expect(comment.Locator(".comment__body em")).ToHaveTextAsync("notebook");
        await Expect(comment.Locator(".comment__author")).ToHaveTextAsync(reader.DisplayName);

        await comment.GetByRole(AriaRole.Link, new() { Name = "Reply" }).ClickAsync();

        // The box moves under the comment, without a page load, and says who is answered.
        var inPlace = comment.Locator("#comment-form");
        await Expect(inPlace).ToBeVisibleAsync();
        await Expect(inPlace.Locator("[data-replying]")).ToContainTextAsync($"Replying to {reader.DisplayName}");
        await Expect(inPlace.GetByLabel("Your comment")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Answering myself, in place.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "comments-replying.png"), FullPage = true });
        await inPlace.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var reply = comment.Locator(":scope > .comment-thread > .comment");
        await Expect(reply.Locator(".comment__body")).ToHaveTextAsync("Answering myself, in place.");
        await Expect(page.Locator("#comments-title")).ToContainTextAsync("(2)");
        await Expect(page.Locator(".comment-form__trap input")).Not.ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "comments-thread.png"), FullPage = true });

        // Cancelling a reply puts the box back at the end, for a new comment.
        await reply.GetByRole(AriaRole.Link, new() { Name = "Reply" }).ClickAsync();
        await page.Locator("#comment-form [data-cancel-reply]").ClickAsync();
        await Expect(page.Locator("#comments > #comment-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#comment-form input[name=ParentId]")).ToHaveValueAsync("");
        await Expect(page.Locator("#comment-form [data-replying]")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task RefusedCommentsAndReportedCommentsAreCapturedForVisualReview()
    {
        Directory.CreateDirectory(Shots);
        var storyUrl = await Steps.PublishStoryAsync(site, "Talking about tides");
        var moderator = await site.AddUserAsync("moderator");
        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignUpAsync();
            await page.GotoAsync(storyUrl);
            await page.Locator("#comment-form").GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the comment box is empty");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "comments-refused.png"), FullPage = true });

            await page.GetByLabel("Your comment").FillAsync("Tides are *overrated*, and so is this story.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            await Expect(page.Locator("#comments .comment__body em")).ToHaveTextAsync("overrated");
        }

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignUpAsync();
            await page.GotoAsync(storyUrl);
            await page.Locator("#comments .comment").First.GetByRole(AriaRole.Link, new() { Name = "Report" }).ClickAsync();
            await page.GetByLabel("Harassment or bullying").CheckAsync();
            await page.GetByLabel("Details for the moderators").FillAsync("Rude to the author.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The moderators have your report");
        }

        await using (var context = await site.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignInFromScratchAsync(moderator);
            await page.GotoAsync("/moderation/comments");
            await Expect(page.Locator(".comment-report").First).ToContainTextAsync("Rude to the author.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "moderation-comments.png"), FullPage = true });
            await page.GotoAsync(storyUrl);
            await page.Locator("#comments .comment").First.Locator("summary", new() { HasText = "Remove" }).ClickAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "comments-remove-confirm.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
            await Expect(page.Locator("#comments .comment__tombstone").First).ToHaveTextAsync("Removed by a moderator.");
        }
    }
}
