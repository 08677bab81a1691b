namespace Folio.Features.Explore;

/// <summary>
/// Trending score: engagement points divided by age with gravity, as on Hacker News, so a story
/// rises with hearts, insights and comments and sinks as it ages.
/// points = 1 + hearts + 2 × readers who shared insights + 3 × comments; score = points / (hours + 2)^1.5.
/// </summary>
public static class Trending
{
    public const double Gravity = 1.5;

    public static double Score(int hearts, int insightReaders, int comments, double ageHours)
    {
        var points = 1 + hearts + 2 * insightReaders + 3 * comments;
        return points / Math.Pow(Math.Max(ageHours, 0) + 2, Gravity);
    }
}
