using System.Net;
using AngleSharp.Html.Parser;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Newsletters;

public sealed class NewStoryEmailTests : IDisposable
{
    private const string Origin = "http://localhost";
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Five paragraphs, each long enough to be read; the email's opening stops after the third.</summary>
    private static readonly string Body = string.Join("\n\n", Enumerable.Range(1, 5).Select(n => $"Paragraph{n} " + StoryForms.Words(40, "salmon")));

    [Fact]
    public async Task PublishingEmailsEachReaderWhoAskedForItOnceAndTheRequestQueuesNoEmailItself()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync(name: "Rivers");
        using var creator = await CreatorAsync("Maya Ortiz");
        var subscriber = await _app.ReaderAsync("Sam Subscriber");
        var follower = await _app.ReaderAsync("Fay Follower");
        var both = await _app.ReaderAsync("Bo Both");
        var daily = await _app.ReaderAsync("Dee Daily");
        var never = await _app.ReaderAsync("Ned Never");
        var unconfirmed = await _app.Data.PersonAsync(displayName: "Una Unconfirmed");
        var banned = await _app.ReaderAsync("Ben Banned", u => u.Banned = true);
        var stopped = await _app.ReaderAsync("Stu Stopped", u => u.EmailStoppedAt = _app.Clock.UtcNow);
        var former = await _app.ReaderAsync("Fred Former", u => u.Email = "fred@former.invalid");
        await _app.ReaderAsync("Bea Bystander");
        await _app.SubscribeAsync(subscriber, creator.User!);
        await _app.FollowAsync(follower, community);
        await _app.SubscribeAsync(both, creator.User!);
        await _app.FollowAsync(both, community, Delivery.Immediately);
        await _app.SubscribeAsync(daily, creator.User!, Delivery.Daily);
        await _app.FollowAsync(never, community, Delivery.Never);
        await _app.SubscribeAsync(unconfirmed, creator.User!);
        await _app.FollowAsync(banned, community);
        await _app.SubscribeAsync(stopped, creator.User!);
        await _app.FollowAsync(former, community);
        await _app.FollowAsync(creator.User!, community);

        var published = await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Salmon Run", body: Body, handler: "Publish"));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.QueuedEmails.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.StoryAnnouncements.CountAsync(a => a.StoryId == published.StoryId())));

        await _app.DeliverAsync();

