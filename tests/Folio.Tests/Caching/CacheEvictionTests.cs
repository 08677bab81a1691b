using System.Net;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Folio.Tests.Reads;
using Folio.Tests.Settings;
using Folio.Tests.Writing;

namespace Folio.Tests.Caching;

/// <summary>A change shows to visitors at once, on every cached page that shows it, and leaves the other pages cached.</summary>
public sealed class CacheEvictionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(Community Community, Story Story, string Url)> StoryAsync(FolioUser? author = null, string? title = null)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author ?? await _app.Data.PersonAsync(), title, StoryForms.Words(150), tags: ["Rivers"]);
        return (community, story, $"/{community.Slug}/{story.Slug}");
    }

    private static string[] ListsShowing(Community community, FolioUser author) =>
        ["/", "/explore", $"/{community.Slug}", "/tags/rivers", $"/authors/{author.UserName}", "/feed.xml", $"/{community.Slug}/feed.atom"];

    [Fact]
    public async Task AStoryEditedInTheEditorShowsItsNewTitleAtOnceOnItsPageAndInEveryList()
    {
        // Trusted: their edits go live at once (a reviewed creator's go live on approval: StoryRevisionTests).
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var (community, story, url) = await StoryAsync(author.User, "Old Title");
        var lists = ListsShowing(community, author.User!);
        await _app.CachedAsync(url);
        foreach (var list in lists)
        {
            await _app.CachedAsync(list);
        }

        var edited = await author.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "New Title", body: StoryForms.Words(150), tags: "Rivers"), story.Id);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await _app.VisitAsync(url);
        Assert.False(page.FromCache);
        Assert.Equal("New Title", page.Title);
        foreach (var list in lists)
        {
            var fresh = await _app.VisitAsync(list);
            Assert.False(fresh.FromCache, $"{list} was served from the cache after the edit");
            Assert.Contains("New Title", fresh.Text);
            Assert.DoesNotContain("Old Title", fresh.Text);
        }
    }

    [Fact]
    public async Task AChangeSavedThroughTheAppsDatabaseContextEvictsToo()
    {
        var (_, story, url) = await StoryAsync(title: "Before");
        await _app.CachedAsync(url);

        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.Title = "After";
            await db.SaveChangesAsync();
        });

        Assert.Equal("After", (await _app.VisitAsync(url)).Title);
    }

    [Fact]
    public async Task ANewCommentShowsAtOnceOnTheStoryAndInTheCardsCount()
    {
        var (community, story, url) = await StoryAsync();
        await _app.CachedAsync(url);
        await _app.CachedAsync($"/{community.Slug}");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var id = (await reader.Http.CommentAsync(story, "First to the river.")).CommentId();

        var page = await _app.VisitAsync(url);
        Assert.False(page.FromCache);
        Assert.Contains("First to the river.", page.Html.QuerySelector($"#comment-{id}")?.TextContent);
        Assert.Contains("1 comment", (await _app.VisitAsync($"/{community.Slug}")).Html.QuerySelector(".story-card__facts")?.TextContent);
    }

    [Fact]
    public async Task HeartsAndInsightsShowAtOnceOnTheStoryPage()
    {
        var (_, story, url) = await StoryAsync();
        var reader = await _app.Data.PersonAsync();
        await _app.CachedAsync(url);

        await _app.Data.HeartAsync(story, reader);
        Assert.Equal("1 heart", (await _app.VisitAsync(url)).Html.QuerySelector(".story-hearts")?.TextContent.Trim());
        await _app.CachedAsync(url);

        await _app.Data.InsightsAsync(story, reader, InsightQuality.EyeOpening);
        Assert.Contains("1 reader has shared insights", (await _app.VisitAsync(url)).Text);
    }

    [Fact]
    public async Task AHeartEvictsOnlyThatStorysPage()
    {
        var (_, story, url) = await StoryAsync();
        var (_, _, otherUrl) = await StoryAsync();
        await _app.CachedAsync(url);
        await _app.CachedAsync(otherUrl);
        await _app.CachedAsync("/");

        await _app.Data.HeartAsync(story, await _app.Data.PersonAsync());

        Assert.False((await _app.VisitAsync(url)).FromCache);
        Assert.True((await _app.VisitAsync(otherUrl)).FromCache);
        Assert.True((await _app.VisitAsync("/")).FromCache);
    }

    [Fact]
    public async Task AnUnpublishedStoryLeavesItsPageAndTheListsAtOnce()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var (community, story, url) = await StoryAsync(author.User, "Going Away");
        await _app.CachedAsync(url);
        await _app.CachedAsync($"/{community.Slug}");

        await author.Http.PostFormAsync($"/stories/{story.Id}/edit?handler=Unpublish", new(), $"/stories/{story.Id}/edit");

        Assert.Equal(HttpStatusCode.NotFound, (await _app.VisitAsync(url)).Status);
        Assert.DoesNotContain("Going Away", (await _app.VisitAsync($"/{community.Slug}")).Text);
    }

    [Fact]
    public async Task RenamingACommunityOrAnAuthorShowsOnEveryPageAtOnce()
    {
        var author = await _app.Data.PersonAsync();
        var (community, _, url) = await StoryAsync(author);
        await _app.CachedAsync(url);
        await _app.CachedAsync("/");

        await _app.WithDbAsync(async db =>
        {
            (await db.Communities.FindAsync(community.Id))!.Name = "The Renamed Community";
            (await db.Users.FindAsync(author.Id))!.DisplayName = "Renamed Author";
            await db.SaveChangesAsync();
        });

        foreach (var page in new[] { url, "/" })
        {
            var fresh = await _app.VisitAsync(page);
            Assert.Contains("The Renamed Community", fresh.Text);
            Assert.Contains("Renamed Author", fresh.Text);
        }
    }

    [Fact]
    public async Task ANewNameAndUsernameFromSettingsShowAtOnceAndTheOldProfileRedirects()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var (_, _, url) = await StoryAsync(author.User);
        var oldProfile = $"/authors/{author.User!.UserName}";
        await _app.CachedAsync(url);
        await _app.CachedAsync(oldProfile);
        var fields = await author.Http.ProfileFieldsAsync();
        fields["Input.DisplayName"] = "Brand New Name";
        fields["Input.UserName"] = TestData.Unique("renamed");

        Assert.Equal(HttpStatusCode.Redirect, (await author.Http.PostFormAsync("/settings", fields)).StatusCode);

        Assert.Equal("Brand New Name", (await _app.VisitAsync(url)).Html.QuerySelector(".byline__author a")?.TextContent);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await _app.VisitAsync(oldProfile)).Status);
    }

    [Fact]
    public async Task ADraftsAutosaveAReadAndASignInEvictNothing()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var (community, story, url) = await StoryAsync(author.User);
        var draft = await _app.Data.StoryAsync(community, author.User!, "A Draft", status: StoryStatus.Draft);
        await _app.CachedAsync(url);
        await _app.CachedAsync("/");

        var saved = await author.Http.PostAutosaveAsync(draft.Id, new { title = "A Better Draft", subtitle = "", body = "More words", tags = "" });
        using var reader = _app.Browser();
        await reader.PostReadAsync(story.Id, (await reader.ReadTokenAsync(url))!);
        using var signedIn = await _app.ClientForAsync(Persona.Reader);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, await _app.ReadsAsync(story));
        Assert.True((await _app.VisitAsync(url)).FromCache);
        Assert.True((await _app.VisitAsync("/")).FromCache);
    }

    [Fact]
    public async Task AChangeSavedInATransactionEvictsWhenItCommitsNotBefore()
    {
        var (_, story, url) = await StoryAsync(title: "Committed Before");

        await _app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Stories.FindAsync(story.Id))!.Title = "Committed After";
            await db.SaveChangesAsync();
            // A visitor in between sees, and caches, what is committed so far.
            Assert.Equal("Committed Before", (await _app.VisitAsync(url)).Title);
            await transaction.CommitAsync();
        });

        var page = await _app.VisitAsync(url);
        Assert.False(page.FromCache);
        Assert.Equal("Committed After", page.Title);
    }

    [Fact]
    public async Task AChangeRolledBackEvictsNothing()
    {
        var (_, story, url) = await StoryAsync(title: "Kept");
        await _app.CachedAsync(url);

        await _app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Stories.FindAsync(story.Id))!.Title = "Never Happened";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        var page = await _app.VisitAsync(url);
        Assert.True(page.FromCache);
        Assert.Equal("Kept", page.Title);
    }
}
