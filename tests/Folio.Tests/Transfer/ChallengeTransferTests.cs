using System.Text.Json;
using System.Text.Json.Nodes;
using Folio.Features.Challenges;
using Folio.Features.Stories;
using Folio.Tests.Challenges;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Transfer;

/// <summary>`export` on a site with challenges, `import folio` on a fresh one, `export` again: the challenge data reads the same.</summary>
public sealed class ChallengeTransferTests : IDisposable
{
    private readonly FolioProcess _source = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly FolioProcess _target = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly FolioProcess _older = new(migrateTemplate: FolioApp.MigrateTemplate);
    private readonly TransferFiles _files = new();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
        _older.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task ChallengesWithTheirEntriesAssignmentsAndScoresSurviveARoundTrip()
    {
        using (var site = new FolioApp(dataDirectory: _source.DataDirectory))
        {
            await SiteWithChallengesAsync(site);
        }

        var (first, again) = (Path.Combine(_files.Folder, "first.json"), Path.Combine(_files.Folder, "again.json"));
        var export = await _source.RunAsync("export", first);
        var import = await _target.RunAsync("import", "folio", first);
        var reimport = await _target.RunAsync("import", "folio", first);
        var exportAgain = await _target.RunAsync("export", again);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("2 challenges, 3 challenge entries", export.Out);
        Assert.Contains("challenges: created /challenges/harbour-lights, /challenges/fog-signals", import.Out);
        Assert.DoesNotContain("skipped:", import.Out);
        Assert.True(reimport.ExitCode == 0, reimport.ToString());
        Assert.DoesNotContain("challenges: created", reimport.Out);
        Assert.True(exportAgain.ExitCode == 0, exportAgain.ToString());
        var (before, after) = (Comparable(first), Comparable(again));
        Assert.Equal(before.Challenges, after.Challenges);
        Assert.Equal(before.Entries, after.Entries);
        Assert.Contains("\"heroImageUrl\":\"https://images.example.org/harbour.jpg\"", before.Challenges);
        Assert.Contains("The fog is a character.", before.Entries);

        using var target = new FolioApp(dataDirectory: _target.DataDirectory);
        Assert.Equal(StoryStatus.Held, await target.WithDbAsync(db => db.Stories.Where(s => s.Title == "Held Back").Select(s => s.Status).SingleAsync()));
        Assert.Equal(3, await target.WithDbAsync(db => db.ChallengeEntries.CountAsync()));
        // Imported moments already past are not news: the minute pass announces nothing for them.
        Assert.Equal(2, await target.WithDbAsync(db => db.Challenges.CountAsync(c => c.OpenedAnnouncedAt != null)));
        var page = await target.GetPageAsync("/challenges/harbour-lights");
        Assert.Contains("Quiet and exact.", page.QuerySelector("[data-results]")?.TextContent);
    }

    [Fact]
    public async Task AnExportMadeBeforeChallengesStillImports()
    {
        using (var site = new FolioApp(dataDirectory: _source.DataDirectory))
        {
            await SiteRoundTripTests.SiteWithDataAsync(site);
        }

        var file = Path.Combine(_files.Folder, "site.json");
        Assert.Equal(0, (await _source.RunAsync("export", file)).ExitCode);
        var older = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        older.Remove("challenges");
        older.Remove("challengeEntries");
        await File.WriteAllTextAsync(file, older.ToJsonString());

        var import = await _older.RunAsync("import", "folio", file);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith("3 imported, 0 unchanged (already imported), 0 skipped", import.Out);
    }

    private static async Task SiteWithChallengesAsync(FolioApp site)
    {
        var now = site.Clock.UtcNow;
        var community = await site.Data.CommunityAsync("sea", "The Sea");
        var second = await site.Data.PersonAsync();
        var judged = await site.ChallengeAsync(now.AddDays(-20), now.AddDays(-10), community, "Harbour Lights", c =>
        {
            c.HeroImageUrl = "https://images.example.org/harbour.jpg";
            c.HeroAltText = "A harbour at dusk";
            c.SecondPrize = "$200";
            c.ThirdPrize = "$100";
            c.BlindJudging = true;
            c.JudgesPerEntry = 2;
            c.ResultsPublishedAt = now.AddDays(-1);
            c.Judges.Add(new ChallengeJudge { UserId = second.Id });
        });
        var lamp = await site.EntryAsync(judged, community, "The Lamp Room");
        var gulls = await site.EntryAsync(judged, community, "Gulls at Dawn");
        var open = await site.ChallengeAsync(now.AddDays(-1), now.AddDays(7), title: "Fog Signals");
        var held = await site.EntryAsync(open, community, "Held Back");
        await site.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(held.Id))!.Hold();
            var judges = await db.Set<ChallengeJudge>().Where(j => j.ChallengeId == judged.Id).Select(j => j.UserId).ToListAsync();
            var criteria = await db.Set<ChallengeCriterion>().Where(c => c.ChallengeId == judged.Id).Select(c => c.Id).ToListAsync();
            var entries = await db.ChallengeEntries.Where(e => e.ChallengeId == judged.Id).OrderBy(e => e.Id).ToListAsync();
            foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
            {
                entry.Placement = i == 0 ? ChallengePlacement.Winner : ChallengePlacement.Second;
                entry.PlacementNote = i == 0 ? "Quiet and exact." : "The dawn light.";
                foreach (var judge in judges)
                {
                    entry.Assignments.Add(new ChallengeAssignment { JudgeId = judge, NoteToAuthor = "The fog is a character.", ScoredAt = now.AddDays(-3) });
                    entry.Scores.AddRange(criteria.Select((c, k) => new ChallengeScore { JudgeId = judge, CriterionId = c, Score = 5 + i + k }));
                }
            }

            await db.SaveChangesAsync();
        });
        Assert.NotEqual(lamp.Id, gulls.Id);
    }

    /// <summary>The challenge sections with ids that differ by site replaced by what they name: stories by title, criteria by name.</summary>
    private static (string Challenges, string Entries) Comparable(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var titles = root["stories"]!.AsArray().ToDictionary(s => (int)s!["id"]!, s => (string)s!["title"]!);
        var challenges = root["challenges"]!.AsArray();
        var slugs = challenges.ToDictionary(c => (int)c!["id"]!, c => (string)c!["slug"]!);
        var criteria = challenges.SelectMany(c => c!["criteria"]!.AsArray()).ToDictionary(c => (int)c!["id"]!, c => (string)c!["name"]!);
        foreach (var challenge in challenges)
        {
            challenge!.AsObject().Remove("id");
            // Set by the import (the moments had passed) where the source's pass never ran.
            challenge.AsObject().Remove("openedAnnouncedAt");
            challenge.AsObject().Remove("closedAnnouncedAt");
            foreach (var criterion in challenge["criteria"]!.AsArray())
            {
                criterion!.AsObject().Remove("id");
            }
        }

        var entries = root["challengeEntries"]!.AsArray();
        foreach (var entry in entries)
        {
            entry!["challenge"] = slugs[(int)entry["challenge"]!];
            entry["story"] = titles[(int)entry["story"]!];
            foreach (var score in entry["scores"]!.AsArray())
            {
                score!["criterion"] = criteria[(int)score["criterion"]!];
            }
        }

        return (challenges.ToJsonString(), JsonSerializer.Serialize(entries.OrderBy(e => (string)e!["story"]!).Select(e => e!.ToJsonString())));
    }
}
