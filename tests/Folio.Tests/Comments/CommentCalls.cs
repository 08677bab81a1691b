using System.Net;
using System.Text.RegularExpressions;
using Folio.Features.Comments;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Comments;

/// <summary>The comment forms as a browser posts them.</summary>
public static partial class CommentCalls
{
    public static Task<HttpResponseMessage> CommentAsync(this HttpClient browser, Story story, string body, int? replyTo = null, string website = "") =>
        browser.PostFormAsync($"/stories/{story.Id}/comments",
            [new("Body", body), new("ParentId", replyTo?.ToString() ?? ""), new("Website", website)],
            $"/stories/{story.Id}/comments");

    /// <summary>Delete, Hide, Unhide or Remove, as the buttons under a comment post them.</summary>
    public static Task<HttpResponseMessage> ActOnCommentAsync(this HttpClient browser, int commentId, string handler) =>
        browser.PostFormAsync($"/comments/{commentId}?handler={handler}", [], $"/comments/{commentId}");

    public static Task<HttpResponseMessage> EditCommentAsync(this HttpClient browser, int commentId, string body) =>
        browser.PostFormAsync($"/comments/{commentId}/edit", [new("Body", body)], $"/comments/{commentId}/edit");

    /// <summary>The new comment's id, from the redirect that shows it.</summary>
    public static int CommentId(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect to the comment, got {(int)response.StatusCode}");
        var match = Fragment().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"no #comment-… in {response.Headers.Location}");
        return int.Parse(match.Groups[1].Value);
    }

    public static string StoryUrl(this Story story, string communitySlug) => $"/{communitySlug}/{story.Slug}";

    public static Task<Comment> CommentRowAsync(this FolioApp app, int id) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<int> CommentCountAsync(this FolioApp app) => app.WithDbAsync(db => db.Comments.CountAsync());

    [GeneratedRegex(@"#comment-(\d+)$")]
    private static partial Regex Fragment();
}
