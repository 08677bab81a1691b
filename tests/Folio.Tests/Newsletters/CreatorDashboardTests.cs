using AngleSharp.Html.Dom;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Testing;
using Folio.Tests.Infrastructure;
using Folio.Tests.QueryCost;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Newsletters;

/// <summary>/me/stories tells a creator how their subscribers get new stories and how many emails each story sent.</summary>
public sealed class CreatorDashboardTests : IDisposable
{
    // Two at a time, so that one pass of the mail worker leaves part of a story's emails still to send.
    private readonly FolioApp _app = new(settings: new Dictionary<string, string?> { ["Folio:Mail:BatchSize"] = "2" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SubscribersAreCountedByTheFollowsOwnChoiceElseTheReadersDefault()
    {
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var other = await _app.Data.PersonAsync(displayName: "Another Creator");
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, creator.User!, "Something Published");
        await SubscribeAsync("Ada Default", null);
        await SubscribeAsync("Nia Never Then Each", Delivery.Immediately, u => u.NewsletterDelivery = Delivery.Never);
        await SubscribeAsync("Dee Daily Default", null, u => u.NewsletterDelivery = Delivery.Daily);
        await SubscribeAsync("Wes Weekly Here", Delivery.Weekly);
        await SubscribeAsync("Nat Not From You", Delivery.Never, u => u.NewsletterDelivery = Delivery.Daily);
        await SubscribeAsync("Stu Stopped Never", null, u => { u.NewsletterDelivery = Delivery.Never; u.EmailStoppedAt = _app.Clock.UtcNow; });
        await SubscribeAsync("Sal Stopped", Delivery.Immediately, u => u.EmailStoppedAt = _app.Clock.UtcNow);
        var unconfirmed = await _app.Data.PersonAsync(displayName: "Una Unconfirmed");
        await _app.SubscribeAsync(unconfirmed, creator.User!, Delivery.Daily);
        await _app.FollowAsync(await _app.ReaderAsync("Fay Follows The Community"), community);
        await _app.SubscribeAsync(await _app.ReaderAsync("Oz Other's Subscriber"), other);

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        Assert.Equal("Your subscribers (8)", page.QuerySelector("#subscribers-title")!.TextContent.Trim());
        Assert.Equal(
            [("each-story", "2"), ("daily", "1"), ("weekly", "1"), ("none", "2"), ("unreachable", "2")],
            page.QuerySelectorAll("#subscribers tbody tr").Select(row => (row.GetAttribute("data-delivery")!, row.QuerySelector("td")!.TextContent.Trim())));
        Assert.Contains("Folio never tracks opens or clicks: no pixels, no rewritten links.", page.QuerySelector("#subscribers")!.TextContent);

        async Task SubscribeAsync(string name, Delivery? delivery, Action<Folio.Features.Creators.FolioUser>? change = null) =>
            await _app.SubscribeAsync(await _app.ReaderAsync(name, change), creator.User!, delivery);
    }

    [Fact]
    public async Task EachStorySaysHowManyEmailsWereSentAndHowManyAreStillSending()
    {
        await _app.PauseNewslettersAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var community = await _app.Data.CommunityAsync();
        foreach (var name in new[] { "Ann", "Bob", "Cy" })
        {
            await _app.SubscribeAsync(await _app.ReaderAsync(name), creator.User!);
        }

        await _app.SubscribeAsync(await _app.ReaderAsync("Dan Digest"), creator.User!, Delivery.Weekly);
        await PublishAsync(creator, community.Slug, "All Delivered");
        await _app.DeliverAsync();
        await PublishAsync(creator, community.Slug, "Half Way");
        await AnnounceAsync();
        Assert.Equal(2, await _app.Services.GetRequiredService<MailQueueWorker>().ProcessDueAsync());
        var givenUp = await PublishAsync(creator, community.Slug, "Given Up On");
        await AnnounceAsync();
        await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.StoryId == givenUp).Take(1)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Attempts, 8).SetProperty(e => e.LastError, "550 no such user")));
        await _app.Data.StoryAsync(community, creator.User!, "No One Told Yet");

        var page = await creator.Http.GetHtmlAsync("/me/stories");

        Assert.Equal("3 emails sent", Emails(page, "All Delivered"));
        Assert.Equal("2 emails sent · sending… 1 queued", Emails(page, "Half Way"));
        Assert.Equal("0 emails sent · sending… 2 queued · 1 could not be delivered", Emails(page, "Given Up On"));
        Assert.Null(Emails(page, "No One Told Yet"));
    }

    [Fact]
    public async Task ACreatorSeesOnlyTheirOwnNumbers()
    {
        await _app.PauseNewslettersAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        using var other = await _app.ClientForAsync(Persona.Trusted);
        var community = await _app.Data.CommunityAsync();
        await _app.Data.StoryAsync(community, creator.User!, "Mine Alone");
        await _app.SubscribeAsync(await _app.ReaderAsync("Their Reader"), other.User!);
        await _app.FollowAsync(await _app.ReaderAsync("Community Reader"), community);
        await PublishAsync(other, community.Slug, "Theirs");
        await _app.DeliverAsync();

        var mine = await creator.Http.GetHtmlAsync("/me/stories");
        var theirs = await other.Http.GetHtmlAsync("/me/stories");

        Assert.Equal("Your subscribers (0)", mine.QuerySelector("#subscribers-title")!.TextContent.Trim());
        Assert.Empty(mine.QuerySelectorAll("#subscribers tbody tr"));
        Assert.Empty(mine.QuerySelectorAll(".dashboard-item__emails"));
        Assert.DoesNotContain("Theirs", mine.QuerySelector("main")!.TextContent);
        Assert.Equal("Your subscribers (1)", theirs.QuerySelector("#subscribers-title")!.TextContent.Trim());
        Assert.Equal("2 emails sent", Emails(theirs, "Theirs"));
    }

    /// <summary>
    /// The two grouped queries read only this creator's rows: subscriptions by creator, emails by story, each through its
    /// index, never the whole email queue. Checked without statistics, as for tables of any size.
    /// </summary>
    [Fact]
    public async Task TheNewsletterNumbersAreReadThroughTheCreatorAndStoryIndexes()
    {
        await _app.PauseNewslettersAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var community = await _app.Data.CommunityAsync();
        await _app.SubscribeAsync(await _app.ReaderAsync("Ann"), creator.User!);
        await PublishAsync(creator, community.Slug, "Told");
        await _app.DeliverAsync();

        var commands = await _app.CommandsRunByAsync(creator.Http, "/me/stories");

        var emails = commands.Single(c => c.Sql.Contains("\"EmailQueue\"", StringComparison.Ordinal));
        var subscriptions = commands.Single(c => c.Sql.Contains("\"Subscriptions\"", StringComparison.Ordinal));
        var emailPlan = await QueryPlans.ExplainAsync(_app, emails, statistics: false);
        var subscriptionPlan = await QueryPlans.ExplainAsync(_app, subscriptions, statistics: false);
        Assert.DoesNotContain("Seq Scan", emailPlan + subscriptionPlan);
        if (!TestDatabase.IsPostgres)
        {
            Assert.DoesNotContain("SCAN", emailPlan + subscriptionPlan);
            Assert.Contains("IX_EmailQueue_StoryId", emailPlan);
            Assert.Contains("IX_Subscriptions_CreatorId", subscriptionPlan);
        }
    }

    private async Task<int> PublishAsync(SignedInClient creator, string community, string title) =>
        (await creator.Http.PostStoryAsync(StoryForms.Fields(community, title, handler: "Publish"))).StoryId();

    private async Task AnnounceAsync()
    {
        var announcements = _app.Services.GetRequiredService<AnnouncementWorker>();
        while (await announcements.ProcessDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static string? Emails(IHtmlDocument page, string title) => page.QuerySelectorAll(".dashboard-item")
        .Single(item => item.QuerySelector(".dashboard-item__title")?.TextContent.Trim() == title)
        .QuerySelector(".dashboard-item__emails") is { } emails
        ? string.Join(" ", emails.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        : null;
}
