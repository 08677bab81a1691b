using System.Text.Encodings.Web;
using System.Text.Json;
using Folio.Data;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

public sealed record ExportCounts(int Communities, int People, int Stories, int Comments, int Insights, int Impressions, int Hearts,
    int Subscriptions, int CommunityFollows, int AuditEntries = 0, int Saved = 0, int RemoteActors = 0, int RemoteFollowers = 0, int Challenges = 0,
    int ChallengeEntries = 0, int Series = 0)
{
    public override string ToString() =>
        string.Join(", ",
            Plural.Of(Communities, "community", "communities"), Plural.Of(People, "person", "people"), Plural.Of(Stories, "story", "stories"),
            Plural.Of(Comments, "comment", "comments"), Plural.Of(Insights, "insight", "insights"), Plural.Of(Impressions, "impression", "impressions"),
            Plural.Of(Hearts, "heart", "hearts"), Plural.Of(Saved, "saved story", "saved stories"), Plural.Of(Subscriptions, "subscription", "subscriptions"),
            Plural.Of(CommunityFollows, "community follow", "community follows"), Plural.Of(AuditEntries, "audit log entry", "audit log entries"),
            Plural.Of(RemoteFollowers, "remote follower", "remote followers"), Plural.Of(RemoteActors, "remote actor", "remote actors"),
            Plural.Of(Challenges, "challenge", "challenges"), Plural.Of(ChallengeEntries, "challenge entry", "challenge entries"),
            Plural.Of(Series, "series", "series"));
}

/// <summary>
/// Writes the whole site as one JSON document ("format": "folio-export", "version": 1), row by row, so a large site
/// never sits in memory. People are referred to by username, communities by slug, stories and comments by their id
/// in the file, as are challenges and their criteria. Secrets stay behind: no password hashes, security stamps, tokens, sessions or webhook secrets.
/// </summary>
public sealed class SiteExporter(FolioDb db, TimeProvider clock)
{
    public const string Format = "folio-export";
    public const int Version = 1;

    public const string LeftOut =
        "password hashes, security and concurrency stamps, personal access tokens, sign-in sessions and data-protection keys, "
        + "two-factor settings, webhooks and their secrets, queued emails, notifications, and moderation reports and reviews";

    public async Task<ExportCounts> ExportAsync(Stream output, TransferProgress progress, CancellationToken cancellationToken)
    {
        var usernames = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking()
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        progress.Start(await db.Stories.CountAsync(cancellationToken) + usernames.Count);

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var writer = new ExportWriter(json, usernames, cancellationToken);
        var sections = new ExportSections(db, json, writer, roles, progress);
        var activity = new ExportActivity(db, json, writer);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("exportedAt", clock.GetUtcNow().UtcDateTime);
        json.WriteString("leftOut", LeftOut);
        var counts = new ExportCounts(
            Communities: await sections.CommunitiesAsync(),
            People: await sections.PeopleAsync(),
            Stories: await sections.TagsThenStoriesAsync(),
            Comments: await activity.CommentsAsync(),
            Insights: await activity.InsightsAsync(),
            Impressions: await activity.ImpressionsAsync(),
            Hearts: await activity.HeartsAsync(),
            Saved: await activity.SavedAsync(),
            Subscriptions: await activity.SubscriptionsAsync(),
            CommunityFollows: await activity.CommunityFollowsAsync());
        await activity.ReadsAsync();
        counts = counts with { AuditEntries = await new ExportAuditLog(db, json, writer).WriteAsync() };
        var federation = new ExportFederation(db, json, writer);
        counts = counts with { RemoteActors = await federation.RemoteActorsAsync(), RemoteFollowers = await federation.RemoteFollowersAsync() };
        var challenges = new ExportChallenges(db, json, writer);
        counts = counts with { Challenges = await challenges.ChallengesAsync(), ChallengeEntries = await challenges.EntriesAsync() };
        counts = counts with { Series = await new ExportSeries(db, json, writer).WriteAsync() };
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return counts;
    }
}
