using System.Net;
using Folio.Features.Stories;
using Folio.Features.Webhooks;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

/// <summary>What the site does raises the right events, whichever page does it, delivered by the background worker.</summary>
public sealed class WebhookEventTests : IDisposable
{
    private readonly FolioApp _app = WebhookSteps.NewApp();
    private readonly WebhookReceiver _receiver = new();

    public void Dispose()
    {
        _app.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task PublishingFromTheEditorDeliversASignedStoryPublishedEvent()
    {
        await _app.Data.CommunityAsync("harbour", "The Harbour");
        using var trusted = await _app.ClientForAsync(Persona.Trusted);
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished]);

        var published = await trusted.Http.PostStoryAsync(StoryForms.Fields("harbour", "Tides Turning", subtitle: "A deck line", handler: "Publish"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var received = await _receiver.WaitForAsync(WebhookEvents.StoryPublished);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/hooks/folio", received.Path);
        Assert.Equal("application/json", received.Headers["Content-Type"]);
        Assert.Equal("Folio-Webhooks/1", received.Headers["User-Agent"]);
        Assert.True(received.IsSignedWith(WebhookSteps.Secret), "the signature checks out with the webhook's secret");
        Assert.False(received.IsSignedWith("whsec_some-other-secret"));
        var sentAt = long.Parse(received.Headers["X-Folio-Timestamp"]);
        Assert.InRange(sentAt, _app.Clock.Now.ToUnixTimeSeconds() - 5, _app.Clock.Now.ToUnixTimeSeconds() + 5);

        var body = received.Json;
        Assert.Equal("story.published", body.GetProperty("event").GetString());
        Assert.Equal(received.DeliveryId, body.GetProperty("deliveryId").GetString());
        Assert.Equal(_app.Clock.UtcNow, body.GetProperty("occurredAt").GetDateTime().ToUniversalTime());
        var story = received.Data("story");
        var id = published.StoryId();
        Assert.Equal(id, story.GetProperty("id").GetInt32());
        Assert.Equal("tides-turning", story.GetProperty("slug").GetString());
        Assert.Equal("https://stories.example.org/harbour/tides-turning", story.GetProperty("url").GetString());
        Assert.Equal("Tides Turning", story.GetProperty("title").GetString());
        Assert.Equal("A deck line", story.GetProperty("subtitle").GetString());
        Assert.Equal("harbour", story.GetProperty("community").GetProperty("slug").GetString());
        Assert.Equal("The Harbour", story.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal(trusted.User!.UserName, story.GetProperty("author").GetProperty("username").GetString());
        Assert.Equal(_app.Clock.UtcNow, story.GetProperty("publishedAt").GetDateTime().ToUniversalTime());

        var delivery = await _app.WaitUntilFinishedAsync(received.DeliveryId);
        Assert.Equal((1, 204, null), (delivery.Attempts, delivery.LastStatusCode, delivery.LastError));
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(received.Text, delivery.Payload);
    }

    [Fact]
    public async Task ApprovingAStoryInReviewDeliversStoryPublished()
    {
        var community = await _app.Data.CommunityAsync("review");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Waiting Room", StoryForms.Words(150), status: StoryStatus.Draft);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.SubmitForReview(_app.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished]);
        Assert.Empty(await _app.DeliveriesAsync());

        var approved = await moderator.Http.PostFormAsync($"/moderation/stories/{story.Id}?handler=Approve", new(), $"/moderation/stories/{story.Id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var received = await _receiver.WaitForAsync(WebhookEvents.StoryPublished);
        Assert.Equal(story.Id, received.Data("story").GetProperty("id").GetInt32());
        Assert.Equal(author.UserName, received.Data("story").GetProperty("author").GetProperty("username").GetString());
    }

    [Fact]
    public async Task EditingALiveStoryDeliversStoryUpdatedButSavingItUnchangedDoesNot()
    {
        var community = await _app.Data.CommunityAsync("edits");
        // Trusted: their edits go live at once; a reviewed creator's edit goes live (and is announced) when approved (StoryRevisionTests).
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var story = await _app.Data.StoryAsync(community, creator.User!, "First Draft", StoryForms.Words(150), tags: ["Rivers"], subtitle: "A subtitle");
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryUpdated, WebhookEvents.StoryPublished]);

        var unchanged = await creator.Http.PostStoryAsync(StoryForms.Fields("edits", "First Draft", body: StoryForms.Words(150)), story.Id);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.Empty(await _app.DeliveriesAsync());

        await creator.Http.PostStoryAsync(StoryForms.Fields("edits", "Second Draft", body: StoryForms.Words(150)), story.Id);
        var retitled = await _receiver.WaitForAsync(WebhookEvents.StoryUpdated);
        Assert.Equal("Second Draft", retitled.Data("story").GetProperty("title").GetString());

        await creator.Http.PostStoryAsync(StoryForms.Fields("edits", "Second Draft", body: StoryForms.Words(150), tags: "Rivers, Estuaries"), story.Id);
        await _receiver.WaitForAsync(WebhookEvents.StoryUpdated, count: 2);
        Assert.Equal([WebhookEvents.StoryUpdated, WebhookEvents.StoryUpdated], (await _app.DeliveriesAsync()).Select(d => d.Event));
    }

    [Fact]
    public async Task UnpublishingOrDeletingALiveStoryDeliversStoryUnpublished()
    {
        var community = await _app.Data.CommunityAsync("takedown");
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var withdrawn = await _app.Data.StoryAsync(community, creator.User!, "Second Thoughts", StoryForms.Words(150));
        var deleted = await _app.Data.StoryAsync(community, creator.User!, "Gone Entirely", StoryForms.Words(150));
        var draft = await _app.Data.StoryAsync(community, creator.User!, "Never Live", status: StoryStatus.Draft);
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryUnpublished]);

