using System.Net;
using Folio.Features.Audit;
using Folio.Features.Stories;
using Folio.Features.Webhooks;
using Folio.Tests.Comments;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Folio.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Audit;

/// <summary>The actions that existed before the log, each writing its entry with the right actor, summary, before and after.</summary>
public sealed class AuditRecordingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AModeratorsApprovalAndSendBackAreStoryDecisions()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var approved = await _app.Data.StoryAsync(community, author, "The river at dawn", status: StoryStatus.Pending);
        var sentBack = await _app.Data.StoryAsync(community, author, "The ferry", status: StoryStatus.Pending);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(approved, approve: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(sentBack, approve: false)).StatusCode);

        var entries = await _app.AuditEntriesAsync(AuditActions.StoryDecision);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(moderator.User!.Id, e.ActorId));
        Assert.All(entries, e => Assert.Equal($"{moderator.User!.DisplayName} (@{moderator.User.UserName})", e.ActorName));
        Assert.Equal(("story", approved.Id.ToString(), "Approved “The river at dawn”"), (entries[0].SubjectType, entries[0].SubjectId, entries[0].Summary));
        Assert.Equal("Pending", AuditSteps.Json(entries[0].Before).GetProperty("status").GetString());
        Assert.Equal("Published", AuditSteps.Json(entries[0].After).GetProperty("status").GetString());
        Assert.Equal("Sent back “The ferry”", entries[1].Summary);
        var after = AuditSteps.Json(entries[1].After);
        Assert.Equal("SentBack", after.GetProperty("status").GetString());
        Assert.Equal("Below quality standards", after.GetProperty("reasons")[0].GetString());
        Assert.Equal("More about the river.", after.GetProperty("note").GetString());
    }

    [Fact]
    public async Task AModeratorRemovingACommentIsRecordedOnce()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Talked about");
        var commenter = await _app.Data.PersonAsync("sam");
        var comment = await _app.Data.CommentAsync(story, commenter, "Buy cheap watches");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.ActOnCommentAsync(comment.Id, "Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Http.ActOnCommentAsync(comment.Id, "Remove")).StatusCode);

        var entry = Assert.Single(await _app.AuditEntriesAsync(AuditActions.CommentRemove));
        Assert.Equal(moderator.User!.Id, entry.ActorId);
        Assert.Equal(("comment", comment.Id.ToString()), (entry.SubjectType, entry.SubjectId));
        Assert.Equal("Removed a comment by @sam on “Talked about”", entry.Summary);
        Assert.Equal("Shown", AuditSteps.Json(entry.Before).GetProperty("state").GetString());
        Assert.Equal("Removed", AuditSteps.Json(entry.After).GetProperty("state").GetString());
        using var moderatorsLog = await _app.ClientForAsync(Persona.Moderator);
        var row = (await moderatorsLog.Http.GetHtmlAsync("/admin/audit")).QuerySelector($"#entry-{entry.Id}");
        Assert.Equal($"/comments/{comment.Id}", row?.QuerySelector(".audit-entry__subject a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task WebhookChangesAreRecordedWithoutTheSecret()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var added = await admin.Http.PostFormAsync("/admin/webhooks/new",
            [new("Input.Url", "https://example.org/hook"), new("Input.Events", WebhookEvents.StoryPublished), new("Input.Description", "Chat bot")], "/admin/webhooks/new");
        var webhook = await _app.WithDbAsync(db => db.Webhooks.AsNoTracking().SingleAsync());
        var (id, secret) = (webhook.Id, webhook.Secret);
        var url = $"/admin/webhooks/{id}";
        List<KeyValuePair<string, string>> Fields(bool active, string description)
        {
            // As a browser sends the checkbox: "true" when ticked, and the tag helper's hidden "false" either way.
            List<KeyValuePair<string, string>> fields =
                [new("Input.Url", "https://example.org/hook"), new("Input.Events", WebhookEvents.StoryPublished), new("Input.Description", description)];
            if (active)
            {
                fields.Add(new("Input.Active", "true"));
            }

            fields.Add(new("Input.Active", "false"));
            return fields;
        }

        await admin.Http.PostFormAsync(url, Fields(true, "Chat bot, renamed"), url);
        await admin.Http.PostFormAsync(url, Fields(false, "Chat bot, renamed"), url);
        await admin.Http.PostFormAsync(url, Fields(true, "Chat bot, renamed"), url);
        await admin.Http.PostFormAsync(url, Fields(true, "Chat bot, renamed"), url);
        await admin.Http.PostFormAsync($"{url}?handler=Delete", [], url);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var entries = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == "webhook").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.WebhookCreate, AuditActions.WebhookEdit, AuditActions.WebhookDisable, AuditActions.WebhookEnable, AuditActions.WebhookDelete],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((admin.User!.Id, id.ToString()), (e.ActorId, e.SubjectId)));
        Assert.Equal("Added a webhook for https://example.org/hook", entries[0].Summary);
        Assert.Null(entries[0].Before);
        Assert.Equal("Chat bot", AuditSteps.Json(entries[0].After).GetProperty("description").GetString());
        Assert.Equal([new AuditChange("description", "Chat bot", "Chat bot, renamed")], AuditChanges.Of(entries[1].Before, entries[1].After));
        Assert.Equal([new AuditChange("active", "yes", "no")], AuditChanges.Of(entries[2].Before, entries[2].After));
        Assert.Equal("Deleted the webhook for https://example.org/hook", entries[4].Summary);
        Assert.Null(entries[4].After);
        Assert.DoesNotContain(entries, e => $"{e.Before}{e.After}".Contains(secret, StringComparison.Ordinal));
    }
}
