using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's challenges (with their criteria, judges and prizes) and their entries (with assignments and scores).</summary>
internal sealed class ExportChallenges(FolioDb db, Utf8JsonWriter json, ExportWriter writer)
{
    private const int Batch = 200;

    public Task<int> ChallengesAsync() => writer.ArrayAsync("challenges",
        db.Challenges.AsNoTracking().Include(c => c.Community).Include(c => c.Criteria).Include(c => c.Judges).AsSplitQuery().OrderBy(c => c.Id), c =>
    {
        json.WriteNumber("id", c.Id);
        json.WriteString("slug", c.Slug);
        json.WriteString("title", c.Title);
        json.WriteString("community", c.Community?.Slug);
        json.WriteString("promptMarkdown", c.PromptMarkdown);
        json.WriteString("heroImageUrl", c.HeroImageUrl);
        json.WriteString("heroAltText", c.HeroAltText);
        json.WriteString("opensAt", c.OpensAt);
        json.WriteString("closesAt", c.ClosesAt);
        WriteNumber("minWords", c.MinWords);
        WriteNumber("maxWords", c.MaxWords);
        json.WriteStartArray("requiredTags");
        c.RequiredTags.ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteNumber("entriesPerCreator", c.EntriesPerCreator);
        json.WriteString("entrantRole", c.EntrantRole);
        json.WriteBoolean("entriesVisibleBeforeClose", c.EntriesVisibleBeforeClose);
        json.WriteNumber("judgesPerEntry", c.JudgesPerEntry);
        json.WriteBoolean("blindJudging", c.BlindJudging);
        json.WriteStartObject("prizes");
        json.WriteString("first", c.FirstPrize);
        json.WriteString("second", c.SecondPrize);
        json.WriteString("third", c.ThirdPrize);
        json.WriteNumber("runnersUp", c.RunnersUp);
        json.WriteString("runnerUp", c.RunnerUpPrize);
        json.WriteEndObject();
        writer.WriteDate("resultsPublishedAt", c.ResultsPublishedAt);
        writer.WriteDate("openedAnnouncedAt", c.OpenedAnnouncedAt);
        writer.WriteDate("closedAnnouncedAt", c.ClosedAnnouncedAt);
        json.WriteString("createdAt", c.CreatedAt);
        json.WriteString("createdBy", writer.Username(c.CreatedById));
        json.WriteString("updatedAt", c.UpdatedAt);
        json.WriteStartArray("criteria");
        foreach (var criterion in c.Criteria.OrderBy(x => x.Position))
        {
            json.WriteStartObject();
            json.WriteNumber("id", criterion.Id);
            json.WriteString("name", criterion.Name);
            json.WriteString("description", criterion.Description);
            json.WriteNumber("weight", criterion.Weight);
            json.WriteNumber("position", criterion.Position);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("judges");
        foreach (var judge in c.Judges.OrderBy(j => !j.IsLead).ThenBy(j => writer.Username(j.UserId), StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("username", writer.Username(judge.UserId));
            json.WriteBoolean("lead", judge.IsLead);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>A batch of entries at a time, each with its assignments and scores: a large challenge has thousands.</summary>
    public async Task<int> EntriesAsync()
    {
        json.WriteStartArray("challengeEntries");
        var count = 0;
        for (var after = 0; ;)
        {
            var batch = await db.ChallengeEntries.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(Batch)
                .Include(e => e.Assignments).Include(e => e.Scores).AsSplitQuery()
                .ToListAsync(writer.CancellationToken);
            foreach (var e in batch)
            {
                json.WriteStartObject();
                json.WriteNumber("challenge", e.ChallengeId);
                json.WriteNumber("story", e.StoryId);
                json.WriteString("author", writer.Username(e.AuthorId));
                json.WriteString("enteredAt", e.EnteredAt);
                json.WriteString("placement", e.Placement is { } placement ? ExportWriter.Kebab(placement) : null);
                json.WriteString("placementNote", e.PlacementNote);
                json.WriteStartArray("assignments");
                foreach (var a in e.Assignments.OrderBy(a => a.Id))
                {
                    json.WriteStartObject();
                    json.WriteString("judge", writer.Username(a.JudgeId));
                    json.WriteString("noteToAuthor", a.NoteToAuthor);
                    writer.WriteDate("scoredAt", a.ScoredAt);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("scores");
                foreach (var s in e.Scores.OrderBy(s => s.Id))
                {
                    json.WriteStartObject();
                    json.WriteString("judge", writer.Username(s.JudgeId));
                    json.WriteNumber("criterion", s.CriterionId);
                    json.WriteNumber("score", s.Score);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            count += batch.Count;
            await writer.FlushIfFullAsync();
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        json.WriteEndArray();
        return count;
    }

    private void WriteNumber(string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
