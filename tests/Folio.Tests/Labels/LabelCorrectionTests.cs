using System.Net;
using Folio.Features.Audit;
using Folio.Features.Labels;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Folio.Tests.Labels;

public sealed class LabelCorrectionTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string Review(Story story) => $"/moderation/stories/{story.Id}";

    [Fact]
    public async Task AModeratorCorrectsTheLabelsAndTheAuthorSeesTheChangeAndTheReason()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, "Needs A Warning");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var form = await moderator.Http.GetHtmlAsync(Review(story));
        Assert.NotNull(form.QuerySelector("#correct-making-written-by-a-person[checked]"));
        var corrected = await moderator.Http.PostFormAsync($"{Review(story)}?handler=Labels",
            [new("LabelsMaking", "ai-generated"), new("LabelsWarnings", "violence"), new("LabelsWarningNote", ""), new("LabelsReason", "The fight in part two is graphic.")],
            Review(story));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Stories.FirstAsync(s => s.Id == story.Id));
        Assert.Equal(new StoryLabelSet(StoryMaking.AiGenerated, ContentWarnings.Violence, null), stored.Labels);
        Assert.Equal("The fight in part two is graphic.", stored.LabelsCorrectionReason);

        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.StoryLabels && e.SubjectId == story.Id.ToString()));
        Assert.Equal(moderator.User!.Id, audit.ActorId);

        var notifications = await author.Http.GetHtmlAsync("/notifications");
        var line = notifications.QuerySelector($"[data-kind={NotificationKind.LabelsCorrected}]")!;
        Assert.Contains("A moderator changed the labels of “Needs A Warning”", line.TextContent);
        var opened = await author.Http.GetAsync(line.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"/stories/{story.Id}/edit", opened.Headers.Location?.OriginalString);

        var editor = await author.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Contains("The fight in part two is graphic.", editor.QuerySelector("[data-labels-corrected]")?.TextContent);
        Assert.NotNull(editor.QuerySelector("#editor-making-ai-generated[checked]"));
        Assert.NotNull(editor.QuerySelector("#editor-warning-violence[checked]"));

        var page = await _app.GetPageAsync(StoryLinks.Path(community.Slug, story.Slug));
        Assert.Contains("Violence", page.QuerySelector("header .story-labels")?.TextContent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACorrectionEmailsTheAuthorTheChangeAndTheReasonWhenTheyAskedForReviewEmails(bool emailOnReview)
    {
        var worker = await _app.PauseMailAsync();
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        await _app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(author.User!.Id))!.EmailOnReview = emailOnReview;
            await db.SaveChangesAsync();
        });
        var story = await _app.Data.StoryAsync(community, author.User!, "Quiet Harbour");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var corrected = await moderator.Http.PostFormAsync($"{Review(story)}?handler=Labels",
            [new("LabelsMaking", "ai-assisted-editing"), new("LabelsWarnings", "strong-language"), new("LabelsReason", "The captain swears a lot.")],
            Review(story));
        await worker.ProcessDueAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.NotNull((await author.Http.GetHtmlAsync("/notifications")).QuerySelector($"[data-kind={NotificationKind.LabelsCorrected}]"));
        if (!emailOnReview)
        {
            Assert.Empty(_app.Outbox());
            return;
        }

        var message = await MimeMessage.LoadAsync(Assert.Single(_app.Outbox()));
        Assert.Equal("A moderator changed the labels of “Quiet Harbour”", message.Subject);
        Assert.Equal(author.User!.Email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Before: Written by a person; no warnings", message.TextBody);
        Assert.Contains("Now: AI-assisted editing; warnings: Strong language", message.TextBody);
        Assert.Contains("The captain swears a lot.", message.TextBody);
        Assert.Contains($"/stories/{story.Id}/edit", message.TextBody);
    }

    [Fact]
    public async Task ACorrectionNeedsAReasonAndKnownLabels()
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Corrected Badly");
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var noReason = await moderator.Http.PostFormAsync($"{Review(story)}?handler=Labels",
            [new("LabelsMaking", "written-by-a-person"), new("LabelsWarnings", "abuse"), new("LabelsReason", "")], Review(story));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var form = await noReason.ReadHtmlAsync();
        Assert.Contains("Say why you changed the labels", form.QuerySelector("[data-valmsg-for=LabelsReason]")?.TextContent);
        Assert.NotNull(form.QuerySelector("#correct-warning-abuse[checked]"));
        Assert.NotNull(form.QuerySelector("details.review-labels__correct[open]"));

        var unknown = await moderator.Http.PostFormAsync($"{Review(story)}?handler=Labels",
            [new("LabelsMaking", "written-by-a-person"), new("LabelsWarnings", "gore"), new("LabelsReason", "Gory.")], Review(story));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("“gore” isn’t a content warning", (await unknown.ReadHtmlAsync()).QuerySelector("[data-valmsg-for=LabelsWarnings]")?.TextContent);

        Assert.Equal(StoryLabelSet.None, (await _app.WithDbAsync(db => db.Stories.FirstAsync(s => s.Id == story.Id))).Labels);
        Assert.False(await _app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == story.Id)));
    }

    [Fact]
    public async Task OnlyModeratorsCorrectLabels()
    {
        var community = await _app.Data.CommunityAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, "Not For Authors");

        var response = await author.Http.PostFormAsync($"{Review(story)}?handler=Labels",
            [new("LabelsMaking", "written-by-a-person"), new("LabelsReason", "Mine.")], $"/stories/{story.Id}/edit");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(Review(story), response.Headers.Location?.OriginalString);
        Assert.Equal(StoryLabelSet.None, (await _app.WithDbAsync(db => db.Stories.FirstAsync(s => s.Id == story.Id))).Labels);
    }
}
