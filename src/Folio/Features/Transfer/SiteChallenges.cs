using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>
/// The export's challenges that are not here (known by slug), with their criteria and judges, then their entries a
/// batch at a time with each entry's assignments and scores. A challenge already here is kept as it is, entries and
/// all, so importing the file again adds nothing. An imported challenge's opening and closing are not news: those
/// already past count as announced.
/// </summary>
internal sealed class SiteChallenges(FolioDb db, SitePeople people, Dictionary<string, int> communities, IReadOnlyDictionary<int, int> stories, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>For each challenge created now, by its id in the file: its id here and its criteria's.</summary>
    private readonly Dictionary<int, (int Id, Dictionary<int, int> Criteria)> _created = [];

    public async Task AddAsync(SiteExportFile file, ImportReport report, CancellationToken cancellationToken)
    {
        await AddChallengesAsync(file.Challenges, report, cancellationToken);
        if (_created.Count == 0)
        {
            return;
        }

        foreach (var batch in file.ChallengeEntries().Chunk(Batch))
        {
            await AddEntriesAsync(batch, report, cancellationToken);
        }
    }

    private async Task AddChallengesAsync(List<ExportedChallenge> exported, ImportReport report, CancellationToken cancellationToken)
    {
        var slugs = exported.Select(c => c.Slug).ToList();
        var here = await db.Challenges.Where(c => slugs.Contains(c.Slug)).Select(c => c.Slug).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(ExportedChallenge Exported, Challenge Challenge)>();
        foreach (var c in exported.Where(c => !here.Contains(c.Slug)).DistinctBy(c => c.Slug))
        {
            int? communityId = c.Community is null ? null : communities.TryGetValue(c.Community, out var id) ? id : -1;
            if (communityId == -1)
            {
                report.Skip($"challenge /challenges/{c.Slug}", $"its community “{c.Community}” is not in the export or not here");
                continue;
            }

            var challenge = new Challenge
            {
                Slug = c.Slug,
                Title = c.Title,
                PromptMarkdown = c.PromptMarkdown,
                PromptHtml = StoryRenderer.Render(c.PromptMarkdown).Html,
                HeroImageUrl = c.HeroImageUrl,
                HeroAltText = c.HeroAltText,
                CommunityId = communityId,
                OpensAt = c.OpensAt,
                ClosesAt = c.ClosesAt,
                MinWords = c.MinWords,
                MaxWords = c.MaxWords,
                RequiredTags = c.RequiredTags ?? [],
                EntriesPerCreator = c.EntriesPerCreator,
                EntrantRole = c.EntrantRole,
                EntriesVisibleBeforeClose = c.EntriesVisibleBeforeClose,
                JudgesPerEntry = c.JudgesPerEntry,
                BlindJudging = c.BlindJudging,
                FirstPrize = c.Prizes?.First,
                SecondPrize = c.Prizes?.Second,
                ThirdPrize = c.Prizes?.Third,
                RunnersUp = c.Prizes?.RunnersUp ?? 0,
                RunnerUpPrize = c.Prizes?.RunnerUp,
                ResultsPublishedAt = c.ResultsPublishedAt,
                OpenedAnnouncedAt = c.OpenedAnnouncedAt ?? (c.OpensAt <= now ? now : null),
                ClosedAnnouncedAt = c.ClosedAnnouncedAt ?? (c.ClosesAt <= now ? now : null),
                CreatedAt = c.CreatedAt,
                CreatedById = (c.CreatedBy is null ? null : people.IdOf(c.CreatedBy)) ?? c.CreatedBy ?? "",
                UpdatedAt = c.UpdatedAt,
                Criteria = [.. (c.Criteria ?? []).Select(x => new ChallengeCriterion { Name = x.Name, Description = x.Description, Weight = x.Weight, Position = x.Position })],
                Judges = [.. (c.Judges ?? []).Select(j => (Id: people.IdOf(j.Username), j.Lead)).Where(j => j.Id is not null).DistinctBy(j => j.Id)
                    .Select(j => new ChallengeJudge { UserId = j.Id!, IsLead = j.Lead })],
            };
            db.Challenges.Add(challenge);
            added.Add((c, challenge));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (c, challenge) in added)
        {
            _created[c.Id] = (challenge.Id, (c.Criteria ?? []).Zip(challenge.Criteria).DistinctBy(p => p.First.Id).ToDictionary(p => p.First.Id, p => p.Second.Id));
        }

        db.ChangeTracker.Clear();
        if (added.Count > 0)
        {
            report.Note("challenges", $"created {string.Join(", ", added.Select(a => "/challenges/" + a.Challenge.Slug))}");
        }
    }

    private async Task AddEntriesAsync(IReadOnlyList<ExportedChallengeEntry> batch, ImportReport report, CancellationToken cancellationToken)
    {
        var storyIds = batch.Select(e => stories.GetValueOrDefault(e.Story)).Where(id => id != 0).ToList();
        var entered = await db.ChallengeEntries.Where(e => storyIds.Contains(e.StoryId)).Select(e => e.StoryId).ToHashSetAsync(cancellationToken);
        await using var transaction = await BulkWrites.BeginBatchAsync(db, cancellationToken);
        foreach (var e in batch)
        {
            if (!_created.TryGetValue(e.Challenge, out var challenge))
            {
                continue;
            }

            if (!stories.TryGetValue(e.Story, out var storyId) || people.IdOf(e.Author) is not { } authorId || !entered.Add(storyId))
            {
                report.Skip($"entry of story {e.Story} in challenge {e.Challenge}", "its story or author was not imported, or the story is already entered in a challenge here");
                continue;
            }

            db.ChallengeEntries.Add(new ChallengeEntry
            {
                ChallengeId = challenge.Id,
                StoryId = storyId,
                AuthorId = authorId,
                EnteredAt = e.EnteredAt,
                Placement = KebabNames.Parse<ChallengePlacement>(e.Placement),
                PlacementNote = e.PlacementNote,
                Assignments = [.. (e.Assignments ?? []).Select(a => (Judge: people.IdOf(a.Judge), a)).Where(a => a.Judge is not null).DistinctBy(a => a.Judge)
                    .Select(a => new ChallengeAssignment { JudgeId = a.Judge!, NoteToAuthor = a.a.NoteToAuthor, ScoredAt = a.a.ScoredAt })],
                Scores = [.. (e.Scores ?? [])
                    .Select(s => (Judge: people.IdOf(s.Judge), Criterion: challenge.Criteria.GetValueOrDefault(s.Criterion), s.Score))
                    .Where(s => s.Judge is not null && s.Criterion != 0).DistinctBy(s => (s.Judge, s.Criterion))
                    .Select(s => new ChallengeScore { JudgeId = s.Judge!, CriterionId = s.Criterion, Score = s.Score })],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
