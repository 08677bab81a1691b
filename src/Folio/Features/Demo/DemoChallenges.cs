using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Challenges.Judging;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Features.Demo;

/// <summary>
/// Two challenges for the demo site: one open in Earth, taking entries for another nine days, and one site-wide that
/// closed a month ago, judged, with its winners and notes published; its entries are stories the demo already has.
/// </summary>
public static class DemoChallenges
{
    private static readonly string[] OverJudges = ["elena", "june"];

    public static async Task AddAsync(FolioDb db, IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, FolioUser> people,
        IReadOnlyList<Story> stories, DateTime now, CancellationToken cancellationToken)
    {
        var open = Challenge("A River in 500 Words", "a-river-in-500-words", people["maya"], now,
            """
            Pick a river you know, by its name or not, and write it in **500 words or fewer**: what it carries, what it
            drowned, who crosses it. Fiction, memoir or reportage; a story about water that stays with the water.
            """);
        open.Community = communities["earth"];
        (open.OpensAt, open.ClosesAt) = (now.AddDays(-5), now.AddDays(9));
        (open.MinWords, open.MaxWords, open.EntrantRole) = (100, 500, Accounts.Roles.Creator);
        (open.FirstPrize, open.SecondPrize, open.RunnersUp, open.RunnerUpPrize) = ("A week on the home page and the Earth banner", "A feature in the Earth newsletter", 2, "A runner-up badge");
        open.Judges = [new() { UserId = people["maya"].Id, IsLead = true }, new() { UserId = people["tomas"].Id }];

        var over = Challenge("Small Hours", "small-hours", people["elena"], now,
            """
            Something that happens between midnight and dawn. A shift, a vigil, a kitchen, a train: any length, any form,
            as long as the clock says it is too late or too early.
            """);
        (over.OpensAt, over.ClosesAt, over.ResultsPublishedAt) = (now.AddDays(-75), now.AddDays(-40), now.AddDays(-30));
        (over.FirstPrize, over.SecondPrize, over.RunnersUp, over.JudgesPerEntry, over.BlindJudging) = ("$200 and a feature", "$100", 1, 2, true);
        over.Judges = [.. OverJudges.Select((name, i) => new ChallengeJudge { UserId = people[name].Id, IsLead = i == 0 })];
        db.Challenges.AddRange(open, over);

        var judges = OverJudges.Select(name => people[name].Id).ToHashSet();
        var entered = stories.Where(s => !judges.Contains(s.AuthorId)).DistinctBy(s => s.AuthorId).Take(5).ToList();
        var entries = entered.Select(story => new ChallengeEntry { Challenge = over, Story = story, AuthorId = story.AuthorId, EnteredAt = over.ClosesAt.AddDays(-3) }).ToList();
        db.ChallengeEntries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);

        // Scores that put the entries in the order they were picked, each judge a little apart from the other.
        var scoredAt = over.ClosesAt.AddDays(5);
        foreach (var (entry, rank) in entries.Select((e, i) => (e, i)))
        {
            foreach (var (judge, j) in judges.Select((id, j) => (id, j)))
            {
                entry.Assignments.Add(new ChallengeAssignment
                {
                    JudgeId = judge, ScoredAt = scoredAt,
                    NoteToAuthor = rank == 0 ? "The ending earned its quiet. Thank you for it." : "A clear voice; the middle could move faster.",
                });
                foreach (var criterion in over.Criteria)
                {
                    entry.Scores.Add(new ChallengeScore { JudgeId = judge, CriterionId = criterion.Id, Score = Math.Clamp(9 - rank + j - criterion.Position, 1, 10) });
                }
            }
        }

        (entries[0].Placement, entries[0].PlacementNote) = (ChallengePlacement.Winner, "The hour is never named and never needed: every line already knows what time it is.");
        (entries[1].Placement, entries[1].PlacementNote) = (ChallengePlacement.Second, "Patient and exact; the judges argued longest about this one.");
        (entries[2].Placement, entries[2].PlacementNote) = (ChallengePlacement.RunnerUp, "A small scene that stays with you after the light comes up.");
        // Written as rows rather than published by the lead judge, so the entrants' notices are written here too.
        db.Notifications.AddRange(entries.Select(e => ResultsAnnouncement.Notice(e.AuthorId, e.StoryId, e.Placement, over.ResultsPublishedAt!.Value)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Challenge Challenge(string title, string slug, FolioUser creator, DateTime now, string prompt) => new()
    {
        Slug = slug,
        Title = title,
        PromptMarkdown = prompt,
        PromptHtml = StoryRenderer.Render(prompt).Html,
        CreatedById = creator.Id,
        CreatedAt = now.AddDays(-80),
        UpdatedAt = now.AddDays(-80),
        Criteria =
        [
            new() { Name = "Fit to the prompt", Description = "How fully the entry answers the prompt.", Weight = 40, Position = 0 },
            new() { Name = "Craft", Description = "Sentences, structure, pace.", Weight = 40, Position = 1 },
            new() { Name = "Originality", Description = "What only this writer would have written.", Weight = 20, Position = 2 },
        ],
    };
}
