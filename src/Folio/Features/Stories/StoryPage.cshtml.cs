using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Caching;
using Folio.Features.Challenges.Awards;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Federation;
using Folio.Features.Federation.Inbox;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Labels;
using Folio.Features.Saved;
using Folio.Features.Series;
using Folio.Features.Sharing;
using Folio.Features.SharingCards;
using Folio.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Stories;

[OutputCache(PolicyName = PageCachePolicies.Page)]
public sealed class StoryPageModel(FolioDb db, CommentLoader comments, PageHead head, SiteUrls urls, FederationUrls ids, CurrentReadingChoices readers, TimeProvider clock) : PageModel
{
    public Story Story { get; private set; } = null!;
    public FolioUser Author => Story.Author;
    public InsightSummary Insights { get; private set; } = null!;
    public CommentSection Comments { get; private set; } = null!;
    public HeartSummary Hearts { get; private set; } = null!;

    public FediverseReactionCounts Fediverse { get; private set; } = new(0, 0);
    public SaveButton Save { get; private set; } = null!;
    public ChallengeAward? Award { get; private set; }

    /// <summary>The body waits behind "Show story": a warned story, for a reader who asked for that (never its author).</summary>
    public bool CoverBody { get; private set; }
    public string StoryUrl => StoryLinks.Path(Story);
    public AfterStory After { get; private set; } = null!;
    public ShareLinks Share { get; private set; } = null!;
    public SeriesBox? Series { get; private set; }

    /// <summary>The hero, above the fold: fetched first, at most as wide as its column.</summary>
    public Folio.Shared.Images.PictureView? HeroPicture => Story.HeroImageUrl is { } url
        ? new(url, Story.HeroAltText ?? "", "(min-width: 60rem) 56rem, 100vw", Lazy: false)
        : null;

    [FromQuery(Name = CommentPager.QueryName)]
    public int CommentsPage { get; set; } = 1;

    [FromQuery(Name = "replyTo")]
    public int? ReplyTo { get; set; }

    // Model binding gives null for a blank segment ("/rivers/%20").
    public async Task<IActionResult> OnGetAsync(string? community, string? slug, CancellationToken cancellationToken)
    {
        if (community is null || slug is null)
        {
            return NotFound();
        }

        var (communitySlug, storySlug) = (community.ToLowerInvariant(), slug.ToLowerInvariant());
        var found = await db.Stories.AsNoTracking().Published()
            .Where(s => s.Community.Slug == communitySlug && s.Slug == storySlug)
            .Select(s => new
            {
                Story = s,
                s.Community,
                // Only what the page shows of the author: the whole account would bring its profile links (an owned
                // collection, always loaded with it) in a command of their own, and its password hash.
                Author = new FolioUser
                {
                    Id = s.Author.Id, UserName = s.Author.UserName, DisplayName = s.Author.DisplayName,
                    AvatarUrl = s.Author.AvatarUrl, Bio = s.Author.Bio,
                },
                Tags = s.Tags.OrderBy(t => t.Name).ToList(),
                Series = s.Series == null ? null : new { s.Series.Id, s.Series.Title, s.Series.Slug },
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            // A community that changed its slug keeps every old link to its stories working.
            return await db.MovedToAsync(communitySlug, cancellationToken) is { } movedTo
                ? RedirectPermanent(CommunitySlugRedirects.MovedPath(Request, movedTo))
                : NotFound();
        }

        var story = found.Story;
        story.Community = found.Community;
        story.Author = found.Author;
        story.Tags = found.Tags;
        Story = story;
        HttpContext.TagCachedPage(PageCacheTags.Story(story.Id));
        if (found.Series is { } series)
        {
            HttpContext.TagCachedPage(PageCacheTags.Series(series.Id));
            Series = new SeriesBox(series.Id, series.Title, SeriesLinks.Path(found.Author.UserName!, series.Slug),
                await SeriesParts.ReadableAsync(db, series.Id, cancellationToken), story.Id);
        }

        Insights = await InsightSummary.LoadAsync(db, story, StoryUrl, User, cancellationToken);
        var viewerId = User.UserId();
        var marks = await StoryMarks.LoadAsync(db, story.Id, viewerId, cancellationToken);
        Hearts = new HeartSummary(story.Id, StoryUrl, marks.Hearts, viewerId is not null, viewerId == story.AuthorId, marks.Hearted);
        Save = new SaveButton(story.Id, story.Title, StoryUrl, viewerId is not null, marks.Saved);
        Fediverse = marks.Fediverse;
        var choices = await readers.ForAsync(User, cancellationToken);
        CoverBody = choices.CoverWarnedStories && story.Labels.IsWarned && viewerId != story.AuthorId;
        Award = (await ChallengeAwards.ForStoriesAsync(db, [story.Id], cancellationToken)).FirstOrDefault();

        After = await ReadNext.LoadAsync(db, story, [.. story.Tags.Select(t => t.Id)], User, choices, clock.GetUtcNow().UtcDateTime, cancellationToken);
        foreach (var id in After.StoryIds)
        {
            HttpContext.TagCachedPage(PageCacheTags.Listed(id));
        }

        Share = new ShareLinks(urls.Absolute(StoryUrl), story.Title);

        Comments = await comments.SectionAsync(CommentStory.Of(story), User, CommentsPage, ReplyTo, cancellationToken);

        head.Title = story.Title;
        head.ActivityPubId = ids.Article(story.Id);
        head.Description = story.Subtitle;
        head.ImageUrl = story.HeroImageUrl;
        head.Card = SharingCard.ForStory(story.Id, story.Title, story.Author.DisplayName, story.Community.Name, story.Community.AccentColor, story.Community.LogoUrl);
        head.OpenGraphType = "article";
        head.PublishedAt = story.PublishedAt;
        head.AuthorName = story.Author.DisplayName;
        head.ModifiedAt = story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt;
        head.AuthorPath = $"/authors/{story.Author.UserName}";
        head.Section = story.Community.Name;
        head.Tags = story.Tags.Select(t => t.Name).ToList();
        head.Labels = story.Labels;
        head.WordCount = story.WordCount;
        return Page();
    }
}
