using System.Net;
using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Challenges.Results;

/// <summary>A judged challenge ready for its results: entries by given authors, every reading scored, published through the lead judge's form.</summary>
internal static class ResultsData
{
    /// <summary>Closed an hour ago, judged by these judges (the first leading), criteria "Fit to the prompt" (60) and "Craft" (40).</summary>
    public static Task<Challenge> JudgedChallengeAsync(this FolioApp app, IReadOnlyList<FolioUser> judges, string title, Action<Challenge>? configure = null) =>
        app.ChallengeAsync(app.Clock.UtcNow.AddDays(-10), app.Clock.UtcNow.AddHours(-1), title: title, configure: c =>
        {
            c.Judges = [.. judges.Select((j, i) => new ChallengeJudge { UserId = j.Id, IsLead = i == 0 })];
            c.JudgesPerEntry = judges.Count;
            configure?.Invoke(c);
        });

    public static async Task<Story> EntryByAsync(this FolioApp app, Challenge challenge, Community community, FolioUser author, string title)
    {
        var story = await app.Data.StoryAsync(community, author, title);
        await app.WithDbAsync(async db =>
        {
            db.ChallengeEntries.Add(new ChallengeEntry { ChallengeId = challenge.Id, StoryId = story.Id, AuthorId = author.Id, EnteredAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        return story;
    }

    /// <summary>Shares the entries out, then scores every reading: fit = <paramref name="fit"/>(story title), craft 5, and a note naming judge and story.</summary>
    public static async Task ScoreEveryReadingAsync(this FolioApp app, Challenge challenge, Func<string, int> fit)
    {
        await app.RunChallengePassAsync();
        await app.WithDbAsync(async db =>
        {
            var criteria = await db.Set<ChallengeCriterion>().Where(c => c.ChallengeId == challenge.Id).OrderBy(c => c.Position).ToListAsync();
            var readings = await db.ChallengeAssignments.Include(a => a.Entry).ThenInclude(e => e.Story)
                .Where(a => a.Entry.ChallengeId == challenge.Id).ToListAsync();
            var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            foreach (var reading in readings)
            {
                reading.ScoredAt = app.Clock.UtcNow;
                reading.NoteToAuthor = $"{names[reading.JudgeId]} on {reading.Entry.Story.Title}: keep going.";
                db.ChallengeScores.Add(new ChallengeScore { EntryId = reading.EntryId, JudgeId = reading.JudgeId, CriterionId = criteria[0].Id, Score = fit(reading.Entry.Story.Title) });
                db.ChallengeScores.Add(new ChallengeScore { EntryId = reading.EntryId, JudgeId = reading.JudgeId, CriterionId = criteria[1].Id, Score = 5 });
            }

            await db.SaveChangesAsync();
        });
    }

    public static async Task PublishAsync(this SignedInClient lead, FolioApp app, Challenge challenge, params Story[] placed)
    {
        var ids = await app.WithDbAsync(db => db.ChallengeEntries.Where(e => e.ChallengeId == challenge.Id).ToDictionaryAsync(e => e.StoryId, e => e.Id));
        var path = $"/challenges/{challenge.Slug}/judging/results";
        var picks = placed.SelectMany((story, i) => new KeyValuePair<string, string>[] { new($"Picks[{i}].EntryId", ids[story.Id].ToString()), new($"Picks[{i}].Note", "Well made.") });
        var response = await lead.Http.PostFormAsync(path, picks, path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
