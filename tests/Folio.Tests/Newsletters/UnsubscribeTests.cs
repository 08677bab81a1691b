using System.Net;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Newsletters;

public sealed class UnsubscribeTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OneClickWithoutCookiesStopsTheNextEmailButKeepsTheSubscriptionAndAGetChangesNothing()
    {
        await _app.PauseNewslettersAsync();
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, creator.User!);
        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "First Light", handler: "Publish"));
        await _app.DeliverAsync();
        var unsubscribe = Assert.Single(await _app.SentAsync()).UnsubscribeUrl();
        using var scanner = NoCookies();

        var asked = await scanner.GetHtmlAsync(unsubscribe);

        Assert.Contains($"Stop getting emails about new stories from {creator.User!.DisplayName}?", asked.QuerySelector(".lead")?.TextContent);
        Assert.Equal("post", asked.QuerySelector(".unsubscribe form")?.GetAttribute("method"));
        Assert.Null(await _app.SubscriptionDeliveryAsync(reader, creator.User));

        // As a mail provider sends it (RFC 8058): a POST of List-Unsubscribe=One-Click, with no cookie and no token.
        using var mailProvider = NoCookies();
        var stopped = await mailProvider.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var done = await stopped.ReadHtmlAsync();
        Assert.Equal("You are unsubscribed", done.QuerySelector("h1")?.TextContent);
        Assert.NotNull(done.QuerySelector("a[href='/settings/email']"));
        Assert.Equal(Delivery.Never, await _app.SubscriptionDeliveryAsync(reader, creator.User));

        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "Second Light", handler: "Publish"));
        await _app.DeliverAsync();

        Assert.DoesNotContain(await _app.SentAsync(), m => m.Subject == "Second Light");
        var notices = await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == reader.Id && n.Kind == NotificationKind.NewStoryFromCreator));
        Assert.Equal(2, notices);
    }

    [Fact]
    public async Task ACommunityFollowersLinkStopsThatFollowsEmailsOnly()
    {
        var community = await _app.Data.CommunityAsync(name: "Rivers");
        var other = await _app.Data.CommunityAsync(name: "Lakes");
        var reader = await _app.ReaderAsync("Fay Follower");
        await _app.FollowAsync(reader, community);
        await _app.FollowAsync(reader, other);
        var url = _app.Services.GetRequiredService<UnsubscribeTokens>().Url("", Unsubscription.FromCommunity(reader.Id, community.Id));
        using var client = NoCookies();

        var stopped = await client.PostAsync(url, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("emails about new stories in Rivers", (await stopped.ReadHtmlAsync()).QuerySelector(".notice--success")?.TextContent);
        var follows = await _app.WithDbAsync(db => db.CommunityFollows.Where(f => f.UserId == reader.Id).OrderBy(f => f.CommunityId).Select(f => f.Delivery).ToListAsync());
        Assert.Equal([Delivery.Never, null], follows);
    }

    [Fact]
    public async Task ATamperedOrMadeUpTokenIsRefusedWithAClearPage()
    {
        var creator = await _app.ReaderAsync("Maya Ortiz");
        var reader = await _app.ReaderAsync("Sam Subscriber");
        await _app.SubscribeAsync(reader, creator);
        var token = _app.Services.GetRequiredService<UnsubscribeTokens>().Issue(Unsubscription.FromCreator(reader.Id, creator.Id));
        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        using var client = NoCookies();

        foreach (var url in new[] { $"/unsubscribe/{tampered}", "/unsubscribe/not-a-token", $"/unsubscribe/{new string('x', 3000)}" })
        {
            var asked = await client.GetAsync(url);
            var posted = await client.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

            foreach (var response in new[] { asked, posted })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("This unsubscribe link does not work", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent);
            }
        }

        Assert.Null(await _app.SubscriptionDeliveryAsync(reader, creator));
    }

    private HttpClient NoCookies() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
