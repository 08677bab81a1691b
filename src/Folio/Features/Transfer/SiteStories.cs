using System.Text.Json;
using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Reads;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>One exported story at a time, with everything that hangs on it, saved together.</summary>
internal sealed class SiteStories(FolioDb db, SiteExportFile file, Dictionary<string, int> communities, SitePeople people)
{
    private readonly ILookup<int, ExportedComment> _comments = (file.Comments ?? []).ToLookup(c => c.Story);
    private readonly ILookup<int, ExportedInsight> _insights = (file.Insights ?? []).ToLookup(i => i.Story);
    private readonly ILookup<int, ExportedImpression> _impressions = (file.Impressions ?? []).ToLookup(i => i.Story);
    private readonly ILookup<int, ExportedHeart> _hearts = (file.Hearts ?? []).ToLookup(h => h.Story);
    private readonly ILookup<int, ExportedRead> _reads = (file.Reads ?? []).ToLookup(r => r.Story);

    public async Task ImportAsync(ExportedStory exported, ImportReport report, CancellationToken cancellationToken)
    {
        var source = $"story {StoryLinks.Path(exported.Community, exported.Slug)}";
        var key = exported.ImportKey ?? $"folio:{exported.Community}/{exported.Slug}";
        if (await db.Stories.AnyAsync(s => s.ImportKey == key, cancellationToken))
        {
            report.AlreadyImported();
            return;
        }

        if (!communities.TryGetValue(exported.Community, out var communityId) || people.IdOf(exported.Author) is not { } authorId
            || !Enum.TryParse<StoryStatus>(exported.Status.Replace("-", ""), ignoreCase: true, out var status))
        {
            report.Skip(source, $"its community, author or status (“{exported.Community}”, “{exported.Author}”, “{exported.Status}”) is not in the export or not here");
            return;
        }

        var story = new Story
        {
            CommunityId = communityId,
            AuthorId = authorId,
            Title = exported.Title,
            Subtitle = exported.Subtitle ?? "",
            Slug = await StorySlugs.UniqueAsync(db, communityId, exported.Slug, 0, cancellationToken),
            HeroImageUrl = exported.HeroImageUrl,
            ImportKey = key,
            CommentsEnabled = exported.CommentsEnabled,
            CreatedAt = exported.CreatedAt,
            UpdatedAt = exported.UpdatedAt,
            Tags = await SiteImporter.TagsAsync(db, file, exported.Tags ?? [], cancellationToken),
        };
        var markdown = exported.Markdown ?? "";
        story.SetBody(markdown, StoryRenderer.Render(markdown));
        SetStatus(story, status, exported);
        if (exported.TopStory is { } top && (top.By is null ? null : people.IdOf(top.By)) is { } moderatorId)
        {
            story.MarkTopStory(top.Note ?? "", moderatorId, top.At);
        }

        if (story.Slug != exported.Slug)
        {
            report.Note(source, $"another story here has that address; this one is at {StoryLinks.Path(exported.Community, story.Slug)}");
        }

        db.Stories.Add(story);
        AddEngagement(story, exported.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            report.Import();
        }
        catch (DbUpdateException failed)
        {
            report.Skip(source, $"the database refused it: {failed.InnerException?.Message ?? failed.Message}");
        }

        db.ChangeTracker.Clear();
    }

    private static void SetStatus(Story story, StoryStatus status, ExportedStory exported)
    {
        if (exported.PublishedAt is { } publishedAt)
        {
            story.Publish(publishedAt);
        }

        switch (status)
        {
            case StoryStatus.Draft:
                story.WithdrawToDraft();
                break;
            case StoryStatus.Pending:
                story.SubmitForReview(exported.SubmittedAt ?? exported.UpdatedAt);
                break;
            case StoryStatus.SentBack:
                story.SendBack();
                break;
            case StoryStatus.Unpublished:
                story.Unpublish();
                break;
        }
    }

    private void AddEngagement(Story story, int exportedId)
    {
        var comments = new Dictionary<int, Comment>();
        foreach (var c in _comments[exportedId].OrderBy(c => c.Id))
        {
            if (people.IdOf(c.Author) is not { } author)
            {
                continue;
            }

            var comment = new Comment
            {
                Story = story,
                AuthorId = author,
                Parent = c.Parent is { } parent ? comments.GetValueOrDefault(parent) : null,
                CreatedAt = c.CreatedAt,
                EditedAt = c.EditedAt,
                DeletedAt = c.DeletedAt,
                HiddenAt = c.HiddenAt,
                RemovedAt = c.RemovedAt,
                RemovedById = c.RemovedBy is null ? null : people.IdOf(c.RemovedBy),
            };
            comment.Write(c.Body ?? "");
            comments[c.Id] = comment;
            db.Comments.Add(comment);
        }

        foreach (var i in _insights[exportedId])
        {
            if (people.IdOf(i.Reader) is { } reader && Parse<InsightQuality>(i.Quality) is { } quality)
            {
                db.ReaderInsights.Add(new ReaderInsight { Story = story, ReaderId = reader, Quality = quality, GivenAt = i.GivenAt });
            }
        }

        foreach (var i in _impressions[exportedId])
        {
            if (people.IdOf(i.Reader) is { } reader && Parse<Impression>(i.Impression) is { } impression)
            {
                db.ReaderImpressions.Add(new ReaderImpression { Story = story, ReaderId = reader, Impression = impression, GivenAt = i.GivenAt });
            }
        }

        foreach (var h in _hearts[exportedId].DistinctBy(h => h.Reader))
        {
            if (people.IdOf(h.Reader) is { } reader)
            {
                db.Hearts.Add(new Heart { Story = story, ReaderId = reader, GivenAt = h.GivenAt });
            }
        }

        foreach (var r in _reads[exportedId].DistinctBy(r => r.Day))
        {
            db.StoryReadDays.Add(new StoryReadDay { Story = story, Day = r.Day, Reads = r.Reads });
        }
    }

    /// <summary>"eye-opening" → EyeOpening: the export writes enum values in kebab case.</summary>
    private static TEnum? Parse<TEnum>(string kebab) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v!.Value.ToString()) == kebab);
}
