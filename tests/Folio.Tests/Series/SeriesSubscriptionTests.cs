using System.Net;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Folio.Tests.Newsletters;
using Folio.Tests.Notifications;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Series;

public sealed class SeriesSubscriptionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SubscribersHearOfEachNewPartOnceAndAreEmailedWhereTheyChose()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted, "wren");
        using var emailed = await SubscriberAsync(emailOnParts: true);
        using var quiet = await SubscriberAsync(emailOnParts: false);
        using var alsoFollowsCreator = await SubscriberAsync(emailOnParts: true);
        await _app.SubscribeAsync(alsoFollowsCreator.User!, creator.User!);
        var draft = (await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Second Tide"))).StoryId();
        var seriesId = await creator.CreateSeriesAsync("Tides");
        await creator.AddPartsAsync(seriesId, draft);
        foreach (var reader in new[] { emailed, quiet, alsoFollowsCreator })
        {
            var subscribed = await reader.Http.PostFormAsync($"/following/series/{seriesId}", [new("follow", "true"), new("returnUrl", "/authors/wren/series/tides")], "/authors/wren/series/tides");
            Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        }

        Assert.Equal("Unsubscribe", (await emailed.Http.GetHtmlAsync("/authors/wren/series/tides")).QuerySelector(".follow button")!.TextContent);

        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Second Tide", handler: "Publish"), draft);
        await _app.DeliverAsync();

        var notices = await _app.WithDbAsync(db => db.Notifications.Where(n => n.StoryId == draft).Select(n => new { n.RecipientId, n.Kind }).ToListAsync());
        Assert.Equal(3, notices.Count);
        Assert.Contains(new { RecipientId = emailed.User!.Id, Kind = NotificationKind.NewPartInSeries }, notices);
        Assert.Contains(new { RecipientId = quiet.User!.Id, Kind = NotificationKind.NewPartInSeries }, notices);
        Assert.Contains(new { RecipientId = alsoFollowsCreator.User!.Id, Kind = NotificationKind.NewStoryFromCreator }, notices);
        var mails = await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.StoryId == draft).Select(e => new { e.RecipientId, e.Kind, e.Content.Subject }).ToListAsync());
        Assert.Contains(mails, m => m.RecipientId == emailed.User.Id && m.Kind == EmailKind.Notification && m.Subject == "A new part of Tides: “The Second Tide”");
        Assert.DoesNotContain(mails, m => m.RecipientId == quiet.User.Id);
        Assert.Single(mails, m => m.RecipientId == alsoFollowsCreator.User.Id);

        var lines = (await emailed.Http.GetHtmlAsync("/notifications")).Lines();
        Assert.Contains(lines, l => l.Contains("published a new part of a series you subscribe to:") && l.Contains("The Second Tide"));
    }

    [Theory]
    [InlineData(Delivery.Immediately)]
    [InlineData(Delivery.Never)]
    public async Task AReaderSubscribedToTheSeriesAndItsCreatorGetsOneNoticeAndAtMostOneEmailForANewPart(Delivery creatorEmails)
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted, "wren");
        using var reader = await SubscriberAsync(emailOnParts: true);
        await _app.SubscribeAsync(reader.User!, creator.User!, creatorEmails);
        var seriesId = await creator.CreateSeriesAsync("Tides");
        var first = (await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The First Tide"))).StoryId();
        var second = (await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Second Tide"))).StoryId();
        await creator.AddPartsAsync(seriesId, first, second);
        await reader.Http.PostFormAsync($"/following/series/{seriesId}", [new("follow", "true"), new("returnUrl", "/authors/wren/series/tides")], "/authors/wren/series/tides");

        // The first part's emails are sent before the second is published: a sent email still counts as told.
        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The First Tide", handler: "Publish"), first);
        await _app.DeliverAsync();
        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Second Tide", handler: "Publish"), second);
        await _app.DeliverAsync();

        var lines = (await reader.Http.GetHtmlAsync("/notifications")).Lines();
        Assert.Single(lines, l => l.Contains("The First Tide"));
        Assert.Single(lines, l => l.Contains("The Second Tide"));
        foreach (var part in new[] { first, second })
        {
            var mails = await _app.WithDbAsync(db => db.QueuedEmails.CountAsync(e => e.StoryId == part && e.RecipientId == reader.User!.Id));
            Assert.InRange(mails, creatorEmails == Delivery.Immediately ? 1 : 0, 1);
        }
    }

    [Fact]
    public async Task ASubscriberWhoseReadingChoicesHideAPartIsNotToldOfIt()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted, "wren");
        using var reader = await SubscriberAsync(emailOnParts: true);
        await reader.Http.PostFormAsync("/settings/reading", [new("Input.HideAiGenerated", "true")], "/settings/reading");
        var seriesId = await creator.CreateSeriesAsync("Tides");
        var generated = StoryForms.Fields(community.Slug, "The Machine Tide");
        generated["Input.Making"] = "ai-generated";
        var hidden = (await creator.Http.PostStoryAsync(generated)).StoryId();
        var shown = (await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Human Tide"))).StoryId();
        await creator.AddPartsAsync(seriesId, hidden, shown);
        await reader.Http.PostFormAsync($"/following/series/{seriesId}", [new("follow", "true"), new("returnUrl", "/authors/wren/series/tides")], "/authors/wren/series/tides");

        generated["__handler"] = "Publish";
        await creator.Http.PostStoryAsync(generated, hidden);
        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "The Human Tide", handler: "Publish"), shown);
        await _app.DeliverAsync();

        var lines = (await reader.Http.GetHtmlAsync("/notifications")).Lines();
        Assert.DoesNotContain(lines, l => l.Contains("The Machine Tide"));
        Assert.Single(lines, l => l.Contains("The Human Tide"));
        var mailed = await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.RecipientId == reader.User!.Id).Select(e => e.StoryId).ToListAsync());
        Assert.Equal([shown], mailed);
    }

    [Fact]
    public async Task AStoryPublishedIntoASeriesFromTheEditorIsAnnouncedOnceToEachReader()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted, "wren");
        using var seriesReader = await SubscriberAsync(emailOnParts: true);
        using var creatorReader = await SubscriberAsync(emailOnParts: true);
        await _app.SubscribeAsync(creatorReader.User!, creator.User!);
        var seriesId = await creator.CreateSeriesAsync("Tides");
        foreach (var reader in new[] { seriesReader, creatorReader })
        {
            await reader.Http.PostFormAsync($"/following/series/{seriesId}", [new("follow", "true"), new("returnUrl", "/authors/wren/series/tides")], "/authors/wren/series/tides");
        }

        var fields = StoryForms.Fields(community.Slug, "The Straight-In Tide", handler: "Publish");
        fields["SeriesOffered"] = "true";
        fields["Series"] = seriesId.ToString();
        var story = (await creator.Http.PostStoryAsync(fields)).StoryId();
        await _app.DeliverAsync();

        var notices = await _app.WithDbAsync(db => db.Notifications.Where(n => n.StoryId == story).Select(n => new { n.RecipientId, n.Kind }).ToListAsync());
        Assert.Equal(2, notices.Count);
        Assert.Contains(new { RecipientId = seriesReader.User!.Id, Kind = NotificationKind.NewPartInSeries }, notices);
        Assert.Contains(new { RecipientId = creatorReader.User!.Id, Kind = NotificationKind.NewStoryFromCreator }, notices);
        var mails = await _app.WithDbAsync(db => db.QueuedEmails.Where(e => e.StoryId == story).Select(e => e.RecipientId).ToListAsync());
        Assert.Single(mails, r => r == seriesReader.User.Id);
        Assert.Single(mails, r => r == creatorReader.User.Id);
    }

    [Fact]
    public async Task ACreatorCannotSubscribeToTheirOwnSeriesAndAnUnknownSeriesIsNotFound()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator, "pell");
        var seriesId = await creator.CreateSeriesAsync("Own Work");

        var page = await creator.Http.GetHtmlAsync("/authors/pell/series/own-work");
        Assert.Null(page.QuerySelector(".follow form"));
        Assert.Equal("0 subscribers", page.QuerySelector(".follow__count")!.TextContent);
        var own = await creator.Http.PostFormAsync($"/following/series/{seriesId}", [new("follow", "true")], "/authors/pell/series/own-work");
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        var unknown = await creator.Http.PostFormAsync("/following/series/999999", [new("follow", "true")], "/authors/pell/series/own-work");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.SeriesSubscriptions.CountAsync()));
    }

    private async Task<SignedInClient> SubscriberAsync(bool emailOnParts)
    {
        var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.WithDbAsync(async db =>
        {
            var stored = (await db.Users.FindAsync(reader.User!.Id))!;
            stored.EmailConfirmed = true;
            stored.EmailOnSeriesParts = emailOnParts;
            await db.SaveChangesAsync();
        });
        if (!emailOnParts)
        {
            // Through the settings page too: the choice a reader makes there is the one the fan-out reads.
            var settings = await reader.Http.GetHtmlAsync("/settings/email");
            Assert.NotNull(settings.QuerySelector("input[type=checkbox][name='Input.EmailOnSeriesParts']"));
        }

        return reader;
    }
}
