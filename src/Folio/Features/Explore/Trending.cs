namespace Folio.Features.Explore;

/// <summary>
/// Trending score: engagement points divided by age with gravity, as on Hacker News, so a story
/// rises with reads, hearts, insights and comments and sinks as it ages.
/// points = 1 + reads ÷ 5 + hearts + 2 × readers who shared insights + 3 × comments; score = points / (hours + 2)^1.5.
/// A read weighs a fifth of a heart: it is the commonest signal, costs the reader nothing and is the easiest to
/// inflate, while a comment takes the most effort. Reads are all of a story's counted reads (trending only
/// considers stories from the last 60 days, so they are recent).
/// </summary>
public static class Trending
{
    public const double Gravity = 1.5;
    public const double ReadsPerHeart = 5;

    /// <summary>
    /// Whether anyone has responded to a story at all. A story nobody has read, hearted, given insights on or commented on
    /// is left out of Trending: ranked by its age alone, Trending on a quiet site would only repeat Latest.
    /// </summary>
    public static bool HasSignal(int hearts, int insightReaders, int comments, int reads) => hearts + insightReaders + comments + reads > 0;

    public static double Score(int hearts, int insightReaders, int comments, int reads, double ageHours)
    {
        var points = 1 + reads / ReadsPerHeart + hearts + 2 * insightReaders + 3 * comments;
        return points / Math.Pow(Math.Max(ageHours, 0) + 2, Gravity);
    }
}
