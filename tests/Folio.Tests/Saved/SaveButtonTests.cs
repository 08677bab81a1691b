using System.Net;
using System.Net.Http.Json;
using Folio.Features.Saved;
using Folio.Features.Stories;
using Folio.Tests.Caching;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Folio.Tests.Saved.SavedFixtures;

namespace Folio.Tests.Saved;

/// <summary>The Save button on the story page and on cards: a plain form, or in place by wwwroot/js/saved.js; private to its reader.</summary>
public sealed class SaveButtonTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string?> ShownStateAsync(HttpClient browser, Story story) =>
        (await browser.GetHtmlAsync(UrlOf(story))).QuerySelector("#save form[data-save] button")?.GetAttribute("data-saved");

    [Fact]
    public async Task AReaderSavesAStoryFromItsPageAndRemovesIt()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        Assert.Equal("false", await ShownStateAsync(reader.Http, story));

        var saved = await reader.Http.PostSaveAsync(story.Id, save: true);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(UrlOf(story) + "#save", saved.Headers.Location?.OriginalString);
        Assert.Equal([story.Id], await _app.SavedIdsAsync(reader.User!));
        var page = await reader.Http.GetHtmlAsync(UrlOf(story));
        Assert.Equal("true", page.QuerySelector("#save button")?.GetAttribute("data-saved"));
        Assert.Equal("false", page.QuerySelector("#save input[name=save]")?.GetAttribute("value"));
        Assert.StartsWith("Saved – remove", page.QuerySelector("#save span[data-save-label=true]:not([hidden])")?.TextContent);

        await reader.Http.PostSaveAsync(story.Id, save: false);
        Assert.Empty(await _app.SavedIdsAsync(reader.User!));
        Assert.Equal("false", await ShownStateAsync(reader.Http, story));
    }

    [Fact]
    public async Task SavingTwiceKeepsOneEntryWithTheFirstDateAndRemovingTwiceIsHarmless()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var first = _app.Clock.UtcNow;

        await reader.Http.PostSaveAsync(story.Id, save: true);
        _app.Clock.Now = _app.Clock.Now.AddHours(2);
        await reader.Http.PostSaveAsync(story.Id, save: true);

        var entry = Assert.Single(await _app.WithDbAsync(db => db.SavedStories.AsNoTracking().ToListAsync()));
        Assert.Equal(first, entry.SavedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.Http.PostSaveAsync(story.Id, save: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.Http.PostSaveAsync(story.Id, save: false)).StatusCode);
        Assert.Empty(await _app.SavedIdsAsync(reader.User!));
    }

    [Fact]
    public async Task ManyIdenticalSavesAtOnceStoreOneWithoutAnError()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => reader.Http.PostSaveAsync(story.Id, save: true, json: true)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal([story.Id], await _app.SavedIdsAsync(reader.User!));
    }

    [Fact]
    public async Task TheScriptGetsTheNewStateAsJsonAndAFormWithoutAStateToggles()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var saved = await reader.Http.PostSaveAsync(story.Id, save: null, json: true);
        Assert.Equal(new SaveResponse(true), await saved.Content.ReadFromJsonAsync<SaveResponse>());
        var removed = await reader.Http.PostSaveAsync(story.Id, save: null, json: true);
        Assert.Equal(new SaveResponse(false), await removed.Content.ReadFromJsonAsync<SaveResponse>());
        Assert.Empty(await _app.SavedIdsAsync(reader.User!));
    }

    [Fact]
    public async Task AFormComesBackToItsReturnUrlOnlyWhenItIsAPageOfThisSite()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var here = await reader.Http.PostSaveAsync(story.Id, save: true, returnUrl: "/explore?page=2");
        var away = await reader.Http.PostSaveAsync(story.Id, save: true, returnUrl: "https://evil.example/");

        Assert.Equal("/explore?page=2", here.Headers.Location?.OriginalString);
        Assert.Equal(UrlOf(story) + "#save", away.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AVisitorIsSentToSignInAndBackToTheStory()
    {
        var story = await _app.StoryAsync();
        using var visitor = _app.NewBrowser();
        var signIn = $"/signin?returnUrl={Uri.EscapeDataString(UrlOf(story) + "#save")}";

        var page = await visitor.GetHtmlAsync(UrlOf(story));
        Assert.Equal(signIn, page.QuerySelector("#save a.save-button")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form[data-save]"));
        var posted = await visitor.PostAsync($"/stories/{story.Id}/save", new FormUrlEncodedContent([new("save", "true")]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(signIn, posted.Headers.Location?.OriginalString);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/save");
        request.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.SendAsync(request)).StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SavedStories.CountAsync()));
    }

    [Fact]
    public async Task RequestsWithoutTheAntiforgeryTokenAreRefused()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/stories/{story.Id}/save") { Content = new FormUrlEncodedContent([new("save", "true")]) };
        request.Headers.Accept.ParseAdd("application/json");

        var script = await reader.Http.SendAsync(request);
        var form = await reader.Http.PostAsync($"/stories/{story.Id}/save", new FormUrlEncodedContent([new("save", "true")]));

        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal("That request didn’t work", (await form.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SavedStories.CountAsync()));
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.Pending)]
    [InlineData(null)]
    public async Task OnlyPublishedStoriesCanBeSaved(StoryStatus? status)
    {
        var id = status is { } unpublished ? (await _app.StoryAsync(status: unpublished)).Id : 424242;
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var form = await reader.Http.PostSaveAsync(id, save: true);
        var script = await reader.Http.PostSaveAsync(id, save: true, json: true);

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SavedStories.CountAsync()));
    }

    [Fact]
    public async Task AStoryUnpublishedAfterBeingSavedCanStillBeRemovedAndADeletedOneLeavesNothingBehind()
    {
        var kept = await _app.StoryAsync();
        var deleted = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.SaveAsync(kept, reader.User!, _app.Clock.UtcNow);
        await _app.SaveAsync(deleted, reader.User!, _app.Clock.UtcNow);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(kept.Id))!.Unpublish();
            db.Stories.Remove((await db.Stories.FindAsync(deleted.Id))!);
            await db.SaveChangesAsync();
        });
        Assert.Equal([kept.Id], await _app.SavedIdsAsync(reader.User!));

        var again = await reader.Http.PostSaveAsync(kept.Id, save: true);
        var removed = await reader.Http.PostSaveAsync(kept.Id, save: false);

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(SavedPage.Path, removed.Headers.Location?.OriginalString);
        Assert.Empty(await _app.SavedIdsAsync(reader.User!));
    }

    [Fact]
    public async Task WhatOneReaderSavedIsNeverShownToAnother()
    {
        var story = await _app.StoryAsync();
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.PostSaveAsync(story.Id, save: true);

        Assert.Equal("true", await ShownStateAsync(reader.Http, story));
        Assert.Equal("false", await ShownStateAsync(other.Http, story));
        Assert.Empty((await other.Http.GetHtmlAsync(SavedPage.Path)).QuerySelectorAll(".saved-item"));
    }

    [Fact]
    public async Task TheCachedAnonymousStoryPageHoldsNoSavedStateOrCount()
    {
        var story = await _app.StoryAsync("A Story Many Saved");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await reader.Http.PostSaveAsync(story.Id, save: true);
        await reader.Http.GetHtmlAsync(UrlOf(story));

        var cached = await _app.CachedAsync(UrlOf(story));

        Assert.False(cached.SetsCookie);
        Assert.Null(cached.Html.QuerySelector("form[data-save]"));
        Assert.Null(cached.Html.QuerySelector("[data-saved]"));
        Assert.NotNull(cached.Html.QuerySelector("#save a[href^='/signin?returnUrl=']"));
        Assert.DoesNotContain("Saved", cached.Html.QuerySelector("#save")!.TextContent);
        Assert.DoesNotContain(reader.User!.UserName!, cached.Text);
    }

    [Fact]
    public async Task CardsInAListHaveASaveButtonForASignedInReaderOnly()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var saved = await _app.Data.StoryAsync(community, author, "Saved Already");
        var other = await _app.Data.StoryAsync(community, author, "Not Saved");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.SaveAsync(saved, reader.User!, _app.Clock.UtcNow);

        var signedIn = await reader.Http.GetHtmlAsync($"/{community.Slug}");
        var anonymous = await _app.CachedAsync($"/{community.Slug}");

        string? StateOf(AngleSharp.Html.Dom.IHtmlDocument page, Story story) => page.QuerySelectorAll(".story-card")
            .Single(card => card.QuerySelector(".story-card__title")!.TextContent.Trim() == story.Title)
            .QuerySelector("form[data-save] button")?.GetAttribute("data-saved");
        Assert.Equal("true", StateOf(signedIn, saved));
        Assert.Equal("false", StateOf(signedIn, other));
        Assert.Equal($"/{community.Slug}", signedIn.QuerySelector(".story-card form[data-save] input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Single(signedIn.QuerySelectorAll("script[src^='/js/saved.js']"));
        Assert.Empty(anonymous.Html.QuerySelectorAll(".story-card form[data-save]"));
    }

    [Fact]
    public async Task TheAccountMenuLinksToSavedStories()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/");

        Assert.NotNull(page.QuerySelector(".account-nav a[href='/saved']"));
        Assert.Null((await _app.CachedAsync("/")).Html.QuerySelector("a[href='/saved']"));
    }
}
