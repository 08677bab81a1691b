using System.Net;
using AngleSharp.Html.Dom;
using Folio.Features.Audit;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Audit;

public sealed class AuditPageTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string[] Summaries(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".audit-entry__summary").Select(s => s.TextContent.Trim())];

    [Theory]
    [InlineData(Persona.Anonymous, "/signin")]
    [InlineData(Persona.Reader, "/error/403")]
    [InlineData(Persona.Creator, "/error/403")]
    [InlineData(Persona.Trusted, "/error/403")]
    public async Task OnlyModeratorsAndAdminsReachTheLog(Persona persona, string sentTo)
    {
        using var client = await _app.ClientForAsync(persona);

        var response = await client.Http.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sentTo, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AdminsSeeEverythingAndModeratorsOnlyWhatConcernsModeration()
    {
        await _app.AuditEntryAsync(AuditActions.WebhookCreate, "webhook", "7", "Added a webhook for https://example.org/hook");
        await _app.AuditEntryAsync(AuditActions.StoryDecision, "story", "3", "Approved “The river”");
        await _app.AuditEntryAsync(AuditActions.CommentRemove, "comment", "5", "Removed a comment by @sam on “The river”");
        using var admin = await _app.ClientForAsync(Persona.Admin);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var all = await admin.Http.GetHtmlAsync("/admin/audit");
        var moderation = await moderator.Http.GetHtmlAsync("/admin/audit");
        var asked = await moderator.Http.GetAsync("/admin/audit?action=webhook.create");

        Assert.Equal(["Removed a comment by @sam on “The river”", "Approved “The river”", "Added a webhook for https://example.org/hook"], Summaries(all));
        Assert.Equal("page", all.QuerySelector(".admin-header a[href='/admin/audit']")?.GetAttribute("aria-current"));
        Assert.NotNull(all.QuerySelector("#audit-action option[value='webhook.create']"));
        Assert.Equal(["Removed a comment by @sam on “The river”", "Approved “The river”"], Summaries(moderation));
        Assert.Null(moderation.QuerySelector("#audit-action option[value='webhook.create']"));
        Assert.Null(moderation.QuerySelector(".admin-header a[href='/admin/webhooks']"));
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Empty(Summaries(await asked.ReadHtmlAsync()));
    }

    [Fact]
    public async Task EachEntryShowsWhoWhenWhatAndTheChangedFieldsWithALinkToTheSubject()
    {
        var community = await _app.Data.CommunityAsync("night-owls", "Night Owls");
        await _app.AuditEntryAsync(AuditActions.CommunityEdit, "community", community.Id.ToString(), "Edited the community Night Owls",
            new { name = "Owls", tagline = "After dark." }, new { name = "Night Owls", tagline = "After dark." }, at: new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc));
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var entry = (await admin.Http.GetHtmlAsync("/admin/audit")).QuerySelector(".audit-entry")!;

        Assert.Equal("Community edited", entry.QuerySelector(".audit-entry__action")?.TextContent.Trim());
        Assert.Equal("Ada Admin (@ada)", entry.QuerySelector(".audit-entry__actor a")?.TextContent.Trim());
        Assert.Equal("/admin/audit?actor=ada", entry.QuerySelector(".audit-entry__actor a")?.GetAttribute("href"));
        Assert.Equal("2026-03-02T09:30:00Z", entry.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal("/night-owls", entry.QuerySelector(".audit-entry__subject a")?.GetAttribute("href"));
        var rows = entry.QuerySelectorAll(".audit-changes tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["name", "Owls", "Night Owls"]], rows);
    }

    [Fact]
    public async Task FiltersNarrowByActionActorSubjectAndDates()
    {
        var ada = await _app.Data.PersonAsync("ada", "Ada Admin");
        var day = new DateTime(2026, 5, 10, 12, 0, 0, DateTimeKind.Utc);
        await _app.AuditEntryAsync(AuditActions.WebhookCreate, "webhook", "1", "Ada added a webhook", actorId: ada.Id, at: day);
        await _app.AuditEntryAsync(AuditActions.WebhookDelete, "webhook", "1", "Ada deleted a webhook", actorId: ada.Id, at: day.AddDays(2));
        await _app.AuditEntryAsync(AuditActions.CommunityCreate, "community", "4", "The command line made a community",
            actorName: AuditLog.CommandLineActor, at: day.AddDays(1));
        using var admin = await _app.ClientForAsync(Persona.Admin);

        async Task<string[]> Filter(string query) => Summaries(await admin.Http.GetHtmlAsync("/admin/audit?" + query));

        Assert.Equal(["Ada added a webhook"], await Filter("action=webhook.create"));
        Assert.Equal(["Ada deleted a webhook", "Ada added a webhook"], await Filter("actor=ada"));
        Assert.Equal(["Ada deleted a webhook", "Ada added a webhook"], await Filter("actor=%40ADA"));
        Assert.Equal(["The command line made a community"], await Filter("actor=Command+line"));
        Assert.Equal(["Ada deleted a webhook", "Ada added a webhook"], await Filter("subjectType=webhook&subject=1"));
        Assert.Equal(["The command line made a community"], await Filter("subjectType=community"));
        Assert.Equal(["The command line made a community", "Ada added a webhook"], await Filter("from=2026-05-10&to=2026-05-11"));
        Assert.Equal(["Ada deleted a webhook"], await Filter("from=2026-05-12"));
        Assert.Empty(await Filter("actor=nobody"));
    }

    [Theory]
    [InlineData("from=yesterday", "from", "Enter a date like 2026-12-31.")]
    [InlineData("from=2026-05-12&to=2026-05-10", "to", "The end date is before the start date.")]
    [InlineData("subject=12", "subjectType", "Choose what kind of subject the id is for.")]
    [InlineData("action=made.up", "action", "Choose an action from the list.")]
    public async Task AFilterThatCantBeUsedAnswers400AndKeepsWhatWasTyped(string query, string field, string message)
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var response = await admin.Http.GetAsync("/admin/audit?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(message, page.QuerySelector($"#audit-{field}-error")?.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector($"[name='{field}']")?.GetAttribute("aria-invalid"));
        if (query.StartsWith("from=yesterday"))
        {
            Assert.Equal("yesterday", page.QuerySelector("#audit-from")?.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task PagesGoByIdNewestFirstAndKeepTheFilter()
    {
        for (var i = 1; i <= AuditPageModel.PageSize + 5; i++)
        {
            await _app.AuditEntryAsync(AuditActions.CommunityEdit, "community", "9", $"Edit {i}");
        }

        await _app.AuditEntryAsync(AuditActions.CommunityEdit, "community", "10", "Another community");
        using var admin = await _app.ClientForAsync(Persona.Admin);

        var first = await admin.Http.GetHtmlAsync("/admin/audit?subjectType=community&subject=9");
        var older = first.QuerySelector(".pager a[rel='next']")?.GetAttribute("href");
        var second = await admin.Http.GetHtmlAsync(older!);
        var newer = second.QuerySelector(".pager a[rel='prev']")?.GetAttribute("href");
        var back = await admin.Http.GetHtmlAsync(newer!);

        Assert.Equal(AuditPageModel.PageSize, Summaries(first).Length);
        Assert.Equal($"Edit {AuditPageModel.PageSize + 5}", Summaries(first)[0]);
        Assert.Null(first.QuerySelector(".pager a[rel='prev']"));
        Assert.Contains("subjectType=community", older);
        Assert.Contains("subject=9", older);
        Assert.Equal(["Edit 5", "Edit 4", "Edit 3", "Edit 2", "Edit 1"], Summaries(second));
        Assert.Null(second.QuerySelector(".pager a[rel='next']"));
        Assert.Equal(Summaries(first), Summaries(back));
        Assert.Equal(AuditPageModel.PageSize, Summaries(await admin.Http.GetHtmlAsync("/admin/audit?before=banana&subjectType=community&subject=9")).Length);
    }
}
