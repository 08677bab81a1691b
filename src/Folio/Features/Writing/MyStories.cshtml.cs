using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Comments;
using Folio.Features.Insights;
using Folio.Features.Moderation;
using Folio.Features.Newsletters;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

public sealed record MyStory(
    int Id, string Title, string CommunityName, string Url, StoryStatus Status, DateTime UpdatedAt, DateTime? PublishedAt,
    DateTime? SubmittedAt, int WordCount, int Hearts, int InsightReaders, int Comments, RevisionStatus? Revision)
{
    public int? QueuePosition { get; set; }
    public StoryReview? LatestSendBack { get; set; }
}

/// <summary>The author's dashboard: drafts, in review with place in the queue, sent back with reasons, published, unpublished.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyStoriesModel(FolioDb db, NewsletterNumbers newsletter, PageHead head) : PageModel
{
    public IReadOnlyList<MyStory> Stories { get; private set; } = [];

    public IReadOnlyDictionary<int, InsightBreakdown> Insights { get; private set; } = new Dictionary<int, InsightBreakdown>();

    /// <summary>The new-story emails of each published or unpublished story that has any.</summary>
    public IReadOnlyDictionary<int, StoryEmails> Emails { get; private set; } = new Dictionary<int, StoryEmails>();

    public IEnumerable<MyStory> InStatus(StoryStatus status) => Stories.Where(s => s.Status == status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "My stories";
        var authorId = User.UserId();
        Stories = await db.Stories.Where(s => s.AuthorId == authorId)
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new MyStory(s.Id, s.Title, s.Community.Name, StoryLinks.Path(s.Community.Slug, s.Slug), s.Status, s.UpdatedAt,
                s.PublishedAt, s.SubmittedAt, s.WordCount, s.Hearts.Count, db.InsightReaders().Count(r => r.StoryId == s.Id),
                s.Comments.AsQueryable().Count(CommentQueries.IsShown),
                s.Revision == null ? null : s.Revision.Status))
            .ToListAsync(cancellationToken);

        Insights = await InsightBreakdown.LoadAsync(db, InStatus(StoryStatus.Published).Select(s => s.Id).ToList(), cancellationToken);
        Emails = await newsletter.StoryEmailsAsync(
            Stories.Where(s => s.Status is StoryStatus.Published or StoryStatus.Unpublished).Select(s => s.Id).ToList(), cancellationToken);
        var waiting = Stories.Where(s => s.Status == StoryStatus.Pending || s.Revision == RevisionStatus.Pending).ToList();
        if (waiting.Count > 0)
        {
            // One look at the whole queue rather than one count per waiting story.
            var queue = await ReviewQueue.Entries(db).Select(e => e.StoryId).ToListAsync(cancellationToken);
            waiting.ForEach(story => story.QueuePosition = queue.IndexOf(story.Id) + 1);
        }

        var sentBack = Stories.Where(s => s.Status == StoryStatus.SentBack || s.Revision == RevisionStatus.SentBack).ToList();
        var sentBackIds = sentBack.Select(s => s.Id).ToList();
        var reviews = await db.StoryReviews.Where(r => sentBackIds.Contains(r.StoryId) && r.Decision == ReviewDecision.SentBack)
            .OrderByDescending(r => r.DecidedAt).ToListAsync(cancellationToken);
        sentBack.ForEach(story => story.LatestSendBack = reviews.FirstOrDefault(r => r.StoryId == story.Id));
    }
}
