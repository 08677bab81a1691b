using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Reads;

public sealed class DemoReadsTests : IDisposable
{
    private readonly FolioApp _app = new(seedDemo: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DemoStoriesHaveDailyReadsFromPublicationToToday()
    {
        var today = DateOnly.FromDateTime(_app.Clock.UtcNow);
        var stories = await _app.WithDbAsync(db => db.Stories.Published()
            .Select(s => new { s.PublishedAt, Days = db.StoryReadDays.Where(d => d.StoryId == s.Id).Select(d => d.Day).ToList() })
            .ToListAsync());

        Assert.All(stories, story =>
        {
            Assert.NotEmpty(story.Days);
            Assert.All(story.Days, day => Assert.InRange(day, DateOnly.FromDateTime(story.PublishedAt!.Value), today));
        });
        Assert.True(stories.Count(s => s.Days.Count >= 25) >= 10, "several demo stories have a month of reads or more");
    }
}
