using System.Diagnostics;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Operations;
using Folio.Features.Search;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Bench;

/// <summary>Generates the site part by part into an empty database, rebuilds what Folio derives, and reports what it made.</summary>
public static class SiteGenerator
{
    public static async Task<int> RunAsync(TargetDatabase target, SitePlan plan, int batchSize, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var log = Console.Error;
        await using var folio = await target.OpenFolioAsync();
        await using var db = await target.NewBulkContextAsync(folio.Services);
        if (await db.Stories.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            log.WriteLine("The database already holds stories or accounts; generate fills an empty one. Point --data-directory or --connection at a new database.");
            return 1;
        }

        var size = plan.Size;
        log.WriteLine($"Generating {size.Stories:N0} stories, {size.People:N0} people ({size.Creators:N0} creators), {size.Communities} communities, {size.Tags:N0} tags, seed {plan.Seed}, until {plan.Until:yyyy-MM-dd}, bodies × {plan.BodyScale}");
        var writer = new BatchWriter(db, batchSize, log);
        var vocabulary = new Vocabulary(plan.Seed);

        var communities = Communities.Create(size.Communities, plan.End);
        await writer.WriteAsync("communities", communities, cancellationToken);

        var tags = TagsFrom(vocabulary, size.Tags);
        await writer.WriteAsync("tags", tags, cancellationToken);

        var people = People.Create(size.People, size.Creators, plan.End, plan.Stream(2));
        await writer.WriteAsync("people", people, cancellationToken);
        await writer.WriteAsync("roles", await RolesAsync(db, people, size.Creators, cancellationToken), cancellationToken);

        var stories = new StoryRows(plan, new StoryText(vocabulary, plan.BodyScale), communities, people);
        await writer.WriteGroupsAsync("stories", stories.Chunks(batchSize), cancellationToken);
        stories.TakeIds();
        await writer.WriteGroupsAsync("story tags", StoryTags(plan, stories.Facts, tags).Chunk(batchSize), cancellationToken, StoryTagRows.EntityName);

        var engagement = new Engagement(plan, people, stories.Facts);
        await writer.WriteGroupsAsync("comments", engagement.Comments(new CommentBodies(vocabulary, plan.Stream(5))), cancellationToken);
        await writer.WriteGroupsAsync("hearts", engagement.Hearts(), cancellationToken);
        await writer.WriteGroupsAsync("insights", engagement.InsightsAndImpressions(), cancellationToken);
        await writer.WriteGroupsAsync("read days", engagement.ReadDays(), cancellationToken);
        await writer.WriteAsync("subscriptions", engagement.Subscriptions(), cancellationToken);
        await writer.FinishAsync(cancellationToken);
        var inserted = clock.Elapsed;

        await RebuildDerivedAsync(folio.Services, db, log, cancellationToken);

        var counts = await RowCounts.CountAsync(db, cancellationToken);
        var bytes = await target.SizeInBytesAsync(folio.Services, db);
        foreach (var (table, rows) in counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value))
        {
            log.WriteLine($"  {table,-28} {rows,12:N0}");
        }

        var reader = people[Math.Min(size.Creators, people.Count - 1)].UserName!;
        var manifest = await SiteManifest.FromAsync(db, plan, reader, engagement, inserted, clock.Elapsed, bytes, cancellationToken);
        await manifest.WriteAsync(Path.Combine(Path.GetFullPath(target.DataDirectory), SiteManifest.FileName), cancellationToken);
        log.WriteLine($"generated in {clock.Elapsed.TotalSeconds:N1} s (rows {inserted.TotalSeconds:N1} s, derived data {(clock.Elapsed - inserted).TotalSeconds:N1} s); database {bytes / 1_048_576.0:N0} MB");
        Console.WriteLine($"generation_seconds={clock.Elapsed.TotalSeconds:F1} database_bytes={bytes}");
        return 0;
    }

    /// <summary>What Folio's save pipeline would have kept beside the rows: the search index and the stored story counts.</summary>
    private static async Task RebuildDerivedAsync(IServiceProvider folio, FolioDb db, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = folio.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().RebuildAsync(db, cancellationToken);
        log.WriteLine($"  search index rebuilt in {clock.Elapsed.TotalSeconds:N1} s");
        clock.Restart();
        await PublishedStoryCounts.RecountAllAsync(db, cancellationToken);
        log.WriteLine($"  story counts of tags and communities recounted in {clock.Elapsed.TotalSeconds:N1} s");
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
    }

    private static List<Tag> TagsFrom(Vocabulary vocabulary, int count)
    {
        var tags = new List<Tag>(count);
        var slugs = new HashSet<string>();
        for (var rank = 60; tags.Count < count; rank++)
        {
            var name = rank < vocabulary.Count ? vocabulary.Ranked(rank) : $"{vocabulary.Ranked(rank % vocabulary.Count)} {rank / vocabulary.Count}";
            var slug = TagSlug.From(name);
            if (slug.Length > 0 && slugs.Add(slug))
            {
                tags.Add(new Tag { Slug = slug, Name = name });
            }
        }

        return tags;
    }

    /// <summary>Three different tags a story, the popular tags far more often than the rest.</summary>
    private static IEnumerable<Dictionary<string, object>> StoryTags(SitePlan plan, IEnumerable<StoryFacts> stories, IReadOnlyList<Tag> tags)
    {
        var random = plan.Stream(6);
        var popularity = new Zipf(tags.Count, 1.0);
        foreach (var story in stories)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < 3)
            {
                chosen.Add(popularity.Next(random));
            }

            foreach (var tag in chosen)
            {
                yield return new Dictionary<string, object> { ["StoriesId"] = story.Id, ["TagsId"] = tags[tag].Id };
            }
        }
    }

    /// <summary>Everyone reads; creators write; the first creator moderates and administers, and the first fifth of creators are trusted.</summary>
    private static async Task<List<IdentityUserRole<string>>> RolesAsync(FolioDb db, IReadOnlyList<Features.Creators.FolioUser> people, int creators, CancellationToken cancellationToken)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var rows = new List<IdentityUserRole<string>>();
        for (var i = 0; i < people.Count; i++)
        {
            IEnumerable<string> roles = i switch
            {
                0 => Roles.All,
                _ when i < creators / 5 => [Roles.Reader, Roles.Creator, Roles.Trusted],
                _ when i < creators => [Roles.Reader, Roles.Creator],
                _ => [Roles.Reader],
            };
            rows.AddRange(roles.Select(role => new IdentityUserRole<string> { UserId = people[i].Id, RoleId = roleIds[role] }));
        }

        return rows;
    }
}
