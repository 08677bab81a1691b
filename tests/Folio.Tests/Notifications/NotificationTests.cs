using System.Net;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Folio.Tests.Newsletters;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Notifications;

public sealed class NotificationTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnApprovedStoryRingsTheBellAndLinksToTheStory()
    {
        using var author = await _app.ClientForAsync(Persona.Reader);
        var story = await _app.SubmittedStoryAsync(author.User!, "Where the Brook Bends");
        Assert.Equal("Notifications, 0 unread", (await author.Http.GetHtmlAsync("/explore")).Bell());
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        await moderator.DecideAsync(story, approve: true);

        var explore = await author.Http.GetHtmlAsync("/explore");
        Assert.Equal("Notifications, 1 unread", explore.Bell());
        Assert.Equal("1", explore.QuerySelector(".notification-bell__count")?.TextContent);
        Assert.NotNull(explore.QuerySelector(".notification-bell svg"));
        var page = await author.Http.GetHtmlAsync("/notifications");
        Assert.Equal(["Your story “Where the Brook Bends” was approved and is live"], page.Lines());
        var line = page.QuerySelector(".notification")!;
        Assert.Contains("notification--unread", line.ClassList);
        Assert.NotNull(line.QuerySelector("time[datetime]"));

        var opened = await author.Http.GetAsync(line.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/{await CommunitySlugAsync(story.Id)}/where-the-brook-bends", opened.Headers.Location?.OriginalString);
        var after = await author.Http.GetHtmlAsync("/notifications");
        Assert.DoesNotContain("notification--unread", after.QuerySelector(".notification")!.ClassList);
        Assert.Equal("Notifications, 0 unread", after.Bell());
        Assert.Null(after.QuerySelector(".notification-bell__count"));
    }

    [Fact]
    public async Task ASentBackStoryLinksToTheEditor()
    {
        using var author = await _app.ClientForAsync(Persona.Reader);
        var story = await _app.SubmittedStoryAsync(author.User!, "Needs Work");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        await moderator.DecideAsync(story, approve: false);

        var page = await author.Http.GetHtmlAsync("/notifications");
        Assert.Equal(["Your story “Needs Work” was sent back: see what to fix"], page.Lines());
        var opened = await author.Http.GetAsync(page.QuerySelector(".notification a")!.GetAttribute("href"));
        Assert.Equal($"/stories/{story.Id}/edit", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PublishingTellsSubscribersButNobodyElse()
    {
        await _app.Data.CommunityAsync("trusty");
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        await SetDisplayNameAsync(creator.User!.Id, "Maya Okafor");
        using var subscriber = await _app.ClientForAsync(Persona.Reader);
        using var bystander = await _app.ClientForAsync(Persona.Reader);
        await subscriber.Http.PostFormAsync($"/following/creators/{creator.User.UserName}", [new("follow", "true")], $"/authors/{creator.User.UserName}");

        await _app.PauseNewslettersAsync();
        var published = await creator.Http.PostStoryAsync(StoryForms.Fields("trusty", "Straight to Readers", handler: "Publish"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await _app.DeliverAsync();

        var page = await subscriber.Http.GetHtmlAsync("/notifications");
        Assert.Equal(["Maya Okafor published “Straight to Readers”"], page.Lines());
        var opened = await subscriber.Http.GetAsync(page.QuerySelector(".notification a")!.GetAttribute("href"));
        Assert.Equal("/trusty/straight-to-readers", opened.Headers.Location?.OriginalString);
        Assert.Empty((await bystander.Http.GetHtmlAsync("/notifications")).Lines());
        Assert.Empty((await creator.Http.GetHtmlAsync("/notifications")).Lines());
    }

    [Fact]
    public async Task InsightsAndHeartsAreGroupedPerStory()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var river = await _app.Data.StoryAsync(community, author.User!, "River");
        var sea = await _app.Data.StoryAsync(community, author.User!, "Sea");
        var ana = await _app.Data.PersonAsync(displayName: "Ana Souza");
        var ben = await _app.Data.PersonAsync(displayName: "Ben Li");
        var cho = await _app.Data.PersonAsync(displayName: "Cho Park");
        foreach (var reader in new[] { ben, cho, ana })
        {
            await _app.NotifyAsync(river.Id, (notifier, story) => notifier.HeartGiven(story, reader.Id));
        }

        await _app.NotifyAsync(sea.Id, (notifier, story) => notifier.HeartGiven(story, ben.Id));
        foreach (var reader in new[] { ben, cho, ana, ana })
        {
            _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
            await _app.NotifyAsync(river.Id, (notifier, story) => notifier.InsightsGiven(story, reader.Id));
        }

        var page = await author.Http.GetHtmlAsync("/notifications");

        Assert.Equal(
        [
            "Ana Souza and 2 others shared insights on “River”",
            "Ben Li hearted “Sea”",
            "3 readers hearted “River”",
        ], page.Lines());
        Assert.Equal("Notifications, 3 unread", page.Bell());

        var insights = page.QuerySelector(".notification a")!.GetAttribute("href")!;
        Assert.Equal($"/{community.Slug}/river#insights", (await author.Http.GetAsync(insights)).Headers.Location?.OriginalString);
        var after = await author.Http.GetHtmlAsync("/notifications");
        Assert.Equal("Notifications, 2 unread", after.Bell());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.InsightOnStory && n.ReadAt == null)));
    }

    [Fact]
    public async Task CommentsAndRepliesAreOneLineEachAndNeverShowTheirWords()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, author.User!, "Talk");
        var ben = await _app.Data.PersonAsync(displayName: "Ben Li");
        var readersComment = await _app.Data.CommentAsync(story, reader.User!, "Secret words from the reader");
        await _app.NotifyAsync(story.Id, (notifier, s) => notifier.CommentAddedAsync(readersComment, s));
        var authorsComment = await _app.Data.CommentAsync(story, author.User!, "The author says hello");
        var reply = await _app.Data.CommentAsync(story, ben, "Secret words from Ben", readersComment);
        await _app.NotifyAsync(story.Id, (notifier, s) => notifier.CommentAddedAsync(reply, s));
        var replyToAuthor = await _app.Data.CommentAsync(story, ben, "More secret words", authorsComment);
        await _app.NotifyAsync(story.Id, (notifier, s) => notifier.CommentAddedAsync(replyToAuthor, s));

        var authorsPage = await author.Http.GetHtmlAsync("/notifications");
        var readersPage = await reader.Http.GetHtmlAsync("/notifications");

        var readerName = reader.User!.DisplayName;
        Assert.Equal(["Ben Li replied to your comment on “Talk”", "Ben Li commented on your story “Talk”", $"{readerName} commented on your story “Talk”"], authorsPage.Lines());
        Assert.Equal(["Ben Li replied to your comment on “Talk”"], readersPage.Lines());
        Assert.DoesNotContain("ecret words", authorsPage.DocumentElement.OuterHtml);
        Assert.DoesNotContain("ecret words", readersPage.DocumentElement.OuterHtml);
        var opened = await reader.Http.GetAsync(readersPage.QuerySelector(".notification a")!.GetAttribute("href"));
        Assert.Equal($"/{community.Slug}/talk#comment-{reply.Id}", opened.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ARemovedCommentDropsOutOfNotifications()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), author.User!, "Moderated");
        var comment = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "Spam spam spam");
        await _app.NotifyAsync(story.Id, (notifier, s) => notifier.CommentAddedAsync(comment, s));
        Assert.Equal("Notifications, 1 unread", (await author.Http.GetHtmlAsync("/notifications")).Bell());

        await _app.WithDbAsync(async db =>
        {
            (await db.Comments.FindAsync(comment.Id))!.RemovedAt = _app.Clock.UtcNow;
            await db.SaveChangesAsync();
        });

        var page = await author.Http.GetHtmlAsync("/notifications");
        Assert.Empty(page.Lines());
        Assert.Equal("Notifications, 0 unread", page.Bell());
    }

    [Fact]
    public async Task MarkAllAsReadClearsTheBell()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        foreach (var title in new[] { "One", "Two" })
        {
            var story = await _app.Data.StoryAsync(community, author.User!, title);
            var reader = await _app.Data.PersonAsync();
            await _app.NotifyAsync(story.Id, (notifier, s) => notifier.HeartGiven(s, reader.Id));
        }

        Assert.Equal("Notifications, 2 unread", (await author.Http.GetHtmlAsync("/notifications")).Bell());

        var marked = await author.Http.PostFormAsync("/notifications?handler=ReadAll", [], "/notifications");

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var page = await author.Http.GetHtmlAsync("/notifications");
        Assert.Equal("Notifications, 0 unread", page.Bell());
        Assert.Empty(page.QuerySelectorAll(".notification--unread"));
        Assert.Equal(2, page.Lines().Count);
        Assert.Contains("All caught up", page.QuerySelector(".notice--success")?.TextContent);
    }

    [Fact]
    public async Task NobodyCanOpenOrMarkAnotherPersonsNotification()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        using var other = await _app.ClientForAsync(Persona.Reader);
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), author.User!, "Private");
        await _app.NotifyAsync(story.Id, (notifier, s) => notifier.HeartGiven(s, other.User!.Id));
        var id = await _app.WithDbAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/notifications/{id}")).StatusCode);
        await other.Http.PostFormAsync("/notifications?handler=ReadAll", [], "/notifications");

        Assert.Empty((await other.Http.GetHtmlAsync("/notifications")).Lines());
        Assert.Null(await _app.WithDbAsync(db => db.Notifications.Select(n => n.ReadAt).SingleAsync()));
        Assert.Equal("Notifications, 1 unread", (await author.Http.GetHtmlAsync("/notifications")).Bell());
    }

    [Theory]
    [InlineData("/notifications")]
    [InlineData("/notifications/1")]
    public async Task VisitorsAreSentToSignIn(string url)
    {
        using var visitor = _app.NewBrowser();

        var response = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.PathAndQuery);
        Assert.Null((await _app.GetPageAsync("/explore")).QuerySelector(".notification-bell"));
    }

    [Fact]
    public async Task NotificationsArePagedNewestFirst()
    {
        using var author = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var reader = await _app.Data.PersonAsync(displayName: "Ana Souza");
        for (var i = 0; i < 23; i++)
        {
            _app.Clock.Now = _app.Clock.Now.AddMinutes(1);
            var story = await _app.Data.StoryAsync(community, author.User!, $"Story {i:00}");
            await _app.NotifyAsync(story.Id, (notifier, s) => notifier.HeartGiven(s, reader.Id));
        }

        var first = await author.Http.GetHtmlAsync("/notifications");
        Assert.Equal(NotificationFeed.PageSize, first.Lines().Count);
        Assert.Equal("Ana Souza hearted “Story 22”", first.Lines()[0]);
        Assert.Equal("/notifications?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        var second = await author.Http.GetHtmlAsync("/notifications?page=2");
        Assert.Equal(["Ana Souza hearted “Story 02”", "Ana Souza hearted “Story 01”", "Ana Souza hearted “Story 00”"], second.Lines());
        Assert.Equal("Notifications, 23 unread", second.Bell());
    }

    [Fact]
    public async Task AnEmptyListSaysWhatWillAppear()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await reader.Http.GetHtmlAsync("/notifications");

        Assert.Contains("No notifications yet.", page.QuerySelector(".empty-state")?.TextContent);
        Assert.Null(page.QuerySelector("form[action*=ReadAll]"));
    }

    private Task<string> CommunitySlugAsync(int storyId) =>
        _app.WithDbAsync(db => db.Stories.Where(s => s.Id == storyId).Select(s => s.Community.Slug).SingleAsync());

    private Task SetDisplayNameAsync(string userId, string name) =>
        _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(userId))!.DisplayName = name;
            await db.SaveChangesAsync();
        });
}
