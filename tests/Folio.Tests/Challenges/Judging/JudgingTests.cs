using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Judging;

public sealed class JudgingTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryEntryGoesToAsManyJudgesAsAskedNeverToItsAuthorAndTheLoadIsShared()
    {
        var community = await _app.Data.CommunityAsync();
        var judges = new[] { await _app.Data.PersonAsync(), await _app.Data.PersonAsync(), await _app.Data.PersonAsync() };
        var challenge = await ClosedChallengeAsync(judges, configure: c => c.JudgesPerEntry = 2);
        var entries = new List<Story>();
        for (var i = 0; i < 6; i++)
        {
            entries.Add(await _app.EntryAsync(challenge, community, $"Harbour Light {i}"));
        }

        var byJudge = await EntryByAsync(challenge, community, judges[0], "A Judge's Own Entry");
        var pending = await _app.EntryAsync(challenge, community, "Still Waiting For Review", StoryStatus.Pending);

        await _app.RunChallengePassAsync();
        var first = await AssignmentsAsync(challenge);
        await _app.RunChallengePassAsync();

        Assert.Equal(first, await AssignmentsAsync(challenge));
        foreach (var story in entries.Append(byJudge))
        {
            Assert.Equal(2, first.Count(a => a.StoryId == story.Id));
        }

        Assert.DoesNotContain(first, a => a.StoryId == pending.Id);
        Assert.DoesNotContain(first, a => a.StoryId == byJudge.Id && a.JudgeId == judges[0].Id);
        var load = judges.Select(j => first.Count(a => a.JudgeId == j.Id)).ToList();
        Assert.Equal(14, load.Sum());
        Assert.True(load.Max() - load.Min() <= 1, $"each judge reads about as many entries as the next: {string.Join(", ", load)}");
    }

    [Fact]
    public async Task AJudgeTakenOffLeavesWhatTheyScoredAndWhatTheyHadNotGoesToAnother()
    {
        var community = await _app.Data.CommunityAsync();
        var (ada, ben, cy) = (await _app.Data.PersonAsync(), await _app.Data.PersonAsync(), await _app.Data.PersonAsync());
        var challenge = await ClosedChallengeAsync([ada, ben]);
        await _app.EntryAsync(challenge, community, "First Light");
        await _app.EntryAsync(challenge, community, "Second Light");
        await _app.RunChallengePassAsync();
        var before = await AssignmentsAsync(challenge);
        Assert.Equal(new[] { ada.Id, ben.Id }.Order(), before.Select(a => a.JudgeId).Order());
        await _app.WithDbAsync(async db =>
        {
            await db.ChallengeAssignments.Where(a => a.JudgeId == ada.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.ScoredAt, _app.Clock.UtcNow));
            var judges = await db.Challenges.Where(c => c.Id == challenge.Id).SelectMany(c => c.Judges).ToListAsync();
            db.RemoveRange(judges);
            db.AddRange(new ChallengeJudge { ChallengeId = challenge.Id, UserId = cy.Id, IsLead = true });
            await db.SaveChangesAsync();
        });

        await _app.RunChallengePassAsync();

        var after = await AssignmentsAsync(challenge);
        Assert.Contains(before.Single(a => a.JudgeId == ada.Id), after);
        Assert.Equal((before.Single(a => a.JudgeId == ben.Id).StoryId, cy.Id), after.Single(a => a.JudgeId != ada.Id));
    }

    [Fact]
    public async Task OnlyTheJudgesReachTheJudgingPagesAndOnlyTheEntriesGivenToThem()
    {
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        using var judge = await _app.ClientForAsync(Persona.Reader);
        using var stranger = await _app.ClientForAsync(Persona.Moderator);
        var challenge = await ClosedChallengeAsync([lead.User!, judge.User!], lead: lead.User);
        await _app.EntryAsync(challenge, community, "Only One Entry");
        await _app.RunChallengePassAsync();
        var (entryId, readBy) = await _app.WithDbAsync(db => db.ChallengeAssignments.Select(a => new { a.EntryId, a.JudgeId }).SingleAsync()) is var a ? (a.EntryId, a.JudgeId) : default;
        var other = readBy == lead.User!.Id ? judge : lead;
        var path = $"/challenges/{challenge.Slug}/judging";

        foreach (var url in new[] { path, $"{path}/{entryId}", $"{path}/results" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostFormAsync($"{path}/{entryId}", [new("Scores[1]", "5")], "/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"{path}/{entryId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.Http.GetAsync($"{path}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/challenges/no-such-challenge/judging")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.Http.GetAsync($"{path}/results")).StatusCode);
        using var anonymous = _app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task BeforeTheCloseAJudgeIsToldWhenJudgingBegins()
    {
        using var judge = await _app.ClientForAsync(Persona.Reader);
        var challenge = await _app.ChallengeAsync(configure: c => c.Judges = [new() { UserId = judge.User!.Id, IsLead = true }]);

        var page = await judge.Http.GetHtmlAsync($"/challenges/{challenge.Slug}/judging");

        Assert.Contains("Judging begins when the challenge closes on", page.QuerySelector(".judging-page")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await judge.Http.GetAsync($"/challenges/{challenge.Slug}/judging/results")).StatusCode);
        Assert.NotNull((await judge.Http.GetHtmlAsync($"/challenges/{challenge.Slug}")).QuerySelector("a[data-judging-link]"));
    }

    [Fact]
    public async Task AJudgeScoresEachCriterionBlindAndOutOfRangeScoresAreRefusedWithWhatWasTyped()
    {
        var community = await _app.Data.CommunityAsync();
        using var judge = await _app.ClientForAsync(Persona.Reader);
        var challenge = await ClosedChallengeAsync([judge.User!], configure: c => c.BlindJudging = true);
        var author = await _app.Data.PersonAsync(displayName: "Perpetua Quill");
        var first = await EntryByAsync(challenge, community, author, "The Keeper's Log");
        await EntryByAsync(challenge, community, author, "Fog Signal");
        await _app.RunChallengePassAsync();
        var path = $"/challenges/{challenge.Slug}/judging";

        var list = await judge.Http.GetHtmlAsync(path);
        Assert.Equal("0 of 2 entries scored", list.QuerySelector("[data-progress]")?.TextContent.Trim());
        Assert.DoesNotContain("Perpetua Quill", list.Body!.TextContent);
        var entryId = await EntryIdAsync(first);
        var entryPage = await judge.Http.GetHtmlAsync($"{path}/{entryId}");
        Assert.Equal("The Keeper's Log", entryPage.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("Perpetua Quill", entryPage.Body!.TextContent);
        var (fit, craft) = await CriteriaAsync(challenge);

        var refused = await judge.Http.PostFormAsync($"{path}/{entryId}", [new($"Scores[{fit}]", "11"), new($"Scores[{craft}]", "abc"), new("Note", "Lovely fog.")], $"{path}/{entryId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.ReadHtmlAsync();
        Assert.Contains("“11” is not a score: give “Fit to the prompt” a whole number from 1 to 10.", form.QuerySelector($"#score-{fit}-error")?.TextContent);
        Assert.Contains("“abc” is not a score", form.QuerySelector($"#score-{craft}-error")?.TextContent);
        Assert.Equal("11", form.QuerySelector($"#score-{fit}")?.GetAttribute("value"));
        Assert.Equal("Lovely fog.", form.QuerySelector("#Note")?.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ChallengeScores.CountAsync()));

        var saved = await judge.Http.PostFormAsync($"{path}/{entryId}", [new($"Scores[{fit}]", "8"), new($"Scores[{craft}]", "5"), new("Note", "Lovely fog.")], $"{path}/{entryId}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("1 of 2 entries scored", (await judge.Http.GetHtmlAsync(path)).QuerySelector("[data-progress]")?.TextContent.Trim());
        var note = await _app.WithDbAsync(db => db.ChallengeAssignments.Where(a => a.EntryId == entryId).Select(a => a.NoteToAuthor).SingleAsync());
        Assert.Equal("Lovely fog.", note);
        var again = await judge.Http.GetHtmlAsync($"{path}/{entryId}");
        Assert.Equal("8", again.QuerySelector($"#score-{fit}")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheLeadPicksWinnersOnWeightedScoresOnceEveryEntryIsScoredAndTheChallengePageShowsThem()
    {
        var community = await _app.Data.CommunityAsync();
        using var lead = await _app.ClientForAsync(Persona.Reader);
        using var second = await _app.ClientForAsync(Persona.Reader);
        var challenge = await ClosedChallengeAsync([lead.User!, second.User!], lead: lead.User, configure: c => { c.JudgesPerEntry = 2; c.RunnersUp = 1; });
        var lamp = await _app.EntryAsync(challenge, community, "The Lamp Room");
        var gulls = await _app.EntryAsync(challenge, community, "Gulls at Dawn");
        var path = $"/challenges/{challenge.Slug}/judging";
        await _app.RunChallengePassAsync();
        var (fit, craft) = await CriteriaAsync(challenge);
        var (lampId, gullsId) = (await EntryIdAsync(lamp), await EntryIdAsync(gulls));
        await ScoreAsync(lead, path, lampId, (fit, 8), (craft, 5));

        var tooSoon = await lead.Http.PostFormAsync($"{path}/results", Picks((lampId, "Quiet and exact.")), $"{path}/results");
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Contains("Every entry needs its scores first: 0 of 2 entries scored.", (await tooSoon.ReadHtmlAsync()).QuerySelector(".form-errors")?.TextContent);

        await ScoreAsync(second, path, lampId, (fit, 6), (craft, 10));
        await ScoreAsync(lead, path, gullsId, (fit, 5), (craft, 5));
        await ScoreAsync(second, path, gullsId, (fit, 6), (craft, 6));

        var results = await lead.Http.GetHtmlAsync($"{path}/results");
        Assert.Equal("2 of 2 entries scored", results.QuerySelector("[data-progress]")?.TextContent.Trim());
        // Weights 60 and 40: the lamp room has (8 × 60 + 5 × 40) / 100 = 6.8 and (6 × 60 + 10 × 40) / 100 = 7.6, 7.2 on average.
        Assert.Equal(["7.20", "5.50"], results.QuerySelectorAll("[data-score]").Select(td => td.TextContent.Trim()));

        var noNote = await lead.Http.PostFormAsync($"{path}/results", Picks((lampId, " "), (lampId, "Twice.")), $"{path}/results");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var form = await noNote.ReadHtmlAsync();
        Assert.Contains("Say in a sentence or two why it placed (Winner)", form.QuerySelector("#note-0-error")?.TextContent);
        Assert.Contains("each entry places once", form.QuerySelector("#pick-1-error")?.TextContent);
        Assert.Equal("Twice.", form.QuerySelector("#note-1")?.TextContent);

        var published = await lead.Http.PostFormAsync($"{path}/results", Picks((lampId, "Quiet and exact."), (gullsId, "The dawn light.")), $"{path}/results");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await _app.GetPageAsync($"/challenges/{challenge.Slug}");
        var placed = page.QuerySelectorAll("[data-results] [data-placement]").Select(li => (li.GetAttribute("data-placement"), li.QuerySelector(".challenge-results__story a")?.TextContent, li.QuerySelector(".challenge-results__note")?.TextContent)).ToList();
        Assert.Equal([("winner", "The Lamp Room", "Quiet and exact."), ("second", "Gulls at Dawn", "The dawn light.")], placed);
        Assert.Equal("2 entries judged by 2 judges, 2 per judge on average. Every entry was read and scored before the results were published.",
            page.QuerySelector("[data-statistics]")?.TextContent.Trim());
        Assert.Equal("challenge.results", await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.SubjectId == challenge.Id.ToString()).Select(e => e.Action).SingleAsync()));
        var late = await lead.Http.PostFormAsync($"{path}/{lampId}", [new($"Scores[{fit}]", "1"), new($"Scores[{craft}]", "1")], $"{path}/{lampId}");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Picks(params (int EntryId, string Note)[] picks) =>
        [.. picks.SelectMany((p, i) => new KeyValuePair<string, string>[] { new($"Picks[{i}].EntryId", p.EntryId.ToString()), new($"Picks[{i}].Note", p.Note) })];

    private static async Task ScoreAsync(SignedInClient judge, string path, int entryId, params (int Criterion, int Score)[] scores)
    {
        var response = await judge.Http.PostFormAsync($"{path}/{entryId}", scores.Select(s => new KeyValuePair<string, string>($"Scores[{s.Criterion}]", s.Score.ToString())), $"{path}/{entryId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A challenge that closed an hour ago, with these judges (the first, or <paramref name="lead"/>, leading).</summary>
    private async Task<Challenge> ClosedChallengeAsync(IReadOnlyList<FolioUser> judges, FolioUser? lead = null, Action<Challenge>? configure = null)
    {
        lead ??= judges[0];
        return await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-10), _app.Clock.UtcNow.AddHours(-1), configure: c =>
        {
            c.Judges = [.. judges.Select(j => new ChallengeJudge { UserId = j.Id, IsLead = j.Id == lead.Id })];
            configure?.Invoke(c);
        });
    }

    private async Task<Story> EntryByAsync(Challenge challenge, Community community, FolioUser author, string title)
    {
        var story = await _app.Data.StoryAsync(community, author, title);
        await _app.WithDbAsync(async db =>
        {
            db.ChallengeEntries.Add(new ChallengeEntry { ChallengeId = challenge.Id, StoryId = story.Id, AuthorId = author.Id, EnteredAt = _app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        return story;
    }

    private Task<int> EntryIdAsync(Story story) => _app.WithDbAsync(db => db.ChallengeEntries.Where(e => e.StoryId == story.Id).Select(e => e.Id).SingleAsync());

    private Task<(int Fit, int Craft)> CriteriaAsync(Challenge challenge) => _app.WithDbAsync(async db =>
    {
        var ids = await db.Set<ChallengeCriterion>().Where(c => c.ChallengeId == challenge.Id).OrderBy(c => c.Position).Select(c => c.Id).ToListAsync();
        return (ids[0], ids[1]);
    });

    private Task<List<(int StoryId, string JudgeId)>> AssignmentsAsync(Challenge challenge) => _app.WithDbAsync(async db =>
        (await db.ChallengeAssignments.Where(a => a.Entry.ChallengeId == challenge.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Entry.StoryId, a.JudgeId }).ToListAsync()).Select(a => (a.StoryId, a.JudgeId)).ToList());
}
