using System.Text.Json;
using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Newsletters;
using Folio.Features.Series;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Settings;

/// <summary>Gathers a person's own data for download; every query is limited to their id.</summary>
public sealed class AccountExporter(FolioDb db, UserManager<FolioUser> users, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<AccountExport> ExportAsync(FolioUser user, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var profile = new ProfileExport(user.UserName!, user.DisplayName, user.Email, user.EmailConfirmed, user.Bio, user.AvatarUrl, user.JoinedAt,
            [.. await users.GetRolesAsync(user)]);
        var stories = await db.Stories.AsNoTracking().Where(s => s.AuthorId == id).OrderBy(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id, s.Title, s.Subtitle, Community = s.Community.Slug, s.Slug, s.Status, Tags = s.Tags.Select(t => t.Name).ToList(),
                s.BodyMarkdown, s.HeroImageUrl, s.HeroAltText, s.HeroCaption, s.CommentsEnabled, s.CreatedAt, s.UpdatedAt, s.PublishedAt,
                s.Making, s.Warnings, s.WarningNote, s.ProfilePinnedAt,
            })
            .ToListAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new CommentExport(c.Id, c.Story.Title, StoryLinks.Path(c.Story.Community.Slug, c.Story.Slug), c.ParentId, c.Body, c.CreatedAt, c.EditedAt, c.DeletedAt))
            .ToListAsync(cancellationToken);
        var insights = await db.ReaderInsights.AsNoTracking().Where(i => i.ReaderId == id).OrderBy(i => i.GivenAt)
            .Select(i => new { i.Story.Title, Url = StoryLinks.Path(i.Story.Community.Slug, i.Story.Slug), i.Quality, i.GivenAt })
            .ToListAsync(cancellationToken);
        var hearts = await db.Hearts.AsNoTracking().Where(h => h.ReaderId == id).OrderBy(h => h.GivenAt)
            .Select(h => new HeartExport(h.Story.Title, StoryLinks.Path(h.Story.Community.Slug, h.Story.Slug), h.GivenAt))
            .ToListAsync(cancellationToken);
        // Every story saved, published or not any more: the download is the reader's whole list.
        var saved = await db.SavedStories.AsNoTracking().Where(s => s.UserId == id).OrderBy(s => s.SavedAt)
            .Select(s => new SavedStoryExport(s.Story.Title, StoryLinks.Path(s.Story.Community.Slug, s.Story.Slug), s.SavedAt))
            .ToListAsync(cancellationToken);
        var reports = await db.StoryReports.AsNoTracking().Where(r => r.ReporterId == id).OrderBy(r => r.ReportedAt)
            .Select(r => new { r.Story.Title, Url = StoryLinks.Path(r.Story.Community.Slug, r.Story.Slug), r.Reason, r.Details, r.ReportedAt, r.ResolvedAt, r.Resolution })
            .ToListAsync(cancellationToken);
        var creators = await db.Subscriptions.AsNoTracking().Where(s => s.SubscriberId == id).OrderBy(s => s.Creator.DisplayName)
            .Select(s => new { s.Creator.DisplayName, s.Creator.UserName, s.Delivery })
            .ToListAsync(cancellationToken);
        var communities = await db.CommunityFollows.AsNoTracking().Where(f => f.UserId == id).OrderBy(f => f.Community.Name)
            .Select(f => new { f.Community.Name, f.Community.Slug, f.Delivery })
            .ToListAsync(cancellationToken);
        var series = await db.Series.AsNoTracking().Where(s => s.AuthorId == id).OrderBy(s => s.Title)
            .Select(s => new
            {
                Series = s,
                Parts = db.Stories.Where(p => p.SeriesId == s.Id).OrderBy(p => p.SeriesPosition).ThenBy(p => p.Id).Select(p => p.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        var subscribedSeries = await db.SeriesSubscriptions.AsNoTracking().Where(s => s.UserId == id).OrderBy(s => s.Series.Title)
            .Select(s => new { s.Series.Title, s.Series.Slug, s.Series.Author.UserName, s.CreatedAt })
            .ToListAsync(cancellationToken);
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt)
            .Select(t => new TokenExport(t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

        return new AccountExport(
            clock.GetUtcNow().UtcDateTime,
            profile,
            [.. user.Links.Select(l => new LinkExport(l.Label, l.Url))],
            [.. stories.Select(s => new StoryExport(s.Id, s.Title, s.Subtitle, s.Community, s.Slug, StoryLinks.Path(s.Community, s.Slug), s.Status.ToString(),
                s.Tags, s.BodyMarkdown, s.HeroImageUrl, s.CommentsEnabled, s.CreatedAt, s.UpdatedAt, s.PublishedAt,
                LabelNames.Slug(s.Making), LabelNames.Slugs(s.Warnings), s.WarningNote, s.HeroAltText, s.HeroCaption, s.ProfilePinnedAt))],
            comments,
            [.. insights.Select(i => new InsightExport(i.Title, i.Url, i.Quality.ToString(), i.GivenAt))],
            hearts,
            saved,
            [.. reports.Select(r => new ReportExport(r.Title, r.Url, r.Reason.ToString(), r.Details, r.ReportedAt, r.ResolvedAt, r.Resolution?.ToString()))],
            tokens,
            new EmailChoicesExport(user.NewsletterDelivery.ToString(), user.TimeZone, user.EmailWholeStories, user.EmailOnReply, user.EmailOnReview,
                [.. creators.Select(c => new FollowEmailExport(c.DisplayName, "/authors/" + c.UserName, Choice(c.Delivery)))],
                [.. communities.Select(c => new FollowEmailExport(c.Name, "/" + c.Slug, Choice(c.Delivery)))]),
            new ReadingChoicesExport(user.HideAiGenerated, LabelNames.Slugs(user.HiddenWarnings), user.CoverWarnedStories),
            [.. series.Select(s => new SeriesExport(s.Series.Title, s.Series.Slug, SeriesLinks.Path(user.UserName!, s.Series.Slug), s.Series.Description,
                s.Series.CoverImageUrl, s.Series.CoverAltText, s.Series.CreatedAt, s.Series.UpdatedAt, s.Parts))],
            [.. subscribedSeries.Select(s => new SubscribedSeriesExport(s.Title, SeriesLinks.Path(s.UserName!, s.Slug), s.CreatedAt))]);
    }

    private static string Choice(Delivery? delivery) => delivery?.ToString() ?? DeliveryChoices.Default;
}
