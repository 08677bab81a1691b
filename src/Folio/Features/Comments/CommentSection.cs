using Folio.Features.Stories;
using Folio.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Folio.Features.Comments;

/// <summary>The story a comment list belongs to; Url is the story's page.</summary>
public sealed record CommentStory(int Id, string Title, string Url, string AuthorId, bool CommentsEnabled)
{
    public static CommentStory Of(Story story) =>
        new(story.Id, story.Title, StoryLinks.Path(story), story.AuthorId, story.CommentsEnabled);
}

/// <summary>Everything a comment needs to draw its controls: who is looking, and which page the Reply links reopen.</summary>
public sealed record CommentContext(CommentStory Story, CommentViewer Viewer, string PageUrl)
{
    public string ReplyUrl(int commentId) =>
        QueryHelpers.AddQueryString(PageUrl, "replyTo", commentId.ToString()) + "#comment-form";

    public string SignInUrl(string returnUrl) => "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl);
}

/// <summary>A comment in a list, with the context its controls need.</summary>
public sealed record CommentItem(CommentView Comment, CommentContext Context);

/// <summary>The comment box; Body and Error come back filled when a post was refused.</summary>
public sealed record CommentForm(int StoryId, int? ParentId, string? ReplyingTo, string CancelUrl, string Body = "", string? Error = null)
{
    /// <summary>2 where the form is under the page's h1 (its own page, a thread), 3 under the story's "Comments".</summary>
    public int HeadingLevel { get; init; } = 3;
}

/// <summary>Pages of top-level comments, under their own query name so they never clash with a page's other paging.</summary>
public sealed record CommentPager(int Page, int TotalPages) : IPagedList
{
    public const string QueryName = "comments";

    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    int? IPagedList.TotalPages => TotalPages;
    string IPagedList.QueryName => QueryName;
    string IPagedList.Fragment => "comments";
}

/// <summary>The "Comments" section of a story page: one page of threads, the count and how to join in.</summary>
public sealed record CommentSection(
    CommentContext Context, IReadOnlyList<CommentView> Threads, CommentPager Pager, int Count, CommentForm? Form, Standing.StandingRefusal? Refusal = null)
{
    public CommentStory Story => Context.Story;

    /// <summary>Back to the comment box of the same story after signing in.</summary>
    public string SignInUrl => Context.SignInUrl(Story.Url + "#comment-form");
}
