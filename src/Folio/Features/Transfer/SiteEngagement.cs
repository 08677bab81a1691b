using System.Text.Json;
using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Reads;
using Folio.Features.Stories;

namespace Folio.Features.Transfer;

/// <summary>What hangs on an exported story (comments, insights, impressions, hearts, reads), added with it.</summary>
internal sealed class SiteEngagement(FolioDb db, SiteExportFile file, SitePeople people)
{
    private readonly ILookup<int, ExportedComment> _comments = file.Comments.ToLookup(c => c.Story);
    private readonly ILookup<int, ExportedInsight> _insights = file.Insights.ToLookup(i => i.Story);
    private readonly ILookup<int, ExportedImpression> _impressions = file.Impressions.ToLookup(i => i.Story);
    private readonly ILookup<int, ExportedHeart> _hearts = file.Hearts.ToLookup(h => h.Story);
    private readonly ILookup<int, ExportedRead> _reads = file.Reads.ToLookup(r => r.Story);

    public void Add(Story story, int exportedId)
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
