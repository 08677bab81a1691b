using System.Net;
using System.Text.Json;
using Folio.Features.Audit;
using Folio.Features.Federation.Remote;
using Folio.Features.People;
using Folio.Features.Settings;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.People;

public sealed class PeopleAdminTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Trusted, "/error/403")]
    [InlineData(Persona.Moderator, "/error/403")]
    public async Task OnlyAdminsReachThePeoplePages(Persona persona, string sentTo)
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("target"));
        using var client = await _app.ClientForAsync(persona);

        foreach (var url in new[] { "/admin/people", "/admin/people?q=target", $"/admin/people/{target.UserName}" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
        }

        var formPage = persona == Persona.Anonymous ? "/signin" : "/write";
        var suspend = await client.Http.PostFormAsync($"/admin/people/{target.UserName}?handler=Suspend",
            [new("Suspend.Period", "7"), new("Suspend.Reason", "Spam")], formPage);
        Assert.Equal(sentTo, suspend.Headers.Location?.AbsolutePath);
        Assert.Null((await _app.AccountAsync(target.UserName!)).SuspendedUntil);
    }

    [Fact]
    public async Task AnUnknownUsernameIsA404()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        await admin.Http.GetHtmlAsync("/admin/people/nobody-here", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SearchFindsAccountsByUsernameEmailOrNameWithTheirRolesAndStanding()
    {
        var prefix = TestData.Unique("quokka");
        var creator = await _app.PersonWithRolesAsync(prefix + "a", "creator");
        var suspended = await _app.PersonWithRolesAsync(prefix + "b");
        var banned = await _app.PersonWithRolesAsync(prefix + "c");
        var other = await _app.PersonWithRolesAsync(TestData.Unique("wombat"));
        await _app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == creator.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
            await db.Users.Where(u => u.Id == suspended.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.SuspendedUntil, _app.Clock.UtcNow.AddDays(3)).SetProperty(u => u.SuspensionReason, "Spam"));
            await db.Users.Where(u => u.Id == banned.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Banned, true));
        });
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var byUsername = await admin.Http.GetHtmlAsync($"/admin/people?q=@{prefix.ToUpperInvariant()}");
        var items = byUsername.QuerySelectorAll(".people-item");
        Assert.Equal(3, items.Length);
        Assert.Contains("3 accounts match", byUsername.QuerySelector("[role=status]")?.TextContent);
        string Standing(string username) => items.Single(i => i.QuerySelector("a")!.GetAttribute("href") == $"/admin/people/{username}")
            .QuerySelector(".status-badge")!.TextContent;
        Assert.Equal("Active", Standing(creator.UserName!));
        Assert.StartsWith("Suspended until", Standing(suspended.UserName!));
        Assert.Equal("Banned", Standing(banned.UserName!));
        Assert.Equal(["reader", "creator"], items.Single(i => i.TextContent.Contains(creator.Email!))
            .QuerySelectorAll(".people-roles li").Select(li => li.TextContent));

        var byEmail = await admin.Http.GetHtmlAsync($"/admin/people?q={Uri.EscapeDataString(other.Email!)}");
        Assert.Equal([$"/admin/people/{other.UserName}"], byEmail.QuerySelectorAll(".people-item__name a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Unconfirmed email", byEmail.QuerySelector(".status-badge")?.TextContent);

        var byName = await admin.Http.GetHtmlAsync($"/admin/people?q=name+of+{other.UserName}");
        Assert.Single(byName.QuerySelectorAll(".people-item"));

        var none = await admin.Http.GetHtmlAsync("/admin/people?q=zzznobodyzzz");
        Assert.Contains("No account matches.", none.QuerySelector(".empty-state")?.TextContent);
    }

    [Fact]
    public async Task TheAccountsFolioKeepsForItselfAreNotListedAsPeople()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FediverseAccount>().IdAsync();
            await scope.ServiceProvider.GetRequiredService<FormerMemberAccount>().GetOrCreateAsync();
        }

        var member = await _app.PersonWithRolesAsync(TestData.Unique("member"));
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var everyone = await admin.Http.GetHtmlAsync("/admin/people");
        var listed = everyone.QuerySelectorAll(".people-item__name a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/admin/people/{member.UserName}", listed);
        Assert.DoesNotContain($"/admin/people/{FediverseAccount.UserName}", listed);
        Assert.DoesNotContain($"/admin/people/{FormerMemberAccount.UserName}", listed);
        foreach (var q in new[] { "fediverse", FediverseAccount.UserName, FormerMemberAccount.UserName, "Former member" })
        {
            var found = await admin.Http.GetHtmlAsync($"/admin/people?q={Uri.EscapeDataString(q)}");
            Assert.Empty(found.QuerySelectorAll(".people-item"));
        }
    }

    [Fact]
    public async Task TheAccountPageShowsItsStoriesCommentsReportsAndSignIns()
    {
        using var person = await _app.ClientForAsync(Persona.Creator);
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, person.User!, title: "The quiet harbour");
        await _app.Data.CommentAsync(story, person.User!, "A note about the tides at dawn.");
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var page = await admin.Http.GetHtmlAsync($"/admin/people/{person.User!.UserName}");

        Assert.Contains("(1)", page.QuerySelector("#stories-title")?.TextContent);
        Assert.Equal($"/{community.Slug}/{story.Slug}", page.QuerySelector("section[aria-labelledby=stories-title] a")?.GetAttribute("href"));
        Assert.Contains("The quiet harbour", page.QuerySelector("section[aria-labelledby=stories-title]")?.TextContent);
        Assert.Contains("A note about the tides at dawn.", page.QuerySelector("section[aria-labelledby=comments-title]")?.TextContent);
        Assert.Contains("0 reports filed by them", page.QuerySelector("section[aria-labelledby=reports-title]")?.TextContent);
        var signIns = page.QuerySelectorAll(".person-signins tbody tr");
        Assert.Single(signIns);
        Assert.Equal(["reader", "creator"], page.QuerySelectorAll(".person-roles .webhook-event").Select(r => r.TextContent));
    }

    [Fact]
    public async Task SignInsAreRecordedWithTheirAddressAndBrowserAndOnlyTheLatestFiftyAreKept()
    {
        using var person = await _app.ClientForAsync(Persona.Reader);
        var record = await _app.WithDbAsync(db => db.SignInRecords.SingleAsync(r => r.UserId == person.User!.Id));
        Assert.Equal(_app.Clock.UtcNow, record.At);
        Assert.False(string.IsNullOrEmpty(record.Address));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var history = scope.ServiceProvider.GetRequiredService<SignInHistory>();
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            http.Request.Headers.UserAgent = new string('x', 300);
            for (var i = 0; i < SignInHistory.Kept + 5; i++)
            {
                await history.RecordAsync(person.User!.Id, http, CancellationToken.None);
            }
        }

        var kept = await _app.WithDbAsync(db => db.SignInRecords.Where(r => r.UserId == person.User!.Id).ToListAsync());
        Assert.Equal(SignInHistory.Kept, kept.Count);
        Assert.DoesNotContain(kept, r => r.Id == record.Id);
        Assert.All(kept, r => Assert.Equal(SignInHistory.UserAgentLength, r.UserAgent.Length));
    }

    [Fact]
    public async Task AnAdminSuspendsForAPeriodWithAReasonAndLiftsItBothAudited()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("spammer"));
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{target.UserName}";

        var suspended = await admin.Http.PostFormAsync(url + "?handler=Suspend", [new("Suspend.Period", "7"), new("Suspend.Reason", "Posting the same link everywhere.")], url);

        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Equal(url, suspended.Headers.Location?.OriginalString);
        var stored = await _app.AccountAsync(target.UserName!);
        Assert.Equal(_app.Clock.UtcNow.AddDays(7), stored.SuspendedUntil);
        Assert.Equal("Posting the same link everywhere.", stored.SuspensionReason);
        Assert.NotEqual(target.SecurityStamp, stored.SecurityStamp);
        var page = await admin.Http.GetHtmlAsync(url);
        Assert.Contains("is suspended until", page.QuerySelector(".notice--success")?.TextContent);
        Assert.Contains("Posting the same link everywhere.", page.QuerySelector(".person-reason")?.TextContent);

        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserSuspend));
        Assert.Equal(("user", target.Id, admin.User!.Id), (entry.SubjectType, entry.SubjectId, entry.ActorId));
        Assert.Null(JsonDocument.Parse(entry.Before!).RootElement.GetProperty("suspendedUntil").GetString());
        Assert.Equal("Posting the same link everywhere.", JsonDocument.Parse(entry.After!).RootElement.GetProperty("reason").GetString());

        var lifted = await admin.Http.PostFormAsync(url + "?handler=Unsuspend", [], url);
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Null((await _app.AccountAsync(target.UserName!)).SuspendedUntil);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.UserUnsuspend && e.SubjectId == target.Id)));
    }

    [Fact]
    public async Task SuspendingUntilADateAndBanningAreRecorded()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("troll"));
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{target.UserName}";
        var date = DateOnly.FromDateTime(_app.Clock.UtcNow.AddDays(12));

        await admin.Http.PostFormAsync(url + "?handler=Suspend",
            [new("Suspend.Period", "date"), new("Suspend.Until", date.ToString("yyyy-MM-dd")), new("Suspend.Reason", "Cooling off")], url);
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), (await _app.AccountAsync(target.UserName!)).SuspendedUntil);

        var banned = await admin.Http.PostFormAsync(url + "?handler=Ban", [new("Ban.Reason", "Threats")], url);
        Assert.Equal(HttpStatusCode.Redirect, banned.StatusCode);
        var stored = await _app.AccountAsync(target.UserName!);
        Assert.Equal((true, (DateTime?)null, "Threats"), (stored.Banned, stored.SuspendedUntil, stored.SuspensionReason));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserBan));
        Assert.Equal("Cooling off", JsonDocument.Parse(entry.Before!).RootElement.GetProperty("reason").GetString());
        Assert.True(JsonDocument.Parse(entry.After!).RootElement.GetProperty("banned").GetBoolean());
        Assert.Equal("Banned", (await admin.Http.GetHtmlAsync(url)).QuerySelector(".status-badge")?.TextContent);
    }

    [Fact]
    public async Task SuspendMistakesComeBackAs400WithWhatWasTyped()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("someone"));
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{target.UserName}";

        var noReason = await admin.Http.PostFormAsync(url + "?handler=Suspend", [new("Suspend.Period", "date"), new("Suspend.Reason", " ")], url);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var form = await noReason.ReadHtmlAsync();
        Assert.Equal("Give a reason: the person sees it.", form.QuerySelector("[data-valmsg-for='Suspend.Reason']")?.TextContent);
        Assert.Equal("Choose the date the suspension ends.", form.QuerySelector("[data-valmsg-for='Suspend.Until']")?.TextContent);
        Assert.NotNull(form.QuerySelector("#period-date[checked]"));

        var oddPeriod = await admin.Http.PostFormAsync(url + "?handler=Suspend", [new("Suspend.Period", "9"), new("Suspend.Reason", "Kept text")], url);
        Assert.Equal(HttpStatusCode.BadRequest, oddPeriod.StatusCode);
        var again = await oddPeriod.ReadHtmlAsync();
        Assert.Equal("Choose 1, 7 or 30 days, or a date.", again.QuerySelector("[data-valmsg-for='Suspend.Period']")?.TextContent);
        Assert.Equal("Kept text", again.QuerySelector("textarea[name='Suspend.Reason']")?.TextContent.Trim());

        var past = await admin.Http.PostFormAsync(url + "?handler=Suspend",
            [new("Suspend.Period", "date"), new("Suspend.Until", "2001-01-01"), new("Suspend.Reason", "Late")], url);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("in the future", (await past.ReadHtmlAsync()).QuerySelector(".notice--error")?.TextContent);

        var noBanReason = await admin.Http.PostFormAsync(url + "?handler=Ban", [new("Ban.Reason", "")], url);
        Assert.Equal(HttpStatusCode.BadRequest, noBanReason.StatusCode);
        Assert.False((await _app.AccountAsync(target.UserName!)).Banned);
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task AnAdminCannotSuspendBanDeleteOrUnAdminThemselves()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{admin.User!.UserName}";

        foreach (var (handler, fields, message) in new (string, KeyValuePair<string, string>[], string)[]
        {
            ("Suspend", [new("Suspend.Period", "1"), new("Suspend.Reason", "x")], "You can't suspend your own account."),
            ("Ban", [new("Ban.Reason", "x")], "You can't ban your own account."),
            ("Delete", [new("Deletion.Confirm", admin.User.UserName!)], "You can't delete your own account."),
            ("RemoveRole", [new("role", "admin")], "You can't remove the admin role from yourself. Ask another admin to do it."),
        })
        {
            var response = await admin.Http.PostFormAsync($"{url}?handler={handler}", fields, url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{handler}: {(int)response.StatusCode}");
            Assert.Equal(message, (await response.ReadHtmlAsync()).QuerySelector(".notice--error")?.TextContent.Trim());
        }

        var me = await _app.AccountAsync(admin.User.UserName!);
        Assert.Equal((false, (DateTime?)null), (me.Banned, me.SuspendedUntil));
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task TheLastAdminCannotBeSuspendedBannedDeletedOrLoseTheRole()
    {
        var only = await _app.PersonWithRolesAsync(TestData.Unique("onlyadmin"), "admin");

        var suspend = await _app.AsOperatorAsync(only.UserName!, (p, u) => p.SuspendAsync(u, _app.Clock.UtcNow.AddDays(1), "x", null, default));
        var ban = await _app.AsOperatorAsync(only.UserName!, (p, u) => p.BanAsync(u, "x", null, default));
        var remove = await _app.AsOperatorAsync(only.UserName!, (p, u) => p.RemoveRoleAsync(u, "admin", null, default));

        Assert.Equal($"@{only.UserName} is the last admin: you can't suspend them. Make someone else an admin first.", suspend.Message);
        Assert.Equal($"@{only.UserName} is the last admin: you can't ban them. Make someone else an admin first.", ban.Message);
        Assert.Equal($"@{only.UserName} is the last admin. Make someone else an admin first.", remove.Message);
        Assert.False(suspend.Done || ban.Done || remove.Done);

        // A second admin who is banned does not count: the site would still have nobody who can act.
        var second = await _app.PersonWithRolesAsync(TestData.Unique("secondadmin"), "admin");
        Assert.True((await _app.AsOperatorAsync(second.UserName!, (p, u) => p.BanAsync(u, "Gone rogue", null, default))).Done);
        Assert.False((await _app.AsOperatorAsync(only.UserName!, (p, u) => p.BanAsync(u, "x", null, default))).Done);
    }

    [Fact]
    public async Task RolesAreGrantedAndRemovedWithTheAuditLogAndAnUnknownRoleIsRefused()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("helper"));
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{target.UserName}";

        var unknown = await admin.Http.PostFormAsync(url + "?handler=Grant", [new("Grant.Role", "wizard")], url);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.StartsWith("“wizard” is not a role.", (await unknown.ReadHtmlAsync()).QuerySelector(".notice--error")?.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync(url + "?handler=Grant", [new("Grant.Role", "trusted")], url)).StatusCode);
        var page = await admin.Http.GetHtmlAsync(url);
        Assert.Equal(["reader", "creator", "trusted"], page.QuerySelectorAll(".person-roles .webhook-event").Select(r => r.TextContent));
        Assert.Contains("is now a trusted", page.QuerySelector(".notice--success")?.TextContent);

        var reader = await admin.Http.PostFormAsync(url + "?handler=RemoveRole", [new("role", "reader")], url);
        Assert.Equal(HttpStatusCode.BadRequest, reader.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostFormAsync(url + "?handler=RemoveRole", [new("role", "creator")], url)).StatusCode);
        page = await admin.Http.GetHtmlAsync(url);
        Assert.Equal(["reader"], page.QuerySelectorAll(".person-roles .webhook-event").Select(r => r.TextContent));

        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == target.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.RoleGrant, AuditActions.RoleRemove], entries.Select(e => e.Action));
        Assert.Equal("""{"roles":["reader"]}""", entries[0].Before);
        Assert.Equal("""{"roles":["reader","creator","trusted"]}""", entries[0].After);
        Assert.Equal("""{"roles":["reader"]}""", entries[1].After);
    }

    [Fact]
    public async Task AnAdminDeletesAnAccountAfterTypingItsUsername()
    {
        var target = await _app.PersonWithRolesAsync(TestData.Unique("leaver"));
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), target, title: "Kept words");
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var url = $"/admin/people/{target.UserName}";

        var unconfirmed = await admin.Http.PostFormAsync(url + "?handler=Delete", [new("Deletion.Confirm", "someone-else")], url);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var form = await unconfirmed.ReadHtmlAsync();
        Assert.Equal($"Type {target.UserName} to confirm the deletion.", form.QuerySelector("[data-valmsg-for='Deletion.Confirm']")?.TextContent);
        Assert.Equal("Choose whether their stories are deleted or kept.", form.QuerySelector("[data-valmsg-for='Deletion.Stories']")?.TextContent);
        Assert.Equal("someone-else", form.QuerySelector("input[name='Deletion.Confirm']")?.GetAttribute("value"));

        var deleted = await admin.Http.PostFormAsync(url + "?handler=Delete",
            [new("Deletion.Confirm", target.UserName!), new("Deletion.Stories", "KeepAnonymously")], url);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/people", deleted.Headers.Location?.OriginalString);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == target.Id)));
        Assert.True(await _app.WithDbAsync(db => db.Stories.AnyAsync(s => s.Id == story.Id)));
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDelete));
        Assert.Equal((target.Id, (string?)null), (entry.SubjectId, entry.After));
        Assert.Contains(target.UserName!, entry.Before);
        await admin.Http.GetHtmlAsync(url, HttpStatusCode.NotFound);
    }
}
