using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Entering;

/// <summary>Entering a story in a challenge from the editor: the choice, the rules checked on the server, and refusals.</summary>
public sealed class ChallengeEntryTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Entry(string community, string title, Challenge challenge, string handler, string? body = null, string tags = "Lighthouses")
    {
        var fields = StoryForms.Fields(community, title, body: body, tags: tags, handler: handler);
        fields["Input.Challenge"] = challenge.Slug;
        fields["Input.ChallengeOffered"] = "true";
        return fields;
    }

    private Task<ChallengeEntry?> EntryOfAsync(int storyId) =>
        _app.WithDbAsync(db => db.ChallengeEntries.Include(e => e.Story).FirstOrDefaultAsync(e => e.StoryId == storyId));

    [Fact]
    public async Task TheEditorOffersOpenChallengesPreselectedFromTheAddressWithTheirRules()
    {
        var open = await _app.ChallengeAsync(configure: c => c.RequiredTags = ["lighthouses"]);
        var upcoming = await _app.ChallengeAsync(configure: c => c.OpensAt = _app.Clock.UtcNow.AddDays(1));
        using var author = await _app.ClientForAsync(Persona.Creator);

        var editor = await author.Http.GetHtmlAsync($"/write?challenge={open.Slug}");

        var select = editor.QuerySelector("select[name='Input.Challenge']")!;
        Assert.Equal(open.Slug, select.QuerySelector("option[selected]")?.GetAttribute("value"));
        Assert.Null(select.QuerySelector($"option[value='{upcoming.Slug}']"));
        var rules = editor.QuerySelector($"[data-challenge-rules='{open.Slug}']")!;
        Assert.False(rules.HasAttribute("hidden"));
        Assert.Contains("Length: 100 to 3,000 words", rules.TextContent);
        Assert.Contains("Tags: lighthouses", rules.TextContent);
    }

    [Fact]
    public async Task ASubmitThatBreaksTheRulesComesBackWithEveryReasonAndWhatWasTyped()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(configure: c => (c.MinWords, c.RequiredTags) = (1500, ["lighthouses"]));
        using var author = await _app.ClientForAsync(Persona.Trusted);

        var response = await author.Http.PostStoryAsync(Entry(community.Slug, "Too Short a Light", challenge, "Publish", body: StoryForms.Words(1240), tags: "Harbours"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var form = await response.ReadHtmlAsync();
        var message = form.QuerySelector("[data-valmsg-for='Input.Challenge']")?.TextContent;
        Assert.Contains("1,240 words; this challenge asks for 1,500 to 3,000 words.", message);
        Assert.Contains("Add the tag “lighthouses”", message);
        Assert.Equal("Too Short a Light", form.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("Harbours", form.QuerySelector("input[name='Input.Tags']")?.GetAttribute("value"));
        Assert.Equal(challenge.Slug, form.QuerySelector("select[name='Input.Challenge'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Stories.CountAsync()));
    }

    [Fact]
    public async Task ADraftKeepsItsChallengeAndALateSubmitIsRefused()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(configure: c => c.ClosesAt = _app.Clock.UtcNow.AddHours(2));
        using var author = await _app.ClientForAsync(Persona.Trusted);

        var saved = await author.Http.PostStoryAsync(Entry(community.Slug, "Saved in Time", challenge, "Save"));
        var id = saved.StoryId();
        Assert.Equal(challenge.Id, (await EntryOfAsync(id))?.ChallengeId);
        var editor = await author.Http.GetHtmlAsync($"/stories/{id}/edit");
        Assert.Equal(challenge.Slug, editor.QuerySelector("select[name='Input.Challenge'] option[selected]")?.GetAttribute("value"));

        _app.Clock.Now = _app.Clock.Now.AddHours(3);
        var late = await author.Http.PostStoryAsync(Entry(community.Slug, "Saved in Time", challenge, "Publish"), id);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("late entries are not accepted", (await late.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Challenge']")?.TextContent);
        Assert.Equal(StoryStatus.Draft, (await EntryOfAsync(id))?.Story.Status);
    }

    [Fact]
    public async Task EnteringAChallengeNotYetOpenSaysWhenItOpens()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(configure: c => c.OpensAt = _app.Clock.UtcNow.AddDays(2));
        using var author = await _app.ClientForAsync(Persona.Creator);

        var response = await author.Http.PostStoryAsync(Entry(community.Slug, "Too Early", challenge, "Save"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not open yet: it opens on", (await response.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Challenge']")?.TextContent);
    }

    [Fact]
    public async Task ACreatorMayEnterOnlyAsManyStoriesAsTheChallengeTakes()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync();
        using var author = await _app.ClientForAsync(Persona.Creator);
        Assert.Equal(HttpStatusCode.Redirect, (await author.Http.PostStoryAsync(Entry(community.Slug, "First Entry", challenge, "Save"))).StatusCode);

        var second = await author.Http.PostStoryAsync(Entry(community.Slug, "Second Entry", challenge, "Save"));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("it takes one entry per creator", (await second.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Challenge']")?.TextContent);
    }

    [Fact]
    public async Task OnlyMembersWithTheEntrantRoleMayEnter()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(configure: c => c.EntrantRole = "creator");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        using var creator = await _app.ClientForAsync(Persona.Creator);

        Assert.Null((await reader.Http.GetHtmlAsync("/write")).QuerySelector($"option[value='{challenge.Slug}']"));
        var refused = await reader.Http.PostStoryAsync(Entry(community.Slug, "Not Mine to Enter", challenge, "Save"));
        var accepted = await creator.Http.PostStoryAsync(Entry(community.Slug, "Mine to Enter", challenge, "Save"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Only members with the “creator” role may enter", (await refused.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Input.Challenge']")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }
}
