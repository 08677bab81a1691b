using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Insights;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

public sealed class StoryPageModel(FolioDb db, PageHead head) : PageModel
{
    private const int TopInsightCount = 5;

    public Story Story { get; private set; } = null!;
    public FolioUser Author => Story.Author;
    public IReadOnlyList<InsightCount> TopInsights { get; private set; } = [];
    public int InsightReaderCount { get; private set; }
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public int CommentCount { get; private set; }
    public int HeartCount { get; private set; }
    public string StoryUrl => $"/{Story.Community.Slug}/{Story.Slug}";

    public async Task<IActionResult> OnGetAsync(string community, string slug, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().Published()
            .Include(s => s.Community)
            .Include(s => s.Author).ThenInclude(a => a.Links)
            .Include(s => s.Tags.OrderBy(t => t.Name))
            .FirstOrDefaultAsync(s => s.Community.Slug == community.ToLowerInvariant() && s.Slug == slug.ToLowerInvariant(), cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        var insightCounts = await db.ReaderInsights.Where(i => i.StoryId == story.Id)
            .GroupBy(i => i.Quality)
            .Select(g => new { Quality = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        TopInsights = insightCounts
            .OrderByDescending(i => i.Count).ThenBy(i => i.Quality)
            .Take(TopInsightCount)
            .Select(i => new InsightCount(InsightCatalog.Describe(i.Quality), i.Count))
            .ToList();
        InsightReaderCount = await db.ReaderInsights.Where(i => i.StoryId == story.Id).Select(i => i.ReaderId).Distinct().CountAsync(cancellationToken);
        HeartCount = await db.Hearts.CountAsync(h => h.StoryId == story.Id, cancellationToken);

        var comments = await db.Comments.Where(c => c.StoryId == story.Id)
            .Select(c => new CommentView(c.Id, c.ParentId, c.Author.UserName!, c.Author.DisplayName, c.Author.AvatarUrl,
                c.DeletedAt == null ? c.BodyHtml : "", c.CreatedAt, c.EditedAt != null, c.DeletedAt != null))
            .ToListAsync(cancellationToken);
        Comments = CommentThread.Build(comments);
        CommentCount = comments.Count(c => !c.Deleted);

        head.Title = story.Title;
        head.Description = story.Subtitle;
        head.ImageUrl = story.HeroImageUrl ?? story.Community.LogoUrl;
        head.OpenGraphType = "article";
        head.PublishedAt = story.PublishedAt;
        head.AuthorName = story.Author.DisplayName;
        return Page();
    }
}
