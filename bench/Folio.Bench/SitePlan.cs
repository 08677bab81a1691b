namespace Folio.Bench;

/// <summary>
/// What to generate: the sizes, the seed every random choice comes from, the day the newest story is from, and how long
/// bodies are as a share of the realistic length (1: 300–2,500 words, most near a thousand).
/// </summary>
public sealed record SitePlan(SiteSize Size, int Seed, DateOnly Until, double BodyScale = 1)
{
    /// <summary>Stories span the three years up to <see cref="Until"/>.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    public DateTime End => Until.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime Start => End - Span;

    /// <summary>Each part of the site draws from its own stream, so changing one size does not reshuffle the others.</summary>
    public Random Stream(int part) => new(unchecked(Seed * 7_919 + part));

    /// <summary>One story's own stream, so stories can be written in parallel and still come out the same.</summary>
    public Random StoryStream(int storyNumber) => StoryStreamOf(Seed, storyNumber);

    public static Random StoryStreamOf(int seed, int storyNumber) => new(unchecked(seed * 1_000_003 + storyNumber));
}
