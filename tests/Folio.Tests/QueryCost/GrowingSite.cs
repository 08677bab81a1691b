using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Features.Comments;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.QueryCost;

/// <summary>
/// A site with fixed names for the pages under test (community "rivers", creator "wren", tag "slow-living", story
/// "the-weir" and its first comment) that can grow: every story added comes with tags, comments, a reply, a heart and
/// insights, every fourth a top story, and a story awaiting review, so anything a page does per item shows up as more commands.
/// </summary>
public sealed class GrowingSite
{
    private readonly FolioApp _app;
    private readonly FolioUser _reader;
    private readonly Community _hills;
    private readonly int _seriesId;
    private int _grown;

    private GrowingSite(FolioApp app, Community rivers, Community hills, FolioUser wren, FolioUser reader, Story weir, Comment firstComment, int seriesId)
    {
        _seriesId = seriesId;
        _app = app;
        Rivers = rivers;
        _hills = hills;
        Wren = wren;
        _reader = reader;
        Weir = weir;
        FirstComment = firstComment;
    }

    public Community Rivers { get; }
    public FolioUser Wren { get; }
    public Story Weir { get; }
    public Comment FirstComment { get; }

    public static async Task<GrowingSite> CreateAsync(FolioApp app)
    {
        var rivers = await app.Data.CommunityAsync("rivers", "Rivers");
        var hills = await app.Data.CommunityAsync("hills", "Hills");
        var wren = await app.Data.PersonAsync("wren");
        var reader = await app.Data.PersonAsync("reed");
        var weir = await app.Data.StoryAsync(rivers, wren, "The Weir", body: "A river story about the weir.", tags: ["Slow Living", "Water"]);
        var first = await app.Data.CommentAsync(weir, reader, "A first comment.");
        // Wren's series "The Ford and After", whose first part is "The Ford"; each story of hers the site grows by joins it.
        var ford = await app.Data.StoryAsync(rivers, wren, "The Ford", body: "A river story about the ford.", tags: ["Water"]);
        var seriesId = await app.WithDbAsync(async db =>
        {
            var series = new Folio.Features.Series.StorySeries { AuthorId = wren.Id, Title = "The Ford and After", Slug = "the-ford-and-after" };
            db.Series.Add(series);
            await db.SaveChangesAsync();
            (await db.Stories.FindAsync(ford.Id))!.SeriesId = series.Id;
            (await db.Stories.FindAsync(ford.Id))!.SeriesPosition = 1;
            await db.SaveChangesAsync();
            return series.Id;
        });
        var site = new GrowingSite(app, rivers, hills, wren, reader, weir, first, seriesId);
        await site.GrowAsync(1);
        return site;
    }

    /// <summary>Replaces {story}, {comment}, {wren} and {rivers} in a URL with the ids of "The Weir", its first comment, its creator and its community.</summary>
    public string Resolve(string url) =>
        url.Replace("{story}", Weir.Id.ToString()).Replace("{comment}", FirstComment.Id.ToString())
            .Replace("{wren}", Wren.Id).Replace("{rivers}", Rivers.Id.ToString());

    public async Task GrowAsync(int stories)
    {
        for (var i = 0; i < stories; i++)
        {
            var n = ++_grown;
            var author = n % 2 == 0 ? Wren : await _app.Data.PersonAsync();
            var community = n % 3 == 0 ? _hills : Rivers;
            var story = await _app.Data.StoryAsync(community, author, $"River story {n}", body: $"A river story, number {n}.",
                publishedAt: _app.Clock.UtcNow.AddMinutes(-n), tags: ["Slow Living", "Water", $"Topic {n}"]);
            var comment = await _app.Data.CommentAsync(story, _reader, $"Comment {n}.");
            await _app.Data.CommentAsync(story, author, $"Reply {n}.", parent: comment);
            await _app.Data.CommentAsync(Weir, author, $"Another comment {n} on the weir.");
            await _app.Data.CommentAsync(Weir, _reader, $"Reply {n} in the first thread.", parent: FirstComment);
            await _app.Data.HeartAsync(story, _reader);
            if (author != Wren)
            {
                await _app.Data.HeartAsync(Weir, author);
            }
            await _app.Data.InsightsAsync(story, _reader, InsightQuality.EyeOpening, InsightQuality.EasyToReadAndFollow);
            if (author == Wren)
            {
                await _app.WithDbAsync(async db =>
                {
                    var part = (await db.Stories.FindAsync(story.Id))!;
                    (part.SeriesId, part.SeriesPosition) = (_seriesId, n + 1);
                    await db.SaveChangesAsync();
                });
            }

            if (n % 4 == 1)
            {
                await _app.WithDbAsync(async db =>
                {
                    (await db.Stories.FindAsync(story.Id))!.MarkTopStory($"Pick {n}", _reader.Id, _app.Clock.UtcNow.AddMinutes(-n));
                    await db.SaveChangesAsync();
                });
            }

            // Pins on the community and (once grown) the creator's profile; more than the three shown, as a race could leave.
            if (n % 4 is 1 or 2)
            {
                await _app.WithDbAsync(async db =>
                {
                    var pinned = (await db.Stories.FindAsync(story.Id))!;
                    pinned.CommunityPinnedAt = _app.Clock.UtcNow.AddMinutes(-n);
                    pinned.ProfilePinnedAt = _app.Clock.UtcNow.AddMinutes(-n);
                    await db.SaveChangesAsync();
                });
            }

            await _app.Data.StoryAsync(community, author, $"Waiting {n}", body: "Awaiting review, about a river.", tags: ["Slow Living"], status: StoryStatus.Pending);
        }
    }
}
