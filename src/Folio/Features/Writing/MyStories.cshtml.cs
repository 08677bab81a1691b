using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Comments;
using Folio.Features.Insights;
using Folio.Features.Moderation;
using Folio.Features.Newsletters;
using Folio.Features.Pins;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

public sealed record MyStory(
    int Id, string Title, string CommunityName, string Url, StoryStatus Status, DateTime UpdatedAt, DateTime? PublishedAt,
    DateTime? SubmittedAt, int WordCount, int Hearts, int InsightReaders, int Comments, RevisionStatus? Revision, bool PinnedToProfile)
{
    public int? QueuePosition { get; set; }
    public StoryReview? LatestSendBack { get; set; }
}

/// <summary>
/// The author's dashboard: drafts, in review with place in the queue, sent back with reasons, and unpublished, all of
/// them, on the first page; published stories, newest first, a page at a time, so a prolific creator's dashboard costs
/// the same as anyone's.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyStoriesModel(FolioDb db, NewsletterNumbers newsletter, PageHead head, StoryWorkflow workflow, IAuthorizationService authorization)
    : PageModel
{
    public const int PublishedPageSize = 20;

    /// <summary>The stories not published, which the author is still working on or took down; only on the first page.</summary>
    public IReadOnlyList<MyStory> Unfinished { get; private set; } = [];

    public PagedList<MyStory> Published { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool HasAny => Unfinished.Count > 0 || Published.TotalCount > 0;

    /// <summary>What the last withdrawal or pin did or why it could not, shown once.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Whether <see cref="StatusMessage"/> says why something was refused.</summary>
    [TempData]
    public bool StatusIsRefusal { get; set; }

    public IReadOnlyDictionary<int, InsightBreakdown> Insights { get; private set; } = new Dictionary<int, InsightBreakdown>();

    /// <summary>The new-story emails of each published or unpublished story that has any.</summary>
    public IReadOnlyDictionary<int, StoryEmails> Emails { get; private set; } = new Dictionary<int, StoryEmails>();

    public IReadOnlyList<MyStory> InStatus(StoryStatus status) =>
        status == StoryStatus.Published ? Published.Items : [.. Unfinished.Where(s => s.Status == status)];

    /// <summary>How many of the author's stories are in this status: all of them, not only this page's.</summary>
    public int CountIn(StoryStatus status) =>
        status == StoryStatus.Published ? Published.TotalCount ?? 0 : Unfinished.Count(s => s.Status == status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        head.NoIndex = true;
        var authorId = User.UserId();
        var mine = db.Stories.Where(s => s.AuthorId == authorId);
        Published = await Listed(mine.Where(s => s.Status == StoryStatus.Published)
                .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id))
            .ToPagedListAsync(PageNumber, PublishedPageSize, cancellationToken);
        if (Published.IsPastEnd)
        {
            return Redirect($"/me/stories?page={Published.TotalPages}");
        }

        head.Title = Published.Page > 1 ? $"My stories, page {Published.Page}" : "My stories";

        if (Published.Page == 1)
        {
            Unfinished = await Listed(mine.Where(s => s.Status != StoryStatus.Published).OrderByDescending(s => s.UpdatedAt))
                .ToListAsync(cancellationToken);
        }

        Insights = await InsightBreakdown.LoadAsync(db, Published.Items.Select(s => s.Id).ToList(), cancellationToken);
        Emails = await newsletter.StoryEmailsAsync(
            [.. Published.Items.Concat(InStatus(StoryStatus.Unpublished)).Select(s => s.Id)], cancellationToken);
        var all = Published.Items.Concat(Unfinished).ToList();
        var waiting = all.Where(s => s.Status == StoryStatus.Pending || s.Revision == RevisionStatus.Pending).ToList();
        if (waiting.Count > 0)
        {
            // One look at the whole queue rather than one count per waiting story.
            var queue = await ReviewQueue.Entries(db).Select(e => e.StoryId).ToListAsync(cancellationToken);
            waiting.ForEach(story => story.QueuePosition = queue.IndexOf(story.Id) + 1);
        }

        var sentBack = all.Where(s => s.Status == StoryStatus.SentBack || s.Revision == RevisionStatus.SentBack).ToList();
        var sentBackIds = sentBack.Select(s => s.Id).ToList();
        var reviews = await db.StoryReviews.Where(r => sentBackIds.Contains(r.StoryId) && r.Decision == ReviewDecision.SentBack)
            .OrderByDescending(r => r.DecidedAt).ToListAsync(cancellationToken);
        sentBack.ForEach(story => story.LatestSendBack = reviews.FirstOrDefault(r => r.StoryId == story.Id));
        return Page();
    }

    /// <summary>The withdraw button of an entry in an open challenge; the workflow refuses it, in words, once the challenge has closed.</summary>
    public async Task<IActionResult> OnPostWithdrawEntryAsync(int id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Write)).Succeeded)
        {
            return Forbid();
        }

        var authorId = User.RequiredUserId();
        var story = await db.Stories.ForWorkflow().FirstOrDefaultAsync(s => s.Id == id && s.AuthorId == authorId, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        StatusMessage = (await workflow.WithdrawEntryAsync(await StoryActor.ReadAsync(User, authorization), story, cancellationToken)).Message;
        return Redirect("/me/stories");
    }

    /// <summary>The Pin and Unpin buttons of a published story: the story page's rules (StoryPins), answered here in words.</summary>
    public Task<IActionResult> OnPostPinAsync(int id, [FromServices] StoryPins pins, CancellationToken cancellationToken) =>
        ChangePinAsync(id, pin: true, pins, cancellationToken);

    public Task<IActionResult> OnPostUnpinAsync(int id, [FromServices] StoryPins pins, CancellationToken cancellationToken) =>
        ChangePinAsync(id, pin: false, pins, cancellationToken);

    private async Task<IActionResult> ChangePinAsync(int id, bool pin, StoryPins pins, CancellationToken cancellationToken)
    {
        var outcome = pin
            ? await pins.PinAsync(id, PinPlace.Profile, User, cancellationToken)
            : await pins.UnpinAsync(id, PinPlace.Profile, User, cancellationToken);
        if (outcome == PinOutcome.NoSuchStory)
        {
            return NotFound();
        }

        var title = await db.Stories.Where(s => s.Id == id).Select(s => s.Title).FirstAsync(cancellationToken);
        (StatusMessage, StatusIsRefusal) = outcome switch
        {
            PinOutcome.Pinned => ($"“{title}” is pinned to your profile.", false),
            PinOutcome.Unpinned => ($"“{title}” is no longer pinned to your profile.", false),
            _ => (PinMessages.For(outcome, PinPlace.Profile), true),
        };
        return Redirect(PageNumber > 1 ? $"/me/stories?page={PageNumber}" : "/me/stories");
    }

    private IQueryable<MyStory> Listed(IQueryable<Story> stories) =>
        stories.Select(s => new MyStory(s.Id, s.Title, s.Community.Name, StoryLinks.Path(s.Community.Slug, s.Slug), s.Status, s.UpdatedAt,
            s.PublishedAt, s.SubmittedAt, s.WordCount, s.Hearts.Count, db.InsightReaders().Count(r => r.StoryId == s.Id),
            s.Comments.AsQueryable().Count(CommentQueries.IsShown),
            s.Revision == null ? null : s.Revision.Status, s.ProfilePinnedAt != null));
}
