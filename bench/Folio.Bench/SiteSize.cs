namespace Folio.Bench;

/// <summary>How big a site to generate. Everything but the story count defaults to a share of it, as issue 12 sized a big community.</summary>
public sealed record SiteSize(
    int Stories,
    int Communities,
    int Tags,
    int People,
    int Creators,
    int Comments,
    int Hearts,
    int Insights,
    int ReadDays,
    int Subscriptions)
{
    public const int DefaultStories = 100_000;

    public static int DefaultCommunities(int stories) => Math.Clamp(stories / 20, 5, 50);

    public static int DefaultTags(int stories) => Math.Max(50, stories / 20);

    public static int DefaultPeople(int stories) => Math.Max(100, stories / 5);

    public static int DefaultCreators(int people) => Math.Max(10, people / 10);

    public static int DefaultComments(int stories) => stories * 5;

    public static int DefaultHearts(int stories) => stories * 3;

    public static int DefaultInsights(int stories) => stories * 2;

    public static int DefaultReadDays(int stories) => stories * 3;

    public static int DefaultSubscriptions(int people) => people;
}
