using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Stories;

namespace Folio.Bench;

/// <summary>What later rows need to know about a generated story once it is saved.</summary>
public sealed class StoryFacts
{
    public int Id { get; set; }
    public required int Number { get; init; }
    public required int Author { get; init; }
    public required int Community { get; init; }
    public required DateTime At { get; init; }
    public required bool Published { get; init; }
}

/// <summary>
/// Stories in order of publication, a chunk at a time. Their bodies come from a pool rendered once by Folio's own
/// StoryRenderer (so the stored HTML, word counts and reading times are real; rendering each of a million bodies would
/// take most of the generation's time), each with the story's own friend's name in it, so that a rare word finds one
/// story; titles and subtitles are each story's own.
/// Communities and creators are drawn with a Zipf distribution: a few big communities and prolific writers, a long tail.
/// </summary>
public sealed class StoryRows(SitePlan plan, StoryText text, IReadOnlyList<Community> communities, IReadOnlyList<FolioUser> people)
{
    private const int BodyPoolSize = 2_000;

    private readonly Dictionary<int, HashSet<string>> _slugs = [];
    private readonly List<(StoryFacts Facts, Story Story)> _unsaved = [];

    public List<StoryFacts> Facts { get; } = new(plan.Size.Stories);

    public IEnumerable<IReadOnlyCollection<Story>> Chunks(int chunkSize)
    {
        var random = plan.Stream(3);
        var inCommunity = new Zipf(communities.Count, 0.8);
        var byCreator = new Zipf(plan.Size.Creators, 0.7);
        var moderator = people[0].Id;
        var bodies = text.WritePool(Math.Min(BodyPoolSize, plan.Size.Stories), plan.StoryStream);
        for (var first = 0; first < plan.Size.Stories; first += chunkSize)
        {
            TakeIds();
            var count = Math.Min(chunkSize, plan.Size.Stories - first);
            var chunk = new List<Story>(count);
            for (var i = 0; i < count; i++)
            {
                var number = first + i;
                var (community, author) = (inCommunity.Next(random), byCreator.Next(random));
                var at = plan.Start + SitePlan.Span * ((number + 0.5) / plan.Size.Stories) + TimeSpan.FromMinutes(random.Next(-600, 0));
                var (title, subtitle) = text.Headline(plan.StoryStream(number));
                var (body, rendered) = bodies[number % bodies.Length];
                var friend = Vocabulary.NameOf(number);
                var story = new Story
                {
                    CommunityId = communities[community].Id,
                    AuthorId = people[author].Id,
                    Title = title,
                    Subtitle = subtitle,
                    Slug = UniqueSlug(community, title),
                    CreatedAt = at.AddHours(-random.Next(1, 72)),
                    UpdatedAt = at,
                };
                story.SetBody(
                    body.Markdown.Replace(StoryText.FriendMark, friend, StringComparison.Ordinal),
                    rendered with { Html = rendered.Html.Replace(StoryText.FriendMark, friend, StringComparison.Ordinal) });
                switch (number % 50)
                {
                    case 7:
                        break;
                    case 23:
                        story.SubmitForReview(at);
                        break;
                    default:
                        story.Publish(at);
                        if (number % 500 == 1)
                        {
                            story.MarkTopStory("A reader favourite this season.", moderator, at.AddDays(1));
                        }

                        break;
                }

                chunk.Add(story);
                var facts = new StoryFacts { Number = number, Author = author, Community = community, At = at, Published = story.Status == StoryStatus.Published };
                Facts.Add(facts);
                _unsaved.Add((facts, story));
            }

            yield return chunk;
        }
    }

    /// <summary>
    /// Keeps the ids of the stories written so far and lets go of their bodies. Called before each chunk (the writer has
    /// saved the last one by then) and once after the last chunk is saved.
    /// </summary>
    public void TakeIds()
    {
        foreach (var (facts, story) in _unsaved)
        {
            facts.Id = story.Id > 0 ? story.Id : throw new InvalidOperationException("A story was read before it was saved.");
        }

        _unsaved.Clear();
    }

    private string UniqueSlug(int community, string title)
    {
        var taken = _slugs.TryGetValue(community, out var set) ? set : _slugs[community] = [];
        var baseSlug = Shared.Slug.From(title) is { Length: > 0 } s ? s : "story";
        var slug = baseSlug;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }
}
