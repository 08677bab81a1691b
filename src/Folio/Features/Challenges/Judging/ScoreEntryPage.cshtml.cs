using Folio.Shared.Web;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges.Judging;

/// <summary>The entry as its judge reads it: the author's name left out when the judging is blind.</summary>
public sealed record EntryToJudge(string Title, string Subtitle, string? AuthorName, int WordCount, string BodyHtml);

/// <summary>
/// One entry for one of the judges it was given to: the story, and a score on every criterion with a note for the
/// author. An entry not given to this judge is a 404, as is the page for anyone who is not a judge of the challenge.
/// </summary>
[Authorize]
public sealed class ScoreEntryPageModel(FolioDb db, EntryScoring scoring, PageHead head, TimeProvider clock) : PageModel
{
    public JudgedChallenge Judged { get; private set; } = null!;
    public EntryToJudge Entry { get; private set; } = null!;
    public IReadOnlyList<ChallengeCriterion> Criteria { get; private set; } = [];
    public bool ResultsPublished { get; private set; }

    [BindProperty]
    public Dictionary<int, string?> Scores { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int entryId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, entryId, cancellationToken) is not { } assignment)
        {
            return NotFound();
        }

        var given = await db.ChallengeScores.Where(s => s.EntryId == entryId && s.JudgeId == assignment.JudgeId)
            .ToDictionaryAsync(s => s.CriterionId, s => s.Score, cancellationToken);
        Scores = Criteria.ToDictionary(c => c.Id, c => given.TryGetValue(c.Id, out var score) ? score.ToString() : null);
        Note = assignment.NoteToAuthor;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int entryId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, entryId, cancellationToken) is not { } assignment)
        {
            return NotFound();
        }

        if (ResultsPublished)
        {
            ModelState.AddModelError("", "The results are published, so scores can no longer change.");
            return Page().WithStatus(StatusCodes.Status409Conflict);
        }

        var problems = await scoring.SaveAsync(assignment, Criteria, new ScoreSheet(Scores, Note), cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }

            return Page().WithStatus(StatusCodes.Status400BadRequest);
        }

        StatusMessage = $"Scored “{Entry.Title}”.";
        return Redirect(Judged.Path);
    }

    private async Task<ChallengeAssignment?> LoadAsync(string slug, int entryId, CancellationToken cancellationToken)
    {
        if (await JudgedChallenge.FindAsync(db, slug, User.UserId(), cancellationToken) is not { } judged)
        {
            return null;
        }

        var judgeId = judged.Judge.UserId;
        var assignment = await db.ChallengeAssignments
            .FirstOrDefaultAsync(a => a.EntryId == entryId && a.JudgeId == judgeId && a.Entry.ChallengeId == judged.Challenge.Id, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        Judged = judged;
        Criteria = judged.Criteria;
        ResultsPublished = judged.Challenge.PhaseAt(clock.GetUtcNow().UtcDateTime) == ChallengePhase.Closed;
        var blind = judged.Challenge.BlindJudging;
        Entry = await db.ChallengeEntries.Where(e => e.Id == entryId)
            .Select(e => new EntryToJudge(e.Story.Title, e.Story.Subtitle, blind ? null : e.Author.DisplayName, e.Story.WordCount, e.Story.BodyHtml))
            .FirstAsync(cancellationToken);
        head.Title = $"Judging “{Entry.Title}”";
        head.NoIndex = true;
        return assignment;
    }
}