        var sent = await _app.SentAsync();
        Assert.Equal(new[] { subscriber, follower, both }.Select(u => u.Email!).Order().ToList(), sent.Recipients());
        Assert.All(sent, m => Assert.Equal("The Salmon Run", m.Subject));
        var notified = await _app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.NewStoryFromCreator).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(new[] { subscriber, both, daily, unconfirmed, stopped }.Select(u => u.Id).Order().ToList(), notified.Order().ToList());
        Assert.Contains("You follow Maya Ortiz on", sent.To(both).TextBody);
        Assert.Contains("You follow Rivers on", sent.To(follower).TextBody);
    }

    [Fact]
    public async Task TheEmailHasBothPartsTheStorysOpeningItsLinksAndOneClickUnsubscribe()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync(name: "Rivers");
        using var creator = await CreatorAsync("Maya Ortiz");
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, creator.User!);

        var published = await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Salmon Run", subtitle: "Upstream, every autumn", body: Body, handler: "Publish"));
        await _app.DeliverAsync();

        var message = Assert.Single(await _app.SentAsync());
        var storyUrl = $"{Origin}/{community.Slug}/the-salmon-run";
        var unsubscribe = message.UnsubscribeUrl();
        Assert.StartsWith($"{Origin}/unsubscribe/", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var text = message.TextBody;
        foreach (var expected in new[] { "The Salmon Run", "Upstream, every autumn", "By Maya Ortiz in Rivers", "Paragraph1", "Paragraph3", $"Continue reading: {storyUrl}", unsubscribe, $"{Origin}/settings/email" })
        {
            Assert.Contains(expected, text);
        }

        Assert.DoesNotContain("Paragraph4", text);

        var html = message.HtmlBody ?? "";
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html);
        Assert.Contains("@media (prefers-color-scheme: dark)", html);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Upstream, every autumn", document.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).First(t => t.StartsWith("Upstream", StringComparison.Ordinal)));
        Assert.Contains("Paragraph3", document.Body!.TextContent);
        Assert.DoesNotContain("Paragraph4", document.Body.TextContent);
        var links = document.QuerySelectorAll("a[href]").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        Assert.Contains(("Continue reading", storyUrl), links);
        Assert.Contains(("Maya Ortiz", $"{Origin}/authors/{creator.User!.UserName}"), links);
        Assert.Contains(("Rivers", $"{Origin}/{community.Slug}"), links);
        Assert.Contains(("Unsubscribe from Maya Ortiz’s stories", unsubscribe), links);
        Assert.Contains(("Your email choices", $"{Origin}/settings/email"), links);

        // No tracking: every link goes straight to the site, and there is no picture to count opens with.
        Assert.All(links, link => Assert.StartsWith($"{Origin}/", link.Href));
        Assert.Empty(document.Images);
        Assert.Equal(published.StoryId(), await _app.WithDbAsync(db => db.QueuedEmails.Select(e => e.StoryId).SingleAsync()));
    }

    [Fact]
    public async Task ACreatorWhoChoseWholeStoriesSendsAllOfEachOne()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync(name: "Rivers");
        using var creator = await CreatorAsync("Maya Ortiz");
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, creator.User!);
        var profile = await creator.Http.GetHtmlAsync("/settings");
        Assert.NotNull(profile.QuerySelector("input[type=checkbox][name='Input.EmailWholeStories']"));

        var saved = await creator.Http.PostFormAsync("/settings", new()
        {
            ["Input.DisplayName"] = "Maya Ortiz",
            ["Input.UserName"] = creator.User!.UserName!,
            ["Input.Bio"] = "Writes about rivers.",
            ["Input.EmailWholeStories"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("checked", (await creator.Http.GetHtmlAsync("/settings")).QuerySelector("input[type=checkbox][name='Input.EmailWholeStories']")?.GetAttribute("checked"));

        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Salmon Run", body: Body, handler: "Publish"));
        await _app.DeliverAsync();

        var message = Assert.Single(await _app.SentAsync());
        Assert.Contains("Paragraph5", message.TextBody);
        Assert.Contains("Paragraph5", message.HtmlBody);
        Assert.DoesNotContain("Continue reading", message.HtmlBody);
    }

    [Fact]
    public async Task AStoryApprovedByAModeratorIsAnnouncedButPublishingItAgainIsNot()
    {
        await _app.PauseNewslettersAsync();
        using var author = await _app.ClientForAsync(Persona.Reader);
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, author.User!);
        var story = await _app.SubmittedStoryAsync(author.User!, "Waiting Water");
        await _app.DeliverAsync();
        Assert.Empty(await _app.SentAsync());
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        await moderator.DecideAsync(story, approve: true);
        await _app.DeliverAsync();

        var emailed = (await _app.SentAsync()).Where(m => m.Subject == "Waiting Water").ToList();
        Assert.Equal([reader.Email!], emailed.Recipients());
        var community = await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).Select(s => s.Community.Slug).SingleAsync());
        var fields = StoryForms.Fields(community, "Waiting Water", body: StoryForms.Words(150), handler: "Unpublish");
        Assert.Equal(HttpStatusCode.Redirect, (await author.Http.PostStoryAsync(fields, story.Id)).StatusCode);
        fields["__handler"] = "Submit";
        await author.Http.PostStoryAsync(fields, story.Id);
        Assert.Equal(Features.Stories.StoryStatus.Pending, await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).Select(s => s.Status).SingleAsync()));
        await moderator.DecideAsync(story, approve: true);
        await _app.DeliverAsync();

        Assert.Single(await _app.SentAsync(), m => m.Subject == "Waiting Water");
        Assert.Equal(1, await _app.WithDbAsync(db => db.StoryAnnouncements.CountAsync()));
    }

    [Fact]
    public async Task TellingReadersTwiceAfterACrashSendsNobodyASecondEmailOrNotice()
    {
        using var app = new FolioApp(settings: new Dictionary<string, string?> { ["Folio:Announcements:FanOutBatchSize"] = "10" });
        await app.PauseNewslettersAsync();
        var community = await app.Data.CommunityAsync();
        var creator = await app.ReaderAsync("Maya Ortiz");
        var readers = new List<FolioUser>();
        for (var i = 0; i < 25; i++)
        {
            var reader = await app.ReaderAsync($"Reader {i}");
            await app.SubscribeAsync(reader, creator);
            if (i % 2 == 0)
            {
                await app.FollowAsync(reader, community);
            }

            readers.Add(reader);
        }

        var story = await app.Data.StoryAsync(community, creator, "Twice Told", status: Features.Stories.StoryStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            db.StoryAnnouncements.Add(new StoryAnnouncement { StoryId = story.Id, SiteOrigin = Origin, CreatedAt = app.Clock.UtcNow, NextAttemptAt = app.Clock.UtcNow });
            var stored = await db.Stories.SingleAsync(s => s.Id == story.Id);
            stored.Publish(app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        await app.DeliverAsync();
        Assert.Equal(25, (await app.SentAsync()).Count);

        // As if the worker died before recording that it was done: the announcement comes due again.
        await app.WithDbAsync(db => db.StoryAnnouncements.ExecuteUpdateAsync(set => set
            .SetProperty(a => a.DoneAt, (DateTime?)null).SetProperty(a => a.Attempts, 0).SetProperty(a => a.NextAttemptAt, app.Clock.UtcNow)));
        await app.DeliverAsync();

        Assert.Equal(readers.Select(r => r.Email!).Order().ToList(), (await app.SentAsync()).Recipients());
        Assert.Equal(25, await app.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.Kind == EmailKind.NewStory)));
        Assert.Equal(25, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.NewStoryFromCreator)));
        Assert.NotNull(await app.WithDbAsync(db => db.StoryAnnouncements.Select(a => a.DoneAt).SingleAsync()));
    }

    [Fact]
    public async Task AStoryUnpublishedBeforeItsEmailsWentOutSendsNothingMore()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await CreatorAsync("Maya Ortiz");
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, creator.User!);
        var fields = StoryForms.Fields(community.Slug, "Gone Soon", body: Body, handler: "Publish");
        var id = (await creator.Http.PostStoryAsync(fields)).StoryId();
        var announcements = _app.Services.GetRequiredService<AnnouncementWorker>();
        await announcements.ProcessDueAsync(CancellationToken.None);
        Assert.Equal(1, await _app.WithDbAsync(db => db.QueuedEmails.CountAsync()));

        fields["__handler"] = "Unpublish";
        Assert.Equal(HttpStatusCode.Redirect, (await creator.Http.PostStoryAsync(fields, id)).StatusCode);
        await _app.DeliverAsync();

        Assert.Empty(await _app.SentAsync());
    }

    private async Task<SignedInClient> CreatorAsync(string displayName)
    {
        var creator = await _app.ClientForAsync(Persona.Trusted);
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(creator.User!.Id))!.DisplayName = displayName;
            await db.SaveChangesAsync();
        });
        return creator;
    }
}
