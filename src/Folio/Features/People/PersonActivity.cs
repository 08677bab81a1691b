using Folio.Data;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.People;

public sealed record StoryLine(string Title, string Href, StoryStatus Status, DateTime At);

public sealed record CommentLine(string Excerpt, string Href, string StoryTitle, DateTime At, bool Visible);

public sealed record ReportLine(string What, string Href, ReportReason Reason, DateTime At, bool Open);

/// <summary>What an account did, for its admin page: counts, and the latest few of each with links.</summary>
public sealed record PersonActivity(
    int StoryCount, IReadOnlyList<StoryLine> Stories,
    int CommentCount, IReadOnlyList<CommentLine> Comments,
    int ReportsFiled, IReadOnlyList<ReportLine> Reports, int ReportsAgainst,
    IReadOnlyList<SignInRecord> SignIns)
{
    public const int Recent = 5;
    public const int SignInsShown = 20;

    public static async Task<PersonActivity> LoadAsync(FolioDb db, string userId, CancellationToken cancellationToken)
    {
        var stories = db.Stories.Where(s => s.AuthorId == userId);
        var comments = db.Comments.Where(c => c.AuthorId == userId);
        var storyReports = db.StoryReports.Where(r => r.ReporterId == userId);
        var commentReports = db.CommentReports.Where(r => r.ReporterId == userId);

        var recentStoryReports = await storyReports.OrderByDescending(r => r.Id).Take(Recent)
            .Select(r => new ReportLine("Story: " + r.Story.Title, StoryLinks.Path(r.Story.Community.Slug, r.Story.Slug), r.Reason, r.ReportedAt, r.ResolvedAt == null))
            .ToListAsync(cancellationToken);
        var recentCommentReports = await commentReports.OrderByDescending(r => r.Id).Take(Recent)
            .Select(r => new ReportLine("Comment on " + r.Comment.Story.Title, "/comments/" + r.CommentId, r.Reason, r.ReportedAt, r.ResolvedAt == null))
            .ToListAsync(cancellationToken);

        return new PersonActivity(
            await stories.CountAsync(cancellationToken),
            await stories.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Take(Recent)
                .Select(s => new StoryLine(s.Title, StoryLinks.Path(s.Community.Slug, s.Slug), s.Status, s.UpdatedAt)).ToListAsync(cancellationToken),
            await comments.CountAsync(cancellationToken),
            [.. (await comments.OrderByDescending(c => c.Id).Take(Recent)
                .Select(c => new { c.Id, c.Body, c.Story.Title, Community = c.Story.Community.Slug, c.Story.Slug, c.CreatedAt, c.DeletedAt, c.HiddenAt, c.RemovedAt })
                .ToListAsync(cancellationToken))
                .Select(c => new CommentLine(Excerpt(c.Body), StoryLinks.Path(c.Community, c.Slug) + "#comment-" + c.Id, c.Title, c.CreatedAt,
                    c.DeletedAt is null && c.HiddenAt is null && c.RemovedAt is null))],
            await storyReports.CountAsync(cancellationToken) + await commentReports.CountAsync(cancellationToken),
            [.. recentStoryReports.Concat(recentCommentReports).OrderByDescending(r => r.At).Take(Recent)],
            await db.StoryReports.CountAsync(r => r.Story.AuthorId == userId, cancellationToken)
                + await db.CommentReports.CountAsync(r => r.Comment.AuthorId == userId, cancellationToken),
            await db.SignInRecords.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.Id).Take(SignInsShown).ToListAsync(cancellationToken));
    }

    private static string Excerpt(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 140 ? flat[..139] + "…" : flat;
    }
}
