using System.Net;
using Folio.Features.Newsletters;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Newsletters;

public sealed class EmailSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheDefaultTheTimeZoneEachFollowAndTheNotificationEmailsAreSavedInOneForm()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var creator = await _app.ReaderAsync("Maya Ortiz");
        var community = await _app.Data.CommunityAsync(name: "Rivers");
        await _app.SubscribeAsync(reader.User!, creator);
        await _app.FollowAsync(reader.User!, community, Delivery.Weekly);

        var page = await reader.Http.GetHtmlAsync("/settings/email");

        Assert.Equal("page", page.QuerySelector(".settings-nav a[href='/settings/email']")?.GetAttribute("aria-current"));
        Assert.Equal("Immediately", page.QuerySelector("input[name='Input.Delivery'][checked]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name='Input.TimeZone'] option[value='Europe/Lisbon']"));
        Assert.Equal("Maya Ortiz", page.QuerySelector("label[for='creators-0']")?.TextContent.Trim());
        Assert.Equal("Default", page.QuerySelector("#creators-0 option[selected]")?.GetAttribute("value"));
        Assert.Equal("Weekly", page.QuerySelector("#communities-0 option[selected]")?.GetAttribute("value"));
        Assert.Contains("Daily digests arrive at 08:00 your time; weekly ones on Mondays.", page.QuerySelector("#delivery-hint")?.TextContent);

        var saved = await reader.Http.PostFormAsync("/settings/email", Form("Daily", "Europe/Lisbon", creator.Id, "Never", community.Id.ToString(), "Default", reply: "false"), "/settings/email");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await reader.Http.GetHtmlAsync("/settings/email");
        Assert.Equal("Your email choices are saved.", after.QuerySelector(".notice--success")?.TextContent.Trim());
        Assert.Equal("Daily", after.QuerySelector("input[name='Input.Delivery'][checked]")?.GetAttribute("value"));
        Assert.Equal("Europe/Lisbon", after.QuerySelector("select[name='Input.TimeZone'] option[selected]")?.GetAttribute("value"));
        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id)
            .Select(u => new { u.NewsletterDelivery, u.TimeZone, u.EmailOnReply, u.EmailOnReview }).SingleAsync());
        Assert.Equal(new { NewsletterDelivery = Delivery.Daily, TimeZone = (string?)"Europe/Lisbon", EmailOnReply = false, EmailOnReview = true }, stored);
        Assert.Equal(Delivery.Never, await _app.SubscriptionDeliveryAsync(reader.User!, creator));
        Assert.Null(await _app.WithDbAsync(db => db.CommunityFollows.Where(f => f.UserId == reader.User!.Id).Select(f => f.Delivery).SingleAsync()));
    }

    [Fact]
    public async Task UnknownChoicesZonesAndSomeoneElsesFollowsAreShownAgainWithWhatToFix()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var creator = await _app.ReaderAsync("Maya Ortiz");
        var stranger = await _app.ReaderAsync("Not Followed");
        await _app.SubscribeAsync(reader.User!, creator);
        await _app.SubscribeAsync(stranger, creator);

        var cases = new (List<KeyValuePair<string, string>> Form, string Field, string Message)[]
        {
            (Form("Hourly", "Europe/Lisbon", creator.Id, "Default"), "Input.Delivery", "Choose how new stories reach you"),
            (Form("Daily", "Mars/Olympus_Mons", creator.Id, "Default"), "Input.TimeZone", "Choose your time zone from the list."),
            (Form("Daily", "Europe/Lisbon", creator.Id, "Sometimes"), "Input.Creators", "Choose Default, Immediately"),
            (Form("Daily", "Europe/Lisbon", stranger.Id, "Never"), "Input.Creators", "a creator you don’t subscribe to"),
            (Form("Daily", "Europe/Lisbon", creator.Id, "Default", "12345", "Never"), "Input.Communities", "a community you don’t follow"),
            (Form("Daily", "Europe/Lisbon", creator.Id, "Default", reply: "maybe"), "Input.EmailOnReply", ""),
        };

        foreach (var (form, field, message) in cases)
        {
            var response = await reader.Http.PostFormAsync("/settings/email", form, "/settings/email");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            var error = page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
            Assert.True(error.Length > 0 && error.Contains(message, StringComparison.Ordinal), $"{field}: “{error}”");
            Assert.Equal(form[0].Value == "Daily" ? "Daily" : null, page.QuerySelector("input[name='Input.Delivery'][checked]")?.GetAttribute("value"));
        }

        var stored = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.User!.Id).Select(u => new { u.NewsletterDelivery, u.TimeZone }).SingleAsync());
        Assert.Equal(new { NewsletterDelivery = Delivery.Immediately, TimeZone = (string?)null }, stored);
        Assert.Null(await _app.SubscriptionDeliveryAsync(stranger, creator));
    }

    [Fact]
    public async Task AStoppedAddressIsExplainedAndTheAccountPageLinksHere()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await _app.WithDbAsync(async db =>
        {
            var user = (await db.Users.FindAsync(reader.User!.Id))!;
            user.EmailStoppedAt = _app.Clock.UtcNow;
            user.LastEmailFailure = "550 No such mailbox";
            await db.SaveChangesAsync();
        });

        var page = await reader.Http.GetHtmlAsync("/settings/email");

        Assert.Contains("550 No such mailbox", page.QuerySelector(".notice--error")?.TextContent);
        Assert.NotNull((await reader.Http.GetHtmlAsync("/settings/account")).QuerySelector("main a[href='/settings/email'], .settings-section a[href='/settings/email']"));
    }

    private static List<KeyValuePair<string, string>> Form(
        string delivery, string zone, string creatorId, string creatorChoice, string? communityId = null, string? communityChoice = null, string reply = "true")
    {
        List<KeyValuePair<string, string>> form =
        [
            new("Input.Delivery", delivery), new("Input.TimeZone", zone),
            new("Input.EmailOnReply", reply), new("Input.EmailOnReview", "true"),
            new("Input.Creators[0].Id", creatorId), new("Input.Creators[0].Delivery", creatorChoice),
        ];
        if (communityId is not null)
        {
            form.Add(new("Input.Communities[0].Id", communityId));
            form.Add(new("Input.Communities[0].Delivery", communityChoice!));
        }

        return form;
    }
}
