using System.Reflection;
using System.Text.Json.Nodes;
using Folio.Data;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Discovery;

/// <summary>
/// NodeInfo 2.1: what software this is and how big, which fediverse directories and crawlers poll. The usage figures
/// are read at most once per <see cref="Lifetime"/> per node, because a poller must not cost a site-wide count each time.
/// </summary>
public sealed class NodeInfo(IServiceScopeFactory scopes, CurrentSite site, TimeProvider clock)
{
    public const string Path = "/nodeinfo/2.1";
    public const string Schema = "http://nodeinfo.diaspora.software/ns/schema/2.1";
    public const string ContentType = "application/json; profile=\"" + Schema + "#\"; charset=utf-8";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly string Version =
        typeof(NodeInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (Usage Usage, DateTimeOffset ReadAt)? _last;

    public async Task<JsonObject> DocumentAsync(CancellationToken cancellationToken)
    {
        var settings = await site.GetAsync(cancellationToken);
        var usage = await UsageAsync(cancellationToken);
        return new JsonObject
        {
            ["version"] = "2.1",
            ["software"] = new JsonObject { ["name"] = "folio", ["version"] = Version },
            ["protocols"] = new JsonArray("activitypub"),
            ["services"] = new JsonObject { ["inbound"] = new JsonArray(), ["outbound"] = new JsonArray("atom1.0", "rss2.0") },
            ["openRegistrations"] = settings.SignUpMode == SignUpMode.Open,
            ["usage"] = new JsonObject
            {
                ["users"] = new JsonObject { ["total"] = usage.Users, ["activeMonth"] = usage.ActiveMonth, ["activeHalfyear"] = usage.ActiveHalfYear },
                ["localPosts"] = usage.Stories,
            },
            ["metadata"] = new JsonObject { ["nodeName"] = settings.Name },
        };
    }

    private async Task<Usage> UsageAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_last is { } fresh && now - fresh.ReadAt < Lifetime)
        {
            return fresh.Usage;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } read && now - read.ReadAt < Lifetime)
            {
                return read.Usage;
            }

            await using var scope = scopes.CreateAsyncScope();
            var usage = await ReadAsync(scope.ServiceProvider.GetRequiredService<FolioDb>(), now.UtcDateTime, cancellationToken);
            _last = (usage, now);
            return usage;
        }
        finally
        {
            _reading.Release();
        }
    }

    private static async Task<Usage> ReadAsync(FolioDb db, DateTime now, CancellationToken cancellationToken)
    {
        // Users: every account but the one that stands in for the fediverse, counted on the smallest index of the table.
        var users = await db.Users.CountAsync(u => u.Id != Remote.FediverseAccount.Id, cancellationToken);
        // Active: accounts that published a story in the last month or half year, the stories found on the
        // (Status, PublishedAt) index; readers who only read are not counted, Folio keeps no last-seen time.
        var activeMonth = await ActiveSince(db, now.AddDays(-30), cancellationToken);
        var activeHalfYear = await ActiveSince(db, now.AddDays(-182), cancellationToken);
        // Local posts: published stories, the sum of the counts each community stores with every save.
        var stories = await db.Communities.SumAsync(c => c.StoryCount, cancellationToken);
        return new Usage(users, activeMonth, activeHalfYear, stories);
    }

    private static Task<int> ActiveSince(FolioDb db, DateTime since, CancellationToken cancellationToken) =>
        db.Stories.Published().Where(s => s.PublishedAt >= since).Select(s => s.AuthorId).Distinct().CountAsync(cancellationToken);

    private sealed record Usage(int Users, int ActiveMonth, int ActiveHalfYear, int Stories);
}
