using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Entering;

/// <summary>Entries stay unseen until their challenge closes, unless it says otherwise; then they are published.</summary>
public sealed class HeldEntryTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Entry(Community community, string title, Challenge challenge, string handler)
    {
        var fields = StoryForms.Fields(community.Slug, title, handler: handler);
        fields["Input.Challenge"] = challenge.Slug;
        fields["Input.ChallengeOffered"] = "true";
        return fields;
    }

    private Task<Story> StoryAsync(int id) => _app.WithDbAsync(db => db.Stories.AsNoTracking().SingleAsync(s => s.Id == id));

    private async Task AssertUnseenAsync(Community community, SignedInClient author, string title, string url)
    {
        await _app.GetPageAsync(url, HttpStatusCode.NotFound);
        Assert.DoesNotContain(title, (await _app.GetPageAsync($"/{community.Slug}")).Body!.TextContent);
        Assert.DoesNotContain(title, (await _app.GetPageAsync("/")).Body!.TextContent);
        Assert.DoesNotContain(title, (await _app.GetPageAsync("/search?q=Lamplight")).Body!.TextContent);
        Assert.DoesNotContain(title, (await _app.GetPageAsync($"/authors/{author.User!.UserName}")).Body!.TextContent);
        using var anonymous = _app.NewBrowser();
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/feed.xml"));
    }

    [Fact]
    public async Task ATrustedCreatorsEntryIsHeldUnseenUntilTheChallengeClosesThenPublishedAtTheClose()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);

        var response = await author.Http.PostStoryAsync(Entry(community, "Lamplight Keeper", challenge, "Publish"));
        var id = response.StoryId();

        Assert.Equal(StoryStatus.Held, (await StoryAsync(id)).Status);
        await AssertUnseenAsync(community, author, "Lamplight Keeper", $"/{community.Slug}/lamplight-keeper");
        var dashboard = await author.Http.GetHtmlAsync("/me/stories");
        Assert.Contains("Lamplight Keeper", dashboard.QuerySelector("[data-status=Held]")?.TextContent);
        var editor = await author.Http.GetHtmlAsync($"/stories/{id}/edit");
        Assert.Contains($"Entered in “{challenge.Title}”: readers see it when the challenge closes on", editor.QuerySelector("[data-challenge-entry]")?.TextContent);

        Assert.Equal(0, await _app.RunChallengePassAsync());
        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        Assert.Equal(1, await _app.RunChallengePassAsync());

        var released = await StoryAsync(id);
        Assert.Equal(StoryStatus.Published, released.Status);
        Assert.Equal(challenge.ClosesAt, released.PublishedAt);
        await _app.GetPageAsync($"/{community.Slug}/lamplight-keeper");
        Assert.Contains("Lamplight Keeper", (await _app.GetPageAsync($"/{community.Slug}")).Body!.TextContent);
        Assert.Equal(0, await _app.RunChallengePassAsync());
    }

    [Fact]
    public async Task AnUntrustedCreatorsEntryGoesToReviewAndApprovedWhileOpenIsHeld()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);

        var id = (await author.Http.PostStoryAsync(Entry(community, "Lamplight Reviewed", challenge, "Submit"))).StoryId();
        Assert.Equal(StoryStatus.Pending, (await StoryAsync(id)).Status);
        var approved = await moderator.Http.PostFormAsync($"/moderation/stories/{id}?handler=Approve", [], $"/moderation/stories/{id}");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(StoryStatus.Held, (await StoryAsync(id)).Status);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.SubjectType == "story" && e.SubjectId == id.ToString()));
        Assert.Equal("""{"status":"Held"}""", audited.After);
        await AssertUnseenAsync(community, author, "Lamplight Reviewed", $"/{community.Slug}/lamplight-reviewed");
    }

    [Fact]
    public async Task AChallengeThatShowsEntriesBeforeClosingPublishesThemAtOnce()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(configure: c => c.EntriesVisibleBeforeClose = true);
        using var author = await _app.ClientForAsync(Persona.Trusted);

        var id = (await author.Http.PostStoryAsync(Entry(community, "Lamplight Shown", challenge, "Publish"))).StoryId();

        Assert.Equal(StoryStatus.Published, (await StoryAsync(id)).Status);
        await _app.GetPageAsync($"/{community.Slug}/lamplight-shown");
    }

    [Fact]
    public async Task WithdrawingAHeldEntryBeforeTheCloseMakesItADraftAgain()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var id = (await author.Http.PostStoryAsync(Entry(community, "Lamplight Withdrawn", challenge, "Publish"))).StoryId();

        var withdrawn = await author.Http.PostFormAsync($"/stories/{id}/edit?handler=WithdrawEntry", new(), $"/stories/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(StoryStatus.Draft, (await StoryAsync(id)).Status);
        Assert.False(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == id)));
        Assert.Contains("Withdrawn from the challenge. It is a draft again.", (await author.Http.GetHtmlAsync($"/stories/{id}/edit")).QuerySelector(".notice--success")?.TextContent);
    }

    [Fact]
    public async Task WithdrawingAfterTheCloseIsRefusedWithAClearMessage()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Trusted);
        var id = (await author.Http.PostStoryAsync(Entry(community, "Lamplight Kept", challenge, "Publish"))).StoryId();
        var editUrl = $"/stories/{id}/edit";
        var page = await author.Http.GetHtmlAsync(editUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        var refused = await author.Http.PostAsync($"{editUrl}?handler=WithdrawEntry", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("The challenge has closed; entries can no longer be withdrawn.", (await author.Http.GetHtmlAsync(editUrl)).QuerySelector(".notice--success")?.TextContent);
        Assert.True(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.StoryId == id)));
    }
}
