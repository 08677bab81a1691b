using System.Net;
using System.Text.RegularExpressions;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Search;
using Folio.Tests.Webhooks;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Stories;

/// <summary>Review means review: a creator whose stories are reviewed never changes what readers see without a moderator.</summary>
public sealed class StoryRevisionTests : IDisposable
{
    private readonly FolioApp _app = WebhookSteps.NewApp();

    public void Dispose() => _app.Dispose();

    private async Task<(SignedInClient Creator, Story Story)> LiveStoryAsync(string community, string title, Persona persona = Persona.Creator)
    {
        var place = await _app.Data.CommunityAsync(community);
        var creator = await _app.ClientForAsync(persona);
        var story = await _app.Data.StoryAsync(place, creator.User!, title, StoryForms.Words(150, "meadow"), tags: ["Meadows"]);
        return (creator, story);
    }

    private static string StoryUrl(string community, string title) => $"/{community}/{Folio.Shared.Slug.From(title)}";

    [Fact]
    public async Task ACreatorsEditToAPublishedStoryWaitsForReviewOnEveryPublicSurface()
    {
        var webhook = await _app.WebhookAsync("https://hooks.example.org/folio", ["story.updated"]);
        var (creator, story) = await LiveStoryAsync("fields", "The Long Meadow");
        var url = StoryUrl("fields", "The Long Meadow");
        await _app.GetPageAsync(url); // cached for signed-out readers

        var edited = await creator.Http.PostStoryAsync(
            StoryForms.Fields("fields", "The Long Meadow (BUY CHEAP WATCHES)", body: StoryForms.Words(150, "watches"), tags: "Meadows, Watches"), story.Id);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var editor = await creator.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Contains("Your changes are waiting for review.", editor.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal("The Long Meadow (BUY CHEAP WATCHES)", editor.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("Published · changes in review", editor.QuerySelector(".eyebrow")?.TextContent);

        var page = await _app.GetPageAsync(url);
        Assert.Equal("The Long Meadow", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("watches", page.QuerySelector(".story-body")?.TextContent);
        Assert.DoesNotContain("WATCHES", await _app.CreateClient().GetStringAsync("/feed.xml"));
        Assert.Empty(await _app.TitlesFoundAsync("watches"));
        var api = await (await _app.CreateClient().GetAsync($"/api/v1/stories/{story.Id}")).ReadJsonAsync();
        Assert.Equal("The Long Meadow", api.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, api.GetProperty("revisionStatus").ValueKind);
        Assert.Empty(await _app.DeliveriesAsync(webhook.Id));

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var queue = await moderator.Http.GetHtmlAsync("/moderation");
        var item = queue.QuerySelector(".queue-item")!;
        Assert.Contains("Changes to a published story", item.TextContent);
        Assert.Equal("The Long Meadow (BUY CHEAP WATCHES)", item.QuerySelector(".queue-item__title")?.TextContent);
        var review = await moderator.Http.GetHtmlAsync($"/moderation/stories/{story.Id}");
        var diff = review.QuerySelector(".review-diff")!;
        Assert.Equal("(BUY CHEAP WATCHES)", string.Join(" ", diff.QuerySelectorAll("dd ins").Take(1).Select(i => i.TextContent.Trim())));
        Assert.Contains("Watches", diff.QuerySelectorAll("dd p").Select(p => p.TextContent).Single(t => t.StartsWith("Added")));
        var body = diff.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Story").NextElementSibling!;
        Assert.Contains("meadow", body.QuerySelector(".diff__line--removed del")?.TextContent);
        Assert.Contains("watches", body.QuerySelector(".diff__line--added ins")?.TextContent);

        var approved = await moderator.Http.PostFormAsync($"/moderation/stories/{story.Id}?handler=Approve", new(), $"/moderation/stories/{story.Id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        Assert.Equal("The Long Meadow (BUY CHEAP WATCHES)", (await _app.GetPageAsync(url)).QuerySelector("h1")?.TextContent);
        Assert.Contains("WATCHES", await _app.CreateClient().GetStringAsync("/feed.xml"));
        Assert.Equal(["The Long Meadow (BUY CHEAP WATCHES)"], await _app.TitlesFoundAsync("watches"));
        Assert.Equal(["story.updated"], (await _app.DeliveriesAsync(webhook.Id)).Select(d => d.Event));
        Assert.False(await _app.WithDbAsync(db => db.StoryRevisions.AnyAsync(r => r.StoryId == story.Id)));
        var notifications = await creator.Http.GetHtmlAsync("/notifications");
        Assert.Contains("were approved and are live", notifications.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task TrustedCreatorsChangesGoLiveAtOnce()
    {
        var (trusted, story) = await LiveStoryAsync("trusted-fields", "A Trusted Meadow", Persona.Trusted);

        await trusted.Http.PostStoryAsync(StoryForms.Fields("trusted-fields", "A Trusted Meadow, Revised", body: StoryForms.Words(150, "clover")), story.Id);

        var editor = await trusted.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Contains("Your changes are live.", editor.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal("A Trusted Meadow, Revised", (await _app.GetPageAsync(StoryUrl("trusted-fields", "A Trusted Meadow"))).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task TheAuthorKeepsEditingOrWithdrawsTheirChanges()
    {
        var (creator, story) = await LiveStoryAsync("edits", "Still Water");
        await creator.Http.PostStoryAsync(StoryForms.Fields("edits", "Still Water, Take Two", body: StoryForms.Words(150, "pond")), story.Id);
        var firstSubmission = await _app.WithDbAsync(db => db.StoryRevisions.SingleAsync(r => r.StoryId == story.Id));

        _app.Clock.Now += TimeSpan.FromMinutes(5);
        await creator.Http.PostStoryAsync(StoryForms.Fields("edits", "Still Water, Take Three", body: StoryForms.Words(150, "pond")), story.Id);
        var revision = await _app.WithDbAsync(db => db.StoryRevisions.SingleAsync(r => r.StoryId == story.Id));
        Assert.Equal("Still Water, Take Three", revision.Title);
        Assert.Equal(firstSubmission.SubmittedAt, revision.SubmittedAt);

        var withdrawn = await creator.Http.PostFormAsync($"/stories/{story.Id}/edit?handler=WithdrawChanges", new(), $"/stories/{story.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var editor = await creator.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Contains("Your changes are withdrawn.", editor.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal("Still Water", editor.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.StoryRevisions.AnyAsync()));
        Assert.Equal("Still Water", (await _app.GetPageAsync(StoryUrl("edits", "Still Water"))).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task SentBackChangesShowTheReasonsAndTheResubmissionShowsWhatChangedSince()
    {
        var (creator, story) = await LiveStoryAsync("sentback", "Hay Days");
        await creator.Http.PostStoryAsync(StoryForms.Fields("sentback", "Hay Days", subtitle: "Now with a spammy link", body: StoryForms.Words(150, "meadow")), story.Id);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var reviewUrl = $"/moderation/stories/{story.Id}";
        await moderator.Http.PostFormAsync($"{reviewUrl}?handler=SendBack", [new("Reasons", "UnsafeContent"), new("Note", "No links to shops, please.")], reviewUrl);

        var editor = await creator.Http.GetHtmlAsync($"/stories/{story.Id}/edit");
        Assert.Contains("A moderator sent your changes back.", editor.QuerySelector(".review-feedback")?.TextContent);
        Assert.Contains("No links to shops, please.", editor.QuerySelector(".review-feedback")?.TextContent);
        Assert.Equal("Published · changes sent back", editor.QuerySelector(".eyebrow")?.TextContent);
        Assert.Equal("The subtitle of Hay Days", (await _app.GetPageAsync(StoryUrl("sentback", "Hay Days"))).QuerySelector(".story-deck, .deck, h1 + p")?.TextContent.Trim());
        Assert.Empty((await moderator.Http.GetHtmlAsync("/moderation")).QuerySelectorAll(".queue-item"));

        await creator.Http.PostStoryAsync(StoryForms.Fields("sentback", "Hay Days", subtitle: "Now with a better subtitle", body: StoryForms.Words(150, "meadow")), story.Id);
        var review = await moderator.Http.GetHtmlAsync(reviewUrl);

        var since = review.QuerySelectorAll(".review-diff").Single(s => s.QuerySelector("h2")!.TextContent == "Changed since it was sent back");
        Assert.Equal(["spammy link"], since.QuerySelectorAll("del").Select(d => d.TextContent.Trim()).Where(t => t.Length > 0).Take(1));
        var history = review.QuerySelectorAll(".review-history__item").ToList();
        var decision = Assert.Single(history);
        Assert.Contains("Sent back changes by", Regex.Replace(decision.TextContent, @"\s+", " "));
        Assert.Contains("Unsafe content", decision.TextContent);
        Assert.Contains("No links to shops, please.", decision.TextContent);
    }

    [Fact]
    public async Task AModeratorCantApproveChangesTheyHaveNotSeen()
    {
        var (creator, story) = await LiveStoryAsync("stale", "Early Frost");
        await creator.Http.PostStoryAsync(StoryForms.Fields("stale", "Early Frost, Edited", body: StoryForms.Words(150, "frost")), story.Id);
        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var reviewUrl = $"/moderation/stories/{story.Id}";
        var review = await moderator.Http.GetHtmlAsync(reviewUrl);
        var readVersion = review.QuerySelector(".review-decision__approve input[name=ReadVersion]")!.GetAttribute("value")!;

        _app.Clock.Now += TimeSpan.FromMinutes(1);
        await creator.Http.PostStoryAsync(StoryForms.Fields("stale", "Early Frost (VISIT MY SHOP)", body: StoryForms.Words(150, "frost")), story.Id);
        var late = await moderator.Http.PostFormAsync($"{reviewUrl}?handler=Approve", [new("ReadVersion", readVersion)], reviewUrl);

        Assert.Equal(reviewUrl, late.Headers.Location?.OriginalString);
        Assert.Contains("changed “Early Frost” while you were reading", (await moderator.Http.GetHtmlAsync(reviewUrl)).QuerySelector(".notice")?.TextContent);
        Assert.Equal("Early Frost", (await _app.GetPageAsync(StoryUrl("stale", "Early Frost"))).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task OperatorsCanLetSmallFixesThroughWithoutReview()
    {
        using var app = WebhookSteps.NewApp(new() { ["Folio:Review:MinorEditCharacters"] = "10" });
        var community = await app.Data.CommunityAsync("typos");
        using var creator = await app.ClientForAsync(Persona.Creator);
        var story = await app.Data.StoryAsync(community, creator.User!, "Teh Orchard", StoryForms.Words(150, "apple"), tags: ["Rivers"]);

        await creator.Http.PostStoryAsync(StoryForms.Fields("typos", "The Orchard", subtitle: "The subtitle of Teh Orchard", body: StoryForms.Words(150, "apple")), story.Id);
        Assert.Equal("The Orchard", (await app.GetPageAsync("/typos/teh-orchard")).QuerySelector("h1")?.TextContent);

        await creator.Http.PostStoryAsync(StoryForms.Fields("typos", "The Orchard", subtitle: "The subtitle of Teh Orchard", body: StoryForms.Words(150, "pear")), story.Id);
        Assert.Contains("apple", (await app.GetPageAsync("/typos/teh-orchard")).QuerySelector(".story-body")?.TextContent);
        Assert.True(await app.WithDbAsync(db => db.StoryRevisions.AnyAsync(r => r.StoryId == story.Id)));
    }
}
