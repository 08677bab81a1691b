using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Stories;

namespace Folio.Features.Demo;

/// <summary>Hearts and reader insights for the demo stories: varied, but the same on every first run.</summary>
internal static class DemoEngagement
{
    public static void Add(FolioDb db, IReadOnlyList<Story> stories, IReadOnlyList<FolioUser> people, DateTime now)
    {
        var random = new Random(2026);
        foreach (var story in stories)
        {
            var publishedAt = story.PublishedAt!.Value;
            var age = now - publishedAt;
            if (age < TimeSpan.FromHours(1))
            {
                continue;
            }

            var popularity = random.NextDouble();
            foreach (var reader in people.Where(p => p.Id != story.AuthorId))
            {
                DateTime Moment() => publishedAt + age * random.NextDouble();

                if (random.NextDouble() < popularity)
                {
                    db.Hearts.Add(new Heart { Story = story, ReaderId = reader.Id, GivenAt = Moment() });
                }

                if (random.NextDouble() < popularity * 0.8)
                {
                    var qualities = Enum.GetValues<InsightQuality>().OrderBy(_ => random.Next()).Take(1 + random.Next(3));
                    foreach (var quality in qualities)
                    {
                        db.ReaderInsights.Add(new ReaderInsight { Story = story, ReaderId = reader.Id, Quality = quality, GivenAt = Moment() });
                    }
                }
            }
        }
    }
}