        await creator.Http.PostFormAsync($"/stories/{withdrawn.Id}/edit?handler=Unpublish", new(), $"/stories/{withdrawn.Id}/edit");
        var first = await _receiver.WaitForAsync(WebhookEvents.StoryUnpublished);
        Assert.Equal(withdrawn.Id, first.Data("story").GetProperty("id").GetInt32());

        await _app.WithDbAsync(async db =>
        {
            db.Stories.RemoveRange(await db.Stories.Where(s => s.Id == deleted.Id || s.Id == draft.Id).ToListAsync());
            await db.SaveChangesAsync();
        });
        var second = await _receiver.WaitForAsync(WebhookEvents.StoryUnpublished, count: 2);
        Assert.Equal("https://stories.example.org/takedown/gone-entirely", second.Data("story").GetProperty("url").GetString());
        Assert.Equal(2, (await _app.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task CommentingDeliversCommentAdded()
    {
        var community = await _app.Data.CommunityAsync("talkback");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Say Something");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.CommentAdded]);

        var posted = await reader.Http.CommentAsync(story, "What a *lovely* piece.");

        var received = await _receiver.WaitForAsync(WebhookEvents.CommentAdded);
        var comment = received.Data("comment");
        Assert.Equal(posted.CommentId(), comment.GetProperty("id").GetInt32());
        Assert.Equal(story.Id, comment.GetProperty("storyId").GetInt32());
        Assert.Equal("https://stories.example.org/talkback/say-something", comment.GetProperty("storyUrl").GetString());
        Assert.Equal($"https://stories.example.org/talkback/say-something#comment-{posted.CommentId()}", comment.GetProperty("url").GetString());
        Assert.Equal("What a *lovely* piece.", comment.GetProperty("body").GetString());
        Assert.Equal(reader.User!.UserName, comment.GetProperty("author").GetProperty("username").GetString());
        Assert.Equal(reader.User.DisplayName, comment.GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SigningUpDeliversMemberAddedWithoutTheEmailAddress()
    {
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.MemberAdded]);
        using var browser = _app.NewBrowser();

        var signUp = await browser.PostFormAsync("/signup", new()
        {
            ["Input.Email"] = "heron@example.org", ["Input.UserName"] = "heron", ["Input.DisplayName"] = "Grey Heron", ["Input.Password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);

        var received = await _receiver.WaitForAsync(WebhookEvents.MemberAdded);
        var member = received.Data("member");
        Assert.Equal("heron", member.GetProperty("username").GetString());
        Assert.Equal("Grey Heron", member.GetProperty("name").GetString());
        Assert.Equal("https://stories.example.org/authors/heron", member.GetProperty("url").GetString());
        Assert.Equal(_app.Clock.UtcNow, member.GetProperty("joinedAt").GetDateTime().ToUniversalTime());
        Assert.DoesNotContain("heron@example.org", received.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email", received.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlySubscribedActiveWebhooksGetAnEvent()
    {
        var community = await _app.Data.CommunityAsync("subs");
        var author = await _app.Data.PersonAsync();
        var comments = await _app.WebhookAsync(_receiver.Url, [WebhookEvents.CommentAdded]);
        var members = await _app.WebhookAsync(_receiver.Url, [WebhookEvents.MemberAdded]);
        var disabled = await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished, WebhookEvents.CommentAdded], active: false);

        var story = await _app.Data.StoryAsync(community, author, "Quiet Please");
        await _app.Data.CommentAsync(story, author, "A note to self.");

        await _receiver.WaitForAsync(WebhookEvents.CommentAdded);
        Assert.Equal([(comments.Id, WebhookEvents.CommentAdded)], (await _app.DeliveriesAsync()).Select(d => (d.WebhookId, d.Event)));
        Assert.Empty(await _app.DeliveriesAsync(members.Id));
        Assert.Empty(await _app.DeliveriesAsync(disabled.Id));
        Assert.Equal([WebhookEvents.CommentAdded], _receiver.Received.Select(r => r.Event));
    }

    /// <summary>An admin bringing an archive over is not news; the same story published by hand is.</summary>
    [Fact]
    public async Task ImportedStoriesDoNotAnnounceThemselves()
    {
        var community = await _app.Data.CommunityAsync("archive");
        var author = await _app.Data.PersonAsync();
        await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished]);

        await _app.WithDbAsync(async db =>
        {
            var imported = new Story { CommunityId = community.Id, AuthorId = author.Id, Title = "From the Archive", Subtitle = "Old", Slug = "from-the-archive", ImportKey = "ghost:42" };
            imported.SetBody("Old words.", StoryRenderer.Render("Old words."));
            imported.Publish(_app.Clock.UtcNow.AddYears(-3));
            db.Stories.Add(imported);
            await db.SaveChangesAsync();
        });
        Assert.Empty(await _app.DeliveriesAsync());

        await _app.Data.StoryAsync(community, author, "Fresh Today");
        var received = await _receiver.WaitForAsync(WebhookEvents.StoryPublished);
        Assert.Equal("Fresh Today", received.Data("story").GetProperty("title").GetString());
        Assert.Single(await _app.DeliveriesAsync());
    }
}
