using System.Globalization;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.Comments;
using Folio.Features.Federation.Remote;
using Folio.Features.Moderation;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Inbox;

/// <summary>
/// A Flag (a report sent from another server, Mastodon's from its instance actor) becomes a moderation report for each
/// published story and each local comment it names, by the fediverse account and naming the actor who sent it; its
/// content, the reporter's comment, is the details. Objects that are not ours, and local actors, are not reportable
/// here and are skipped; a Flag naming nothing reportable is accepted and changes nothing.
/// </summary>
public sealed class FlagActivities(FolioDb db, FederationUrls urls, FediverseAccount fediverse, TimeProvider clock)
{
    private const int DetailsLength = 2000;

    public async Task<InboxOutcome> FlagAsync(InboxDelivery flag, CancellationToken cancellationToken)
    {
        var named = Named(flag.Activity["object"]);
        var storyIds = Ids(named, urls.Article(0)[..^1]);
        var commentIds = Ids(named, urls.Note(0)[..^1]);
        var stories = await db.Stories.Where(s => storyIds.Contains(s.Id) && s.Status == StoryStatus.Published).Select(s => s.Id).ToListAsync(cancellationToken);
        var comments = await db.Comments.Where(c => commentIds.Contains(c.Id) && c.DeletedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        if (stories.Count + comments.Count == 0)
        {
            return InboxOutcome.Accepted;
        }

        var reporterId = await fediverse.IdAsync();
        var details = Details(flag.Activity["content"]);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var storyId in stories)
        {
            db.StoryReports.Add(new StoryReport
            {
                StoryId = storyId, ReporterId = reporterId, Reason = ReportReason.Other, Details = details, ReportedAt = now, RemoteActorId = flag.Actor.Id,
            });
        }

        foreach (var commentId in comments)
        {
            db.CommentReports.Add(new CommentReport
            {
                CommentId = commentId, ReporterId = reporterId, Reason = ReportReason.Other, Details = details, ReportedAt = now, RemoteActorId = flag.Actor.Id,
            });
        }

        return InboxOutcome.Accepted;
    }

    /// <summary>Object ids, whether the object is one id, one embedded object or an array of either.</summary>
    private static List<string> Named(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(ActivityJson.Id).OfType<string>()],
        _ => ActivityJson.Id(node) is { } id ? [id] : [],
    };

    private static List<int> Ids(IEnumerable<string> named, string prefix) =>
        [.. named.Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().Distinct()];

    /// <summary>The reporter's comment as plain text (Mastodon sends text; another server may send HTML), within the reports' limit.</summary>
    private static string Details(JsonNode? content)
    {
        var text = ActivityJson.Text(content) ?? "";
        if (text.Contains('<', StringComparison.Ordinal))
        {
            using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(text.Replace("</p>", "</p>\n", StringComparison.OrdinalIgnoreCase));
            text = document.Body?.TextContent ?? "";
        }

        text = text.Trim();
        return text.Length > DetailsLength ? text[..(DetailsLength - 1)] + "…" : text;
    }
}
