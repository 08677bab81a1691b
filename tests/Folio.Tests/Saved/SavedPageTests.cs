using System.Net;
using Folio.Features.Saved;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using static Folio.Tests.Saved.SavedFixtures;

namespace Folio.Tests.Saved;

/// <summary>/saved: the reader's own saved stories, the last saved first, a page at a time, each with Remove.</summary>
public sealed class SavedPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".saved-item__title a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task AVisitorIsSentToSignIn()
    {
        using var visitor = _app.NewBrowser();

        var response = await visitor.GetAsync(SavedPage.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fsaved", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task WithNothingSavedThePageSaysHowToSave()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync(SavedPage.Path);

        Assert.Equal("Saved stories", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Nothing saved yet", page.QuerySelector(".empty-state")?.TextContent);
        Assert.Contains("Save", page.QuerySelector(".empty-state")?.TextContent);
        Assert.NotNull(page.QuerySelector(".empty-state a[href='/explore']"));
        Assert.Empty(page.QuerySelectorAll(".saved-item"));
    }

    [Fact]
    public async Task TheLastSavedComesFirstWhateverWhenTheStoriesWerePublished()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var old = await _app.StoryAsync("Published Long Ago", publishedAt: _app.Clock.UtcNow.AddYears(-2));
        var recent = await _app.StoryAsync("Published Today");
        var middle = await _app.StoryAsync("Published Last Month", publishedAt: _app.Clock.UtcNow.AddMonths(-1));
        await _app.SaveAsync(recent, reader.User!, _app.Clock.UtcNow.AddDays(-3));
        await _app.SaveAsync(old, reader.User!, _app.Clock.UtcNow.AddHours(-1));
        await _app.SaveAsync(middle, reader.User!, _app.Clock.UtcNow.AddDays(-1));

        var page = await reader.Http.GetHtmlAsync(SavedPage.Path);

        Assert.Equal(["Published Long Ago", "Published Last Month", "Published Today"], Titles(page));
        Assert.Equal(UrlOf(old), page.QuerySelector(".saved-item__title a")?.GetAttribute("href"));
        Assert.Contains("Saved about 1 hour ago", page.QuerySelector(".saved-item__facts")?.TextContent);
        Assert.Equal("3 stories", page.QuerySelector(".saved-page__count")?.TextContent);
    }

    [Fact]
    public async Task RemoveTakesTheStoryOffTheListAndComesBackToTheSamePage()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var stories = new List<Story>();
        for (var i = 0; i < 13; i++)
        {
            var story = await _app.StoryAsync($"Saved number {i:00}");
            await _app.SaveAsync(story, reader.User!, _app.Clock.UtcNow.AddMinutes(i));
            stories.Add(story);
        }

        var second = await reader.Http.GetHtmlAsync(SavedPage.Path + "?page=2");
        var form = second.QuerySelector(".saved-item form[data-save-remove]")!;
        Assert.Equal(["Saved number 00"], Titles(second));
        Assert.Equal($"/stories/{stories[0].Id}/save", form.GetAttribute("action"));
        Assert.Equal("/saved?page=2", form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));

        var removed = await reader.Http.PostFormAsync($"/stories/{stories[0].Id}/save",
            new() { ["save"] = "false", ["returnUrl"] = "/saved?page=2" }, SavedPage.Path + "?page=2");

        Assert.Equal("/saved?page=2", removed.Headers.Location?.OriginalString);
        // The second page is gone with its only story: the reader lands on the last page there is.
        var after = await reader.Http.GetAsync("/saved?page=2");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/saved", after.Headers.Location?.OriginalString);
        var first = await reader.Http.GetHtmlAsync(SavedPage.Path);
        Assert.Equal(12, Titles(first).Length);
        Assert.DoesNotContain("Saved number 00", Titles(first));
        Assert.Equal(12, (await _app.SavedIdsAsync(reader.User!)).Count);
    }

    [Fact]
    public async Task TwelveStoriesAPageWithAPager()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        for (var i = 0; i < 14; i++)
        {
            await _app.SaveAsync(await _app.StoryAsync($"Paged story {i:00}"), reader.User!, _app.Clock.UtcNow.AddMinutes(-i));
        }

        var first = await reader.Http.GetHtmlAsync(SavedPage.Path);
        var second = await reader.Http.GetHtmlAsync(SavedPage.Path + "?page=2");

        Assert.Equal([.. Enumerable.Range(0, 12).Select(i => $"Paged story {i:00}")], Titles(first));
        Assert.Equal(["Paged story 12", "Paged story 13"], Titles(second));
        Assert.Equal("/saved?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".pager__status")?.TextContent);
    }

    [Fact]
    public async Task StoriesNoLongerPublishedAreLeftOutUntilTheyAreBack()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var shown = await _app.StoryAsync("Still Published");
        var hidden = await _app.StoryAsync("Taken Down");
        await _app.SaveAsync(shown, reader.User!, _app.Clock.UtcNow);
        await _app.SaveAsync(hidden, reader.User!, _app.Clock.UtcNow);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(hidden.Id))!.Unpublish();
            await db.SaveChangesAsync();
        });

        var page = await reader.Http.GetHtmlAsync(SavedPage.Path);

        Assert.Equal(["Still Published"], Titles(page));
        Assert.Equal(2, (await _app.SavedIdsAsync(reader.User!)).Count);
    }

    [Fact]
    public async Task ThePageIsPrivateAndNeverCached()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.SaveAsync(await _app.StoryAsync("Mine Alone"), reader.User!, _app.Clock.UtcNow);

        var response = await reader.Http.GetAsync(SavedPage.Path);
        var page = await response.ReadHtmlAsync();

        Assert.Null(response.Headers.Age);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content")?.Split(',')[0]);
        using var other = await _app.ClientForAsync(Persona.Reader);
        Assert.Empty(Titles(await other.Http.GetHtmlAsync(SavedPage.Path)));
    }
}
