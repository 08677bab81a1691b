using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Reads;
using Folio.Features.Saved;
using Folio.Features.Stories;

namespace Folio.Features.Transfer;

/// <summary>What hangs on an exported story (comments, insights, impressions, hearts, reads, saves), added with it.</summary>
internal sealed class SiteEngagement(FolioDb db, SiteExportFile file, SitePeople people, RemoteAuthors remoteAuthors)
{
    public void Add(Story story, int exportedId)
    {
        var engagement = file.EngagementOf(exportedId);
        var comments = new Dictionary<int, Comment>();
        foreach (var c in engagement.Comments)
        {
            var remoteActor = c.RemoteActor is { } uri ? remoteAuthors.Actors.GetValueOrDefault(uri) : null;
            if ((remoteActor is not null ? remoteAuthors.FediverseAccountId : people.IdOf(c.Author)) is not { } author)
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
                RemoteActorId = remoteActor?.Id,
                RemoteNoteId = remoteActor is null ? null : c.RemoteNote,
                RemoteUrl = remoteActor is null ? null : c.RemoteUrl,
            };
            comment.Write(c.Body ?? "");
            comments[c.Id] = comment;
            db.Comments.Add(comment);
        }

        foreach (var i in engagement.Insights)
        {
            if (people.IdOf(i.Reader) is { } reader && KebabNames.Parse<InsightQuality>(i.Quality) is { } quality)
            {
                db.ReaderInsights.Add(new ReaderInsight { Story = story, ReaderId = reader, Quality = quality, GivenAt = i.GivenAt });
            }
        }

        foreach (var i in engagement.Impressions)
        {
            if (people.IdOf(i.Reader) is { } reader && KebabNames.Parse<Impression>(i.Impression) is { } impression)
            {
                db.ReaderImpressions.Add(new ReaderImpression { Story = story, ReaderId = reader, Impression = impression, GivenAt = i.GivenAt });
            }
        }

        foreach (var h in engagement.Hearts.DistinctBy(h => h.Reader))
        {
            if (people.IdOf(h.Reader) is { } reader)
            {
                db.Hearts.Add(new Heart { Story = story, ReaderId = reader, GivenAt = h.GivenAt });
            }
        }

        foreach (var s in engagement.Saved.DistinctBy(s => s.Reader))
        {
            if (people.IdOf(s.Reader) is { } reader)
            {
                db.SavedStories.Add(new SavedStory { Story = story, UserId = reader, SavedAt = s.SavedAt });
            }
        }

        foreach (var r in engagement.Reads.DistinctBy(r => r.Day))
        {
            db.StoryReadDays.Add(new StoryReadDay { Story = story, Day = r.Day, Reads = r.Reads });
        }
    }
}
