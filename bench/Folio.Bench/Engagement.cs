using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Reads;
using Folio.Features.Subscriptions;

namespace Folio.Bench;

/// <summary>
/// What readers did with the stories: comments (threads with replies), hearts, insights with an overall impression, daily
/// read counts and subscriptions. Attention follows a Zipf curve over a shuffled order of the published stories, so a
/// few stories draw thousands of comments and most draw a handful, and the same readers are the most active everywhere.
/// Nobody hearts, rates or comments on their own story twice over; readers never rate their own story.
/// </summary>
public sealed class Engagement
{
    private readonly SitePlan _plan;
    private readonly IReadOnlyList<FolioUser> _people;
    private readonly StoryFacts[] _byPopularity;
    private readonly Zipf _activeReaders;

    public Engagement(SitePlan plan, IReadOnlyList<FolioUser> people, IEnumerable<StoryFacts> stories)
    {
        _plan = plan;
        _people = people;
        var random = plan.Stream(4);
        _byPopularity = stories.Where(s => s.Published).ToArray();
        random.Shuffle(_byPopularity);
        _activeReaders = new Zipf(people.Count, 0.6);
    }

    /// <summary>Published stories, most popular first.</summary>
    public IReadOnlyList<StoryFacts> ByPopularity => _byPopularity;

    public int[] Spread(int total, int part) => new Zipf(_byPopularity.Length, 0.6).Spread(total, _plan.Stream(part));

    public IEnumerable<IReadOnlyCollection<Comment>> Comments(CommentBodies bodies)
    {
        var random = _plan.Stream(10);
        var counts = Spread(_plan.Size.Comments, 11);
        for (var rank = 0; rank < _byPopularity.Length; rank++)
        {
            var story = _byPopularity[rank];
            var thread = new List<Comment>(counts[rank]);
            var step = Window(story, counts[rank]);
            for (var i = 0; i < counts[rank]; i++)
            {
                var comment = new Comment
                {
                    StoryId = story.Id,
                    AuthorId = Reader(random),
                    Parent = i > 0 && random.Next(10) < 3 ? thread[random.Next(i)] : null,
                    CreatedAt = story.At + step * (i + 1),
                };
                bodies.Apply(comment, random);
                thread.Add(comment);
            }

            yield return thread;
        }
    }

    public IEnumerable<IReadOnlyCollection<Heart>> Hearts()
    {
        var random = _plan.Stream(20);
        var counts = Spread(_plan.Size.Hearts, 21);
        for (var rank = 0; rank < _byPopularity.Length; rank++)
        {
            var story = _byPopularity[rank];
            var step = Window(story, counts[rank]);
            yield return DistinctReaders(story, counts[rank], random)
                .Select((reader, i) => new Heart { StoryId = story.Id, ReaderId = reader, GivenAt = story.At + step * (i + 1) })
                .ToList();
        }
    }

    public IEnumerable<IReadOnlyCollection<object>> InsightsAndImpressions()
    {
        var random = _plan.Stream(30);
        var counts = Spread(_plan.Size.Insights, 31);
        var qualities = Enum.GetValues<InsightQuality>();
        var impressions = Enum.GetValues<Impression>();
        for (var rank = 0; rank < _byPopularity.Length; rank++)
        {
            var story = _byPopularity[rank];
            var rows = new List<object>();
            var given = 0;
            // Each reader gives one to three qualities and an overall impression.
            foreach (var reader in DistinctReaders(story, (counts[rank] + 1) / 2, random))
            {
                var at = story.At + Window(story, 1);
                foreach (var quality in random.GetItems(qualities, random.Next(1, 4)).Distinct())
                {
                    rows.Add(new ReaderInsight { StoryId = story.Id, ReaderId = reader, Quality = quality, GivenAt = at });
                    given++;
                }

                rows.Add(new ReaderImpression { StoryId = story.Id, ReaderId = reader, Impression = impressions[random.Next(impressions.Length)], GivenAt = at });
                if (given >= counts[rank])
                {
                    break;
                }
            }

            yield return rows;
        }
    }

    /// <summary>Reads on distinct days since publication; the most popular stories are read most, and lately.</summary>
    public IEnumerable<IReadOnlyCollection<StoryReadDay>> ReadDays()
    {
        var random = _plan.Stream(40);
        var counts = Spread(_plan.Size.ReadDays, 41);
        var today = _plan.Until;
        for (var rank = 0; rank < _byPopularity.Length; rank++)
        {
            var story = _byPopularity[rank];
            var age = Math.Max(1, today.DayNumber - DateOnly.FromDateTime(story.At).DayNumber);
            var days = new HashSet<int>();
            var wanted = Math.Min(counts[rank], age);
            while (days.Count < wanted)
            {
                days.Add(random.Next(3) == 0 ? random.Next(Math.Min(age, 14)) : random.Next(age));
            }

            yield return days.Select(daysAgo => new StoryReadDay
            {
                StoryId = story.Id,
                Day = today.AddDays(-daysAgo),
                Reads = 1 + (int)(random.Next(1, 400) / (1 + rank / 50.0)),
            }).ToList();
        }
    }

    public IEnumerable<Subscription> Subscriptions()
    {
        var random = _plan.Stream(50);
        var creators = new Zipf(_plan.Size.Creators, 0.8);
        var taken = new HashSet<(int, int)>();
        for (var attempts = 0; taken.Count < _plan.Size.Subscriptions && attempts < _plan.Size.Subscriptions * 3; attempts++)
        {
            var (subscriber, creator) = (_activeReaders.Next(random), creators.Next(random));
            if (subscriber != creator && taken.Add((subscriber, creator)))
            {
                yield return new Subscription
                {
                    SubscriberId = _people[subscriber].Id,
                    CreatorId = _people[creator].Id,
                    CreatedAt = _plan.End.AddDays(-random.Next(1, 700)),
                };
            }
        }
    }

    private string Reader(Random random) => _people[_activeReaders.Next(random)].Id;

    private IEnumerable<string> DistinctReaders(StoryFacts story, int count, Random random)
    {
        var wanted = Math.Min(count, _people.Count - 1);
        var chosen = new HashSet<int>();
        while (chosen.Count < wanted)
        {
            var reader = chosen.Count < wanted / 2 ? _activeReaders.Next(random) : random.Next(_people.Count);
            if (reader != story.Author && chosen.Add(reader))
            {
                yield return _people[reader].Id;
            }
        }
    }

    /// <summary>The time between one reaction and the next, so that all of them fall between publication and the site's last day.</summary>
    private TimeSpan Window(StoryFacts story, int count) =>
        TimeSpan.FromTicks(Math.Max(1, Math.Min(TimeSpan.FromDays(30).Ticks, (_plan.End - story.At).Ticks) / (count + 1)));
}
