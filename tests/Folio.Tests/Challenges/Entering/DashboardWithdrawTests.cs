using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Entering;

/// <summary>The author's dashboard lists their entries in open challenges, each with a button that withdraws it until the close.</summary>
public sealed class DashboardWithdrawTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<int> EnterAsync(SignedInClient author, Community community, Challenge challenge, string title)
    {
        var fields = StoryForms.Fields(community.Slug, title, handler: "Publish");
        fields["Input.Challenge"] = challenge.Slug;
        fields["Input.ChallengeOffered"] = "true";
        return (await author.Http.PostStoryAsync(fields)).StoryId();
    }

    private Task<HttpResponseMessage> WithdrawAsync(SignedInClient author, int storyId) =>
        author.Http.PostFormAsync("/me/stories?handler=WithdrawEntry", new() { ["id"] = storyId.ToString() }, "/me/stories");

    [Fact]
    public async Task TheDashboardListsEntriesInOpenChallengesAndItsButtonWithdrawsAHeldEntryToADraft()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        var closed = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var id = await EnterAsync(author, community, challenge, "Lamplight Listed");
        var late = await EnterAsync(author, community, closed, "Lamplight Too Late");
        await _app.WithDbAsync(db => db.Challenges.Where(c => c.Id == closed.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosesAt, _app.Clock.UtcNow.AddMinutes(-1))));

        var dashboard = await author.Http.GetHtmlAsync("/me/stories");

        var entries = dashboard.QuerySelectorAll("[data-open-entries] [data-entry]").ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(id.ToString(), entry.GetAttribute("data-entry"));
        Assert.Contains("Lamplight Listed", entry.TextContent);
        Assert.Equal($"/challenges/{challenge.Slug}", entry.QuerySelector("a[href^='/challenges/']")?.GetAttribute("href"));
        Assert.Equal($"Withdraw from {challenge.Title}", entry.QuerySelector("button")?.TextContent.Trim());
        Assert.Equal("post", entry.QuerySelector("form")?.GetAttribute("method"));
        Assert.NotNull(entry.QuerySelector("form input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain("Lamplight Too Late", dashboard.QuerySelector("[data-open-entries]")!.TextContent);

        var withdrawn = await WithdrawAsync(author, id);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("/me/stories", withdrawn.Headers.Location?.OriginalString);
        Assert.Equal(StoryStatus.Draft, (await _app.WithDbAsync(db => db.Stories.SingleAsync(s => s.Id == id))).Status);
        Assert.False(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == id)));
        var after = await author.Http.GetHtmlAsync("/me/stories");
        Assert.Equal("Withdrawn from the challenge. It is a draft again.", after.QuerySelector("[data-status-message]")?.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-open-entries]"));
        Assert.Contains("Lamplight Listed", after.QuerySelector("#section-Draft")?.ParentElement?.TextContent);
        Assert.True(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == late)));
    }

    [Fact]
    public async Task AfterTheCloseTheButtonIsGoneAndAWithdrawalPostedAnywayIsRefusedInWords()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var id = await EnterAsync(author, community, challenge, "Lamplight Kept In");
        var dashboard = await author.Http.GetHtmlAsync("/me/stories");
        var token = dashboard.QuerySelector("[data-open-entries] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        Assert.Null((await author.Http.GetHtmlAsync("/me/stories")).QuerySelector("[data-open-entries]"));
        var refused = await author.Http.PostAsync("/me/stories?handler=WithdrawEntry",
            new FormUrlEncodedContent([new("id", id.ToString()), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("The challenge has closed; entries can no longer be withdrawn.",
            (await author.Http.GetHtmlAsync("/me/stories")).QuerySelector("[data-status-message]")?.TextContent.Trim());
        Assert.True(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == id)));
    }

    [Fact]
    public async Task AnotherAuthorsEntryCantBeWithdrawnAndAStoryNotEnteredIsSaidSo()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);
        using var someoneElse = await _app.ClientForAsync(Persona.Trusted);
        var id = await EnterAsync(author, community, challenge, "Lamplight Not Theirs");
        var draft = (await someoneElse.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "Lamplight Unentered"))).StoryId();

        Assert.Equal(HttpStatusCode.NotFound, (await WithdrawAsync(someoneElse, id)).StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.PostFormAsync("/me/stories?handler=WithdrawEntry", new() { ["id"] = "not-a-number" }, "/me/stories")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await WithdrawAsync(someoneElse, draft)).StatusCode);
        Assert.Equal("This story isn’t entered in a challenge.",
            (await someoneElse.Http.GetHtmlAsync("/me/stories")).QuerySelector("[data-status-message]")?.TextContent.Trim());
    }
}
