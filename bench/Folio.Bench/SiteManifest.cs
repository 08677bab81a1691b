using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Bench;

/// <summary>
/// What bench/run needs to know about the generated site: which pages to load (a popular story, the biggest community
/// and its page 50, the most used tag, the most prolific author), whom to sign in as, what to search for, and what the
/// generation cost. Written to bench-site.json in the data directory.
/// </summary>
public sealed record SiteManifest(
    int Stories,
    int Seed,
    DateOnly Until,
    string StoryPath,
    int StoryComments,
    string Community,
    int CommunityPage,
    string Tag,
    string Author,
    string Reader,
    string RareWord,
    string CommonWord,
    string TwoWords,
    string Prefix,
    double RowsSeconds,
    double GenerationSeconds,
    long DatabaseBytes)
{
    public const string FileName = "bench-site.json";

    /// <summary>The story page readers hit most is a popular one: the tenth most popular story, with its comment thread.</summary>
    private const int StoryRank = 10;

    private const int ListPageSize = Shared.Paging.DefaultPageSize;

    public static async Task<SiteManifest> FromAsync(
        FolioDb db, SitePlan plan, string reader, Engagement engagement, TimeSpan rows, TimeSpan total, long bytes, CancellationToken cancellationToken)
    {
        var popular = engagement.ByPopularity[Math.Min(StoryRank, engagement.ByPopularity.Count - 1)];
        var story = await db.Stories.Where(s => s.Id == popular.Id)
            .Select(s => new { Path = "/" + s.Community.Slug + "/" + s.Slug, Comments = s.Comments.Count })
            .SingleAsync(cancellationToken);
        var community = await db.Communities.OrderByDescending(c => c.StoryCount)
            .Select(c => new { c.Slug, Stories = c.StoryCount }).FirstAsync(cancellationToken);
        var tag = await db.Tags.OrderByDescending(t => t.StoryCount).Select(t => t.Slug).FirstAsync(cancellationToken);
        var author = await db.Stories.GroupBy(s => s.Author.UserName).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(cancellationToken);
        var rare = Vocabulary.NameOf(engagement.ByPopularity[engagement.ByPopularity.Count / 2].Number).ToLowerInvariant();
        return new SiteManifest(
            plan.Size.Stories, plan.Seed, plan.Until, story.Path, story.Comments,
            community.Slug, Math.Clamp((community.Stories + ListPageSize - 1) / ListPageSize, 1, 50),
            tag, author!, reader, rare, Vocabulary.CommonWord, $"{Vocabulary.CommonWord} {Vocabulary.SecondWord}", Vocabulary.Prefix,
            Math.Round(rows.TotalSeconds, 1), Math.Round(total.TotalSeconds, 1), bytes);
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }, cancellationToken);
    }
}
