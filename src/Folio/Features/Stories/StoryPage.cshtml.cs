using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

[OutputCache(PolicyName = PageCachePolicies.Page)]
public sealed class StoryPageModel(FolioDb db, CommentLoader comments, PageHead head) : PageModel
{
    public Story Story { get; private set; } = null!;
    public FolioUser Author => Story.Author;
    public InsightSummary Insights { get; private set; } = null!;
    public CommentSection Comments { get; private set; } = null!;
    public HeartSummary Hearts { get; private set; } = null!;
    public string StoryUrl => StoryLinks.Path(Story);

    [FromQuery(Name = CommentPager.QueryName)]
    public int CommentsPage { get; set; } = 1;

    [FromQuery(Name = "replyTo")]
    public int? ReplyTo { get; set; }

    public async Task<IActionResult> OnGetAsync(string community, string slug, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().Published()
            .Include(s => s.Community)
            .Include(s => s.Author)
            .Include(s => s.Tags.OrderBy(t => t.Name))
            .FirstOrDefaultAsync(s => s.Community.Slug == community.ToLowerInvariant() && s.Slug == slug.ToLowerInvariant(), cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        HttpContext.TagCachedPage(PageCacheTags.Story(story.Id));
        Insights = await InsightSummary.LoadAsync(db, story, StoryUrl, User, cancellationToken);
        Hearts = await HeartSummary.LoadAsync(db, story, StoryUrl, User, cancellationToken);

        Comments = await comments.SectionAsync(CommentStory.Of(story), User, CommentsPage, ReplyTo, cancellationToken);

        head.Title = story.Title;
        head.Description = story.Subtitle;
        head.ImageUrl = story.HeroImageUrl ?? story.Community.LogoUrl;
        head.OpenGraphType = "article";
        head.PublishedAt = story.PublishedAt;
        head.AuthorName = story.Author.DisplayName;
        head.ImageIsWide = story.HeroImageUrl is not null;
        head.ModifiedAt = story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt;
        head.AuthorPath = $"/authors/{story.Author.UserName}";
        head.Section = story.Community.Name;
        head.Tags = story.Tags.Select(t => t.Name).ToList();
        head.WordCount = story.WordCount;
        return Page();
    }
}
