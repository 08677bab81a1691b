using System.Net;
using Folio.Features.Webhooks;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Webhooks;

public sealed class WebhookAdminTests : IDisposable
{
    private readonly FolioApp _app = WebhookSteps.NewApp();
    private readonly WebhookReceiver _receiver = new();

    public void Dispose()
    {
        _app.Dispose();
        _receiver.Dispose();
    }

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Trusted, "/error/403")]
    [InlineData(Persona.Moderator, "/error/403")]
    public async Task OnlyAdminsReachTheWebhookPages(Persona persona, string sentTo)
    {
        var webhook = await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished]);
        using var client = await _app.ClientForAsync(persona);

        foreach (var url in new[] { "/admin/webhooks", "/admin/webhooks/new", $"/admin/webhooks/{webhook.Id}", $"/admin/webhooks/{webhook.Id}/deliveries" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
        }

        var formPage = persona == Persona.Anonymous ? "/signin" : "/write";
        var delete = await client.Http.PostFormAsync($"/admin/webhooks/{webhook.Id}?handler=Delete", [], formPage);
        Assert.Equal(sentTo, delete.Headers.Location?.AbsolutePath);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Webhooks.CountAsync()));
        Assert.Null((await client.Http.GetHtmlAsync("/")).QuerySelector(".account-nav a[href='/admin/webhooks']"));
    }

    [Fact]
    public async Task AnAdminAddsAWebhookAndMistakesComeBackWithWhatWasTyped()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var list = await admin.Http.GetHtmlAsync("/");
        Assert.Equal("Admin", list.QuerySelector(".account-nav a[href='/admin']")?.TextContent);
        var empty = await admin.Http.GetHtmlAsync("/admin/webhooks");
        Assert.Contains("No webhooks yet.", empty.QuerySelector(".empty-state")?.TextContent);
        Assert.Equal("page", empty.QuerySelector(".admin-header a[href='/admin/webhooks']")?.GetAttribute("aria-current"));

        var badUrl = await admin.Http.PostFormAsync("/admin/webhooks/new",
            [new("Input.Url", "ftp://example.org/hook"), new("Input.Events", "comment.added"), new("Input.Events", "member.added"), new("Input.Description", "Chat bot")],
            "/admin/webhooks/new");
        Assert.Equal(HttpStatusCode.BadRequest, badUrl.StatusCode);
        var form = await badUrl.ReadHtmlAsync();
        Assert.Contains("full http:// or https:// address", form.QuerySelector("[data-valmsg-for='Input.Url']")?.TextContent);
        Assert.Equal("ftp://example.org/hook", form.QuerySelector("input[name='Input.Url']")?.GetAttribute("value"));
        Assert.Equal("Chat bot", form.QuerySelector("input[name='Input.Description']")?.GetAttribute("value"));
        Assert.Equal(["comment.added", "member.added"], form.QuerySelectorAll("input[name='Input.Events'][checked]").Select(i => i.GetAttribute("value")));

        var noEvents = await (await admin.Http.PostFormAsync("/admin/webhooks/new", [new("Input.Url", _receiver.Url)], "/admin/webhooks/new")).ReadHtmlAsync();
        Assert.Equal("Choose at least one event to send.", noEvents.QuerySelector("[data-valmsg-for='Input.Events']")?.TextContent);
        Assert.Equal(_receiver.Url, noEvents.QuerySelector("input[name='Input.Url']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Webhooks.CountAsync()));

        var added = await admin.Http.PostFormAsync("/admin/webhooks/new",
            [new("Input.Url", $" {_receiver.Url} "), new("Input.Events", "member.added"), new("Input.Events", "story.published"), new("Input.Description", "Chat bot")],
            "/admin/webhooks/new");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Webhooks.SingleAsync());
        Assert.Equal($"/admin/webhooks/{stored.Id}", added.Headers.Location?.OriginalString);
        Assert.Equal((_receiver.Url, "Chat bot", true), (stored.Url, stored.Description, stored.Active));
        Assert.Equal(["story.published", "member.added"], stored.Events);
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", stored.Secret);

        var page = await admin.Http.GetHtmlAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("Webhook added.", page.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal(stored.Secret, page.QuerySelector("code.webhook-secret")?.TextContent);
        Assert.Contains("X-Folio-Timestamp", page.QuerySelector(".webhook-signing")?.TextContent);

        var item = (await admin.Http.GetHtmlAsync("/admin/webhooks")).QuerySelector(".webhook-item")!;
        Assert.Equal(_receiver.Url, item.QuerySelector(".webhook-item__url a")?.TextContent);
        Assert.Equal(["story.published", "member.added"], item.QuerySelectorAll(".webhook-events .webhook-event").Select(e => e.TextContent));
        Assert.Equal("Nothing sent yet", item.QuerySelector(".webhook-item__side .muted")?.TextContent);
    }

    [Fact]
    public async Task AnAdminEditsRotatesPingsAndDeletesAWebhook()
    {
        var webhook = await _app.WebhookAsync(_receiver.Url, [WebhookEvents.StoryPublished]);
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/webhooks/{webhook.Id}";

        var bad = await admin.Http.PostFormAsync(url, [new("Input.Url", "not a url"), new("Input.Events", "story.updated"), new("Input.Active", "false")], url);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var form = await bad.ReadHtmlAsync();
        Assert.Equal("not a url", form.QuerySelector("input[name='Input.Url']")?.GetAttribute("value"));
        Assert.Equal(["story.updated"], form.QuerySelectorAll("input[name='Input.Events'][checked]").Select(i => i.GetAttribute("value")));
        Assert.Null(form.QuerySelector("input[name='Input.Active'][checked]"));

        var disabled = await admin.Http.PostFormAsync(url,
            [new("Input.Url", _receiver.Url), new("Input.Events", "comment.added"), new("Input.Events", "story.updated"), new("Input.Description", "Edited"), new("Input.Active", "false")], url);
        Assert.Equal(url, disabled.Headers.Location?.OriginalString);
        var stored = await _app.WithDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync());
        Assert.Equal(["story.updated", "comment.added"], stored.Events);
        Assert.Equal(("Edited", false), (stored.Description, stored.Active));

        await admin.Http.PostFormAsync($"{url}?handler=Ping", [], url);
        Assert.Contains("disabled", (await admin.Http.GetHtmlAsync(url)).QuerySelector(".notice--success")?.TextContent);
        Assert.Empty(await _app.DeliveriesAsync());

        await admin.Http.PostFormAsync(url, [new("Input.Url", _receiver.Url), new("Input.Events", "comment.added"), new("Input.Active", "true")], url);
        var rotated = await admin.Http.PostFormAsync($"{url}?handler=Rotate", [], url);
        Assert.Equal(url, rotated.Headers.Location?.OriginalString);
        var secret = await _app.WithDbAsync(db => db.Webhooks.Select(w => w.Secret).SingleAsync());
        Assert.NotEqual(WebhookSteps.Secret, secret);
        Assert.Equal(secret, (await admin.Http.GetHtmlAsync(url)).QuerySelector("code.webhook-secret")?.TextContent);

        var pinged = await admin.Http.PostFormAsync($"{url}?handler=Ping", [], url);
        Assert.Equal($"{url}/deliveries", pinged.Headers.Location?.OriginalString);
        var ping = await _receiver.WaitForAsync(WebhookEvents.Ping);
        Assert.True(ping.IsSignedWith(secret), "signed with the new secret");
        Assert.False(ping.IsSignedWith(WebhookSteps.Secret));
        Assert.Equal(webhook.Id, ping.Data("ping").GetProperty("webhookId").GetInt32());
        await _app.WaitUntilFinishedAsync(ping.DeliveryId);
        var log = await admin.Http.GetHtmlAsync($"{url}/deliveries");
        Assert.Equal("ping", log.QuerySelector(".delivery .webhook-event")?.TextContent);
        Assert.Equal("Delivered", log.QuerySelector(".delivery .status-badge")?.TextContent);

        var deleted = await admin.Http.PostFormAsync($"{url}?handler=Delete", [], url);
        Assert.Equal("/admin/webhooks", deleted.Headers.Location?.OriginalString);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Webhooks.CountAsync()));
        Assert.Empty(await _app.DeliveriesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheDeliveryLogShowsNewestFirstWithPayloadsAndSendsAFinishedDeliveryAgain()
    {
        using var app = WebhookSteps.NewApp(new() { ["Folio:Webhooks:MaxAttempts"] = "1" });
        await app.PauseWebhookWorkerAsync();
        using var admin = await app.ClientForAsync(Persona.Admin);
        var webhook = await app.WebhookAsync(_receiver.Url, [WebhookEvents.MemberAdded]);
        var url = $"/admin/webhooks/{webhook.Id}/deliveries";
        _receiver.FailNext(1);
        await app.Data.PersonAsync("first-member");
        await app.DispatchAsync();
        for (var i = 0; i < 25; i++)
        {
            await app.Data.PersonAsync($"later{i}");
        }

        while (await app.DispatchAsync() > 0)
        {
        }

        var newest = await admin.Http.GetHtmlAsync(url);
        var items = newest.QuerySelectorAll(".delivery");
        Assert.Equal(25, items.Length);
        Assert.Contains("\"username\": \"later24\"", items[0].QuerySelector(".delivery__payload pre")?.TextContent);
        Assert.Equal("Delivered", items[0].QuerySelector(".status-badge")?.TextContent);
        Assert.Contains("answered 204", items[0].QuerySelector(".delivery__facts")?.TextContent);
        Assert.Equal("Page 1 of 2", newest.QuerySelector(".pager__status")?.TextContent);

        var oldest = (await admin.Http.GetHtmlAsync(url + "?page=2")).QuerySelector(".delivery")!;
        Assert.Contains("\"username\": \"first-member\"", oldest.QuerySelector(".delivery__payload pre")?.TextContent);
        Assert.Equal("Abandoned", oldest.QuerySelector(".status-badge")?.TextContent);
        Assert.Contains("The receiver answered 500", oldest.QuerySelector(".delivery__error")?.TextContent);
        var sendAgain = oldest.QuerySelector("form.delivery__again")!.GetAttribute("action")!;

        var again = await admin.Http.PostFormAsync(sendAgain, [], url + "?page=2");
        Assert.Equal(url, again.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.DispatchAsync());
        var resent = _receiver.Received[^1];
        Assert.Contains("first-member", resent.Text);
        Assert.Equal(_receiver.Received[0].DeliveryId, resent.DeliveryId);
        var top = (await admin.Http.GetHtmlAsync(url)).QuerySelector(".delivery")!;
        Assert.Equal("Delivered", top.QuerySelector(".status-badge")?.TextContent);
        Assert.Contains(resent.DeliveryId, top.QuerySelector(".delivery__payload summary")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(url + "?page=9")).StatusCode);
    }
}
