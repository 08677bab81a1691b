using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>One entry on a judge's list; the author's name is null when the judging is blind.</summary>
public sealed record AssignedEntry(int EntryId, string Title, string? AuthorName, int WordCount, bool Scored);

/// <summary>A judge's list of the entries they read, the whole challenge's progress, and for the lead the way to the results.</summary>
[Authorize]
public sealed class JudgingPageModel(FolioDb db, PageHead head, TimeProvider clock) : PageModel
{
    public JudgedChallenge Judged { get; private set; } = null!;
    public ChallengePhase Phase { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<AssignedEntry> Entries { get; private set; } = [];
    public JudgingProgress Progress { get; private set; } = new(0, 0);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await JudgedChallenge.FindAsync(db, slug, User.UserId(), cancellationToken) is not { } judged)
        {
            return NotFound();
        }

        Judged = judged;
        var challenge = judged.Challenge;
        Phase = challenge.PhaseAt(clock.GetUtcNow().UtcDateTime);
        Zone = await ChallengeTimes.ReaderZoneAsync(db, User, cancellationToken);
        head.Title = $"Judging {challenge.Title}";
        head.NoIndex = true;
        if (Phase is ChallengePhase.Upcoming or ChallengePhase.Open)
        {
            return Page();
        }

        var judgeId = judged.Judge.UserId;
        var blind = challenge.BlindJudging;
        Entries = await db.ChallengeAssignments.Where(a => a.JudgeId == judgeId && a.Entry.ChallengeId == challenge.Id)
            .OrderBy(a => a.ScoredAt != null).ThenBy(a => a.EntryId)
            .Select(a => new AssignedEntry(a.EntryId, a.Entry.Story.Title, blind ? null : a.Entry.Author.DisplayName, a.Entry.Story.WordCount, a.ScoredAt != null))
            .ToListAsync(cancellationToken);
        Progress = await JudgingProgress.OfAsync(db, challenge.Id, cancellationToken);
        return Page();
    }
}
