using System.Net;
using System.Net.Http.Json;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Subscriptions;

public sealed class SubscriptionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AReaderSubscribesToACreatorAndUnsubscribesAgain()
    {
        var creator = await _app.Data.PersonAsync("maya", "Maya Okafor");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var profile = await reader.Http.GetHtmlAsync("/authors/maya");
        var form = profile.QuerySelector(".follow form")!;
        Assert.Equal("/following/creators/maya", form.GetAttribute("action"));
        Assert.Equal("Subscribe", form.QuerySelector("button")?.TextContent.Trim());

        var subscribed = await reader.Http.PostFormAsync("/following/creators/maya", [new("follow", "true"), new("returnUrl", "/authors/maya")], "/authors/maya");
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        Assert.Equal("/authors/maya", subscribed.Headers.Location?.OriginalString);
        var after = await reader.Http.GetHtmlAsync("/authors/maya");
        Assert.Equal("Unsubscribe", after.QuerySelector(".follow form button")?.TextContent.Trim());
        Assert.Equal("false", after.QuerySelector(".follow form input[name=follow]")?.GetAttribute("value"));
        Assert.Contains("You’re subscribed to Maya Okafor.", after.QuerySelector("[data-follow-status]")?.TextContent);
        Assert.True(await SubscribedAsync(reader.User!.Id, creator.Id));

        await reader.Http.PostFormAsync("/following/creators/maya", [new("follow", "false"), new("returnUrl", "/authors/maya")], "/authors/maya");
        Assert.False(await SubscribedAsync(reader.User.Id, creator.Id));
        Assert.Equal("Subscribe", (await reader.Http.GetHtmlAsync("/authors/maya")).QuerySelector(".follow form button")?.TextContent.Trim());
    }

    [Fact]
    public async Task SubscribingTwiceKeepsOneSubscriptionAndUnsubscribingTwiceIsHarmless()
    {
        await _app.Data.PersonAsync("twice");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        foreach (var follow in new[] { "true", "true" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reader.Http.PostFormAsync("/following/creators/twice", [new("follow", follow)], "/authors/twice")).StatusCode);
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
        foreach (var follow in new[] { "false", "false" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await reader.Http.PostFormAsync("/following/creators/twice", [new("follow", follow)], "/authors/twice")).StatusCode);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task NobodyCanSubscribeToThemselves()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var url = $"/authors/{creator.User!.UserName}";

        var own = await creator.Http.GetHtmlAsync(url);
        Assert.Null(own.QuerySelector(".follow form"));

        var response = await creator.Http.PostFormAsync($"/following/creators/{creator.User.UserName}", [new("follow", "true")], url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task VisitorsGetASignInLinkThatComesBackToTheProfile()
    {
        await _app.Data.PersonAsync("visited");

        var profile = await _app.GetPageAsync("/authors/visited");

        Assert.Null(profile.QuerySelector(".follow form"));
        var link = profile.QuerySelector(".follow a")!;
        Assert.Equal("Sign in to subscribe", link.TextContent.Trim());
        Assert.Equal("/signin?returnUrl=%2Fauthors%2Fvisited", link.GetAttribute("href"));
    }

    [Fact]
    public async Task VisitorsCannotPostASubscription()
    {
        await _app.Data.PersonAsync("guarded");
        using var visitor = _app.NewBrowser();

        var response = await visitor.PostAsync("/following/creators/guarded", new FormUrlEncodedContent([new("follow", "true")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task APostWithoutTheFormsTokenChangesNothing()
    {
        await _app.Data.PersonAsync("forged");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostAsync("/following/creators/forged", new FormUrlEncodedContent([new("follow", "true")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task SubscribingToSomeoneWhoDoesNotExistIsNotFound()
    {
        await _app.Data.PersonAsync("real");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/following/creators/nobody-here", [new("follow", "true")], "/authors/real");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OnlyTheCreatorSeesTheirSubscriberCount()
    {
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var url = $"/authors/{creator.User!.UserName}";
        using var first = await _app.ClientForAsync(Persona.Reader);
        using var second = await _app.ClientForAsync(Persona.Moderator);
        Assert.Equal("0 subscribers", (await creator.Http.GetHtmlAsync(url)).QuerySelector(".follow__count")?.TextContent);

        await first.Http.PostFormAsync($"/following/creators/{creator.User.UserName}", [new("follow", "true")], url);
        Assert.Equal("1 subscriber", (await creator.Http.GetHtmlAsync(url)).QuerySelector(".follow__count")?.TextContent);
        await second.Http.PostFormAsync($"/following/creators/{creator.User.UserName}", [new("follow", "true")], url);

        Assert.Equal("2 subscribers", (await creator.Http.GetHtmlAsync(url)).QuerySelector(".follow__count")?.TextContent);
        Assert.Null((await first.Http.GetHtmlAsync(url)).QuerySelector(".follow__count"));
        Assert.Null((await second.Http.GetHtmlAsync(url)).QuerySelector(".follow__count"));
        Assert.Null((await _app.GetPageAsync(url)).QuerySelector(".follow__count"));
        Assert.DoesNotContain("subscriber", (await first.Http.GetStringAsync(url)).Replace("Subscribe", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AReaderFollowsACommunityAndOnlyModeratorsSeeTheFollowerCount()
    {
        await _app.Data.CommunityAsync("night-owls", "Night Owls");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var page = await reader.Http.GetHtmlAsync("/night-owls");
        Assert.Equal("Follow", page.QuerySelector(".follow form button")?.TextContent.Trim());
        Assert.Equal("/following/communities/night-owls", page.QuerySelector(".follow form")?.GetAttribute("action"));
        Assert.Equal("0 followers", (await moderator.Http.GetHtmlAsync("/night-owls")).QuerySelector(".follow__count")?.TextContent);

        var followed = await reader.Http.PostFormAsync("/following/communities/night-owls", [new("follow", "true"), new("returnUrl", "/night-owls")], "/night-owls");
        Assert.Equal("/night-owls", followed.Headers.Location?.OriginalString);

        var after = await reader.Http.GetHtmlAsync("/night-owls");
        Assert.Equal("Unfollow", after.QuerySelector(".follow form button")?.TextContent.Trim());
        Assert.Null(after.QuerySelector(".follow__count"));
        Assert.Equal("1 follower", (await moderator.Http.GetHtmlAsync("/night-owls")).QuerySelector(".follow__count")?.TextContent);
        Assert.Equal("1 follower", (await admin.Http.GetHtmlAsync("/night-owls")).QuerySelector(".follow__count")?.TextContent);

        var anonymous = await _app.GetPageAsync("/night-owls");
        Assert.Null(anonymous.QuerySelector(".follow__count"));
        Assert.Equal("Sign in to follow", anonymous.QuerySelector(".follow a")?.TextContent.Trim());
        Assert.Equal("/signin?returnUrl=%2Fnight-owls", anonymous.QuerySelector(".follow a")?.GetAttribute("href"));

        await reader.Http.PostFormAsync("/following/communities/night-owls", [new("follow", "false")], "/night-owls");
        Assert.Equal(0, await _app.WithDbAsync(db => db.CommunityFollows.CountAsync()));
    }

    [Fact]
    public async Task ScriptsGetTheNewStateAsJson()
    {
        await _app.Data.CommunityAsync("scripted");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var page = await moderator.Http.GetHtmlAsync("/scripted");
        var token = page.QuerySelector(".follow input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/following/communities/scripted")
        {
            Content = new FormUrlEncodedContent([new("follow", "true"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await moderator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<Answer>();
        Assert.Equal(new Answer(true, "1 follower"), answer);
    }

    [Fact]
    public async Task ARedirectBackNeverLeavesTheSite()
    {
        await _app.Data.PersonAsync("safe");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/following/creators/safe", [new("follow", "true"), new("returnUrl", "//evil.example/")], "/authors/safe");

        Assert.Equal("/authors/safe", response.Headers.Location?.OriginalString);
    }

    private Task<bool> SubscribedAsync(string subscriberId, string creatorId) =>
        _app.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.SubscriberId == subscriberId && s.CreatorId == creatorId));

    private sealed record Answer(bool Following, string? CountText);
}
