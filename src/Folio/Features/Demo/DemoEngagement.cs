using Folio.Data;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Reads;
using Folio.Features.Stories;

namespace Folio.Features.Demo;

/// <summary>Hearts, reader insights and daily reads for the demo stories: varied, but the same on every first run.</summary>
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

        AddReads(db, stories, now);
    }

    /// <summary>
    /// A launch peak that fades over about a week, a long tail that fades over months, busier weekends and
    /// day-to-day noise, from the publication day to today. Its own seed, so hearts and insights stay as they were.
    /// </summary>
    private static void AddReads(FolioDb db, IReadOnlyList<Story> stories, DateTime now)
    {
        var random = new Random(3031);
        var today = DateOnly.FromDateTime(now);
        foreach (var story in stories)
        {
            var published = DateOnly.FromDateTime(story.PublishedAt!.Value);
            var peak = 12 + 170 * random.NextDouble() * random.NextDouble();
            for (var day = published; day <= today; day = day.AddDays(1))
            {
                var age = day.DayNumber - published.DayNumber;
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 1.0;
                var soFar = day == today ? now.TimeOfDay.TotalHours / 24 : 1.0; // today is not over yet
                var expected = peak * (Math.Exp(-age / 4.0) + 0.08 * Math.Exp(-age / 150.0) + 0.015) * weekend * soFar;
                var reads = (int)Math.Round(expected * (0.6 + 0.8 * random.NextDouble()));
                if (reads > 0)
                {
                    db.StoryReadDays.Add(new StoryReadDay { Story = story, Day = day, Reads = reads });
                }
            }
        }
    }
}
