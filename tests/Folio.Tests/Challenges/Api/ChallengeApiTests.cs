using System.Net;
using System.Text.Json;
using Folio.Features.Audit;
using Folio.Features.Challenges;
using Folio.Features.Stories;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Api;

/// <summary>Challenges through /api/v1: who may read, create, change, enter and withdraw, and what each is told.</summary>
public sealed class ChallengeApiTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static object NewChallenge(string judges, string? community = null) => new
    {
        title = "Winter Tales",
        prompt = "Write about **snow**.",
        community,
        opensAt = "2027-01-10T09:00:00Z",
        closesAt = "2027-02-10T19:00:00+01:00",
        minWords = 500,
        requiredTags = new[] { "Winter" },
        criteria = new[] { new { name = "Fit", weight = 40 }, new { name = "Craft", weight = 60 } },
        judges = judges.Split(','),
        firstPrize = "$500",
    };

    [Fact]
    public async Task AnyoneReadsAChallengeWithItsRulesCriteriaJudgesAndUtcTimes()
    {
        var community = await _app.Data.CommunityAsync();
        var judge = await _app.Data.PersonAsync(displayName: "Ada Judge");
        var challenge = await _app.ChallengeAsync(community, c =>
        {
            c.Criteria = [new ChallengeCriterion { Name = "Fit", Weight = 40, Position = 0 }, new ChallengeCriterion { Name = "Craft", Weight = 60, Position = 1 }];
            c.Judges = [new ChallengeJudge { UserId = judge.Id, IsLead = true }];
            c.FirstPrize = "A trophy";
        });
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var read = await (await api.GetAsync($"/api/v1/challenges/{challenge.Slug.ToUpperInvariant()}")).ReadJsonAsync();

        Assert.Equal((challenge.Slug, community.Slug, "open"), (read.GetProperty("slug").GetString(), read.GetProperty("community").GetString(), read.GetProperty("phase").GetString()));
        Assert.EndsWith("Z", read.GetProperty("closesAt").GetString());
        Assert.Equal(challenge.ClosesAt, read.GetProperty("closesAt").GetDateTime().ToUniversalTime());
        Assert.Equal(["Fit 40", "Craft 60"], read.GetProperty("criteria").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("weight").GetInt32()}"));
        var lead = Assert.Single(read.GetProperty("judges").EnumerateArray());
        Assert.Equal(("Ada Judge", true), (lead.GetProperty("name").GetString(), lead.GetProperty("lead").GetBoolean()));
        Assert.Equal((100, 3000), (read.GetProperty("rules").GetProperty("minWords").GetInt32(), read.GetProperty("rules").GetProperty("maxWords").GetInt32()));
        Assert.Equal("A trophy", read.GetProperty("prizes").GetProperty("first").GetString());
        Assert.Empty(read.GetProperty("results").EnumerateArray());
        await (await api.GetAsync("/api/v1/challenges/no-such-thing")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task TheListFiltersByPhaseAndCommunityAndPagesWithTheCursor()
    {
        var community = await _app.Data.CommunityAsync();
        var open = await _app.ChallengeAsync(community);
        var later = await _app.ChallengeAsync(community, c => c.ClosesAt = _app.Clock.UtcNow.AddDays(9));
        var upcoming = await _app.ChallengeAsync(configure: c => (c.OpensAt, c.ClosesAt) = (_app.Clock.UtcNow.AddDays(1), _app.Clock.UtcNow.AddDays(3)));
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        static async Task<string[]> Slugs(HttpResponseMessage response) =>
            [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()!)];

        Assert.Equal([later.Slug, open.Slug], await Slugs(await api.GetAsync("/api/v1/challenges?phase=open")));
        Assert.Equal([upcoming.Slug], await Slugs(await api.GetAsync("/api/v1/challenges?phase=Upcoming")));
        Assert.Equal([later.Slug, open.Slug], await Slugs(await api.GetAsync($"/api/v1/challenges?community={community.Slug}")));
        var first = await (await api.GetAsync("/api/v1/challenges?limit=1")).ReadJsonAsync();
        var second = await api.GetAsync($"/api/v1/challenges?limit=1&cursor={first.GetProperty("next").GetString()}");
        Assert.Equal([later.Slug], first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal([open.Slug], await Slugs(second));
        var problem = await (await api.GetAsync("/api/v1/challenges?phase=finished")).ReadProblemAsync(400);
        Assert.NotEmpty(problem.FieldErrors("phase"));
    }

    [Theory]
    [InlineData(Persona.Anonymous, 401)]
    [InlineData(Persona.Creator, 403)]
    [InlineData(Persona.Trusted, 403)]
    public async Task OnlyModeratorsAndAdminsCreateOrChangeChallenges(Persona persona, int status)
    {
        var judge = await _app.Data.PersonAsync();
        var existing = await _app.ChallengeAsync();
        using var api = await _app.ApiClientForAsync(persona);

        await (await api.PostJsonAsync("/api/v1/challenges", NewChallenge(judge.UserName!))).ReadProblemAsync(status);
        await (await api.PatchJsonAsync($"/api/v1/challenges/{existing.Slug}", new { title = "Taken over" })).ReadProblemAsync(status);

        Assert.Equal(1, await _app.WithDbAsync(db => db.Challenges.CountAsync()));
        Assert.Equal(existing.Title, await _app.WithDbAsync(db => db.Challenges.Select(c => c.Title).SingleAsync()));
    }

    [Theory]
    [InlineData(Persona.Moderator)]
    [InlineData(Persona.Admin)]
    public async Task AModeratorOrAdminCreatesAndChangesAChallengeAndBothAreAudited(Persona persona)
    {
        var community = await _app.Data.CommunityAsync();
        var ada = await _app.Data.PersonAsync();
        var ben = await _app.Data.PersonAsync();
        using var api = await _app.ApiClientForAsync(persona);

        var created = await api.PostJsonAsync("/api/v1/challenges", NewChallenge(ada.UserName!, community.Slug));
        var body = await created.ReadJsonAsync();

        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("/api/v1/challenges/winter-tales", created.Headers.Location?.OriginalString);
        Assert.Equal("2027-02-10T18:00:00Z", body.GetProperty("closesAt").GetString());
        Assert.Equal(["winter"], body.GetProperty("rules").GetProperty("requiredTags").EnumerateArray().Select(t => t.GetString()));

        var patched = await api.PatchJsonAsync("/api/v1/challenges/winter-tales", new
        {
            title = "Winter Tales II", maxWords = 4000, judges = new[] { ada.UserName, ben.UserName }, leadJudge = ben.UserName,
        });
        var changed = await patched.ReadJsonAsync();

        Assert.True(patched.StatusCode == HttpStatusCode.OK, changed.ToString());
        Assert.Equal(("Winter Tales II", 4000, 500), (changed.GetProperty("title").GetString(),
            changed.GetProperty("rules").GetProperty("maxWords").GetInt32(), changed.GetProperty("rules").GetProperty("minWords").GetInt32()));
        Assert.Equal("2027-01-10T09:00:00Z", changed.GetProperty("opensAt").GetString());
        Assert.Equal(ben.UserName, changed.GetProperty("judges").EnumerateArray().Single(j => j.GetProperty("lead").GetBoolean()).GetProperty("username").GetString());
        Assert.Equal(2, changed.GetProperty("criteria").GetArrayLength());
        var audit = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorName }).ToListAsync());
        Assert.Equal([AuditActions.ChallengeCreate, AuditActions.ChallengeEdit], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Contains(api.User!.UserName!, e.ActorName));
    }

    [Fact]
    public async Task BadInputIsA400NamingEachFieldAndATakenSlugA409()
    {
        var judge = await _app.Data.PersonAsync();
        var taken = await _app.ChallengeAsync();
        using var api = await _app.ApiClientForAsync(Persona.Moderator);

        var problem = await (await api.PostJsonAsync("/api/v1/challenges", new
        {
            prompt = "Snow.", opensAt = "2027-02-10T09:00", closesAt = "2027-01-10T09:00:00Z", community = "nowhere",
            criteria = new[] { new { name = "Fit", weight = 90 } }, judges = new[] { judge.UserName },
        })).ReadProblemAsync(400);

        Assert.NotEmpty(problem.FieldErrors("title"));
        Assert.Contains("offset", problem.FieldErrors("opensAt").Single());
        Assert.Contains("add up to 90%", problem.FieldErrors("criteria").Single());
        Assert.Contains("No community answers at /nowhere", problem.FieldErrors("community").Single());
        var unknownJudge = await (await api.PostJsonAsync("/api/v1/challenges", NewChallenge("nobody-at-all"))).ReadProblemAsync(400);
        Assert.Contains("nobody-at-all", unknownJudge.FieldErrors("judges").Single());
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/challenges", NewChallenge(judge.UserName!))).StatusCode);
        var duplicate = await (await api.PatchJsonAsync("/api/v1/challenges/winter-tales", new { slug = taken.Slug })).ReadProblemAsync(409);
        Assert.Contains(taken.Slug, duplicate.GetProperty("detail").GetString());
        await (await api.PatchJsonAsync("/api/v1/challenges/no-such-thing", new { title = "X" })).ReadProblemAsync(404);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Challenges.CountAsync()));
    }

    [Fact]
    public async Task CriteriaCanBeReweightedButNotRemovedOnceScored()
    {
        var judge = await _app.Data.PersonAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), author);
        var challenge = await _app.ChallengeAsync(configure: c => c.Criteria =
            [new ChallengeCriterion { Name = "Fit", Weight = 50, Position = 0 }, new ChallengeCriterion { Name = "Craft", Weight = 50, Position = 1 }]);
        await _app.WithDbAsync(async db =>
        {
            var entry = new ChallengeEntry { ChallengeId = challenge.Id, StoryId = story.Id, AuthorId = author.Id, EnteredAt = _app.Clock.UtcNow };
            db.ChallengeEntries.Add(entry);
            await db.SaveChangesAsync();
            db.ChallengeScores.Add(new ChallengeScore { EntryId = entry.Id, JudgeId = judge.Id, CriterionId = challenge.Criteria[0].Id, Score = 7 });
            await db.SaveChangesAsync();
        });
        using var api = await _app.ApiClientForAsync(Persona.Moderator);

        var removed = await (await api.PatchJsonAsync($"/api/v1/challenges/{challenge.Slug}", new
        {
            criteria = new[] { new { name = "Fit", weight = 100 } }, judges = new[] { judge.UserName },
        })).ReadProblemAsync(409);
        var reweighted = await api.PatchJsonAsync($"/api/v1/challenges/{challenge.Slug}", new
        {
            criteria = new[] { new { name = "Fit to the prompt", weight = 30 }, new { name = "Craft", weight = 70 } }, judges = new[] { judge.UserName },
        });

        Assert.Contains("already scored", removed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, reweighted.StatusCode);
        Assert.Equal(["Fit to the prompt 30", "Craft 70"], await _app.WithDbAsync(db => db.Set<ChallengeCriterion>()
            .Where(c => c.ChallengeId == challenge.Id).OrderBy(c => c.Position).Select(c => c.Name + " " + c.Weight).ToListAsync()));
    }

    [Fact]
    public async Task HiddenEntriesAreListedOnlyOnceTheChallengeClosesAndNeverUnpublishedOnes()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(community);
        var author = await _app.Data.PersonAsync();
        var published = await _app.Data.StoryAsync(community, author, title: "The Lamp");
        var draft = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), status: StoryStatus.Draft);
        await _app.WithDbAsync(async db =>
        {
            db.ChallengeEntries.AddRange(
                new ChallengeEntry { ChallengeId = challenge.Id, StoryId = published.Id, AuthorId = author.Id, EnteredAt = _app.Clock.UtcNow },
                new ChallengeEntry { ChallengeId = challenge.Id, StoryId = draft.Id, AuthorId = draft.AuthorId, EnteredAt = _app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        using var api = await _app.ApiClientForAsync(Persona.Anonymous);

        var whileOpen = await (await api.GetAsync($"/api/v1/challenges/{challenge.Slug}/entries")).ReadJsonAsync();
        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        var afterClose = await (await api.GetAsync($"/api/v1/challenges/{challenge.Slug}/entries")).ReadJsonAsync();

        Assert.Empty(whileOpen.GetProperty("items").EnumerateArray());
        var listed = Assert.Single(afterClose.GetProperty("items").EnumerateArray());
        Assert.Equal("The Lamp", listed.GetProperty("story").GetProperty("title").GetString());
        var read = await (await api.GetAsync($"/api/v1/challenges/{challenge.Slug}")).ReadJsonAsync();
        Assert.Equal(("judging", 2, true), (read.GetProperty("phase").GetString(), read.GetProperty("entryCount").GetInt32(), read.GetProperty("entriesVisible").GetBoolean()));
    }

    [Fact]
    public async Task ACreatorEntersADraftAndWithdrawsItButNotLateOrSomeoneElses()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(community);
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        using var other = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!, status: StoryStatus.Draft);

        var entered = await author.PostJsonAsync($"/api/v1/challenges/{challenge.Slug}/entries", new { storyId = story.Id });
        var entry = await entered.ReadJsonAsync();
        Assert.True(entered.StatusCode == HttpStatusCode.Created, entry.ToString());
        var entryId = entry.GetProperty("id").GetInt32();
        Assert.Equal(story.Id, await _app.WithDbAsync(db => db.ChallengeEntries.Where(e => e.Id == entryId).Select(e => e.StoryId).SingleAsync()));
        await (await author.PostJsonAsync($"/api/v1/challenges/{challenge.Slug}/entries", new { storyId = story.Id })).ReadProblemAsync(409);
        await (await other.PostJsonAsync($"/api/v1/challenges/{challenge.Slug}/entries", new { storyId = story.Id })).ReadProblemAsync(404);
        await (await other.DeleteAsync($"/api/v1/challenges/{challenge.Slug}/entries/{entryId}")).ReadProblemAsync(404);

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/challenges/{challenge.Slug}/entries/{entryId}")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync()));

        _app.Clock.Now = _app.Clock.Now.AddDays(8);
        var late = await (await author.PostJsonAsync($"/api/v1/challenges/{challenge.Slug}/entries", new { storyId = story.Id })).ReadProblemAsync(409);
        Assert.Contains("late entries are not accepted", late.GetProperty("detail").GetString());
        Assert.False(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync()));
    }

    [Fact]
    public async Task APublishedEntryCannotBeWithdrawnAfterTheClose()
    {
        var community = await _app.Data.CommunityAsync();
        var challenge = await _app.ChallengeAsync(community, c => c.EntriesVisibleBeforeClose = true);
        using var author = await _app.ApiClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, author.User!);
        var entryId = await _app.WithDbAsync(async db =>
        {
            var entry = new ChallengeEntry { ChallengeId = challenge.Id, StoryId = story.Id, AuthorId = author.User!.Id, EnteredAt = _app.Clock.UtcNow };
            db.ChallengeEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        _app.Clock.Now = _app.Clock.Now.AddDays(8);

        var refused = await (await author.DeleteAsync($"/api/v1/challenges/{challenge.Slug}/entries/{entryId}")).ReadProblemAsync(409);

        Assert.Contains("closed", refused.GetProperty("detail").GetString());
        Assert.True(await _app.WithDbAsync(db => db.ChallengeEntries.AnyAsync(e => e.Id == entryId)));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheChallengeEndpoints()
    {
        using var client = _app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        Assert.Equal(["get", "post"], paths.GetProperty("/api/v1/challenges").EnumerateObject().Select(o => o.Name).Order());
        Assert.Equal(["get", "patch"], paths.GetProperty("/api/v1/challenges/{slug}").EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "patch").Order());
        Assert.True(paths.GetProperty("/api/v1/challenges/{slug}/entries").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/challenges/{slug}/entries/{entryId}").TryGetProperty("delete", out _));
        Assert.Contains("409", paths.GetProperty("/api/v1/challenges/{slug}").GetProperty("patch").GetProperty("responses").EnumerateObject().Select(r => r.Name));
    }
}
