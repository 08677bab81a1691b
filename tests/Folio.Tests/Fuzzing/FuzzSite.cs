namespace Folio.Tests.Fuzzing;

/// <summary>What the fuzzer knows of the site it attacks: real ids and names to start from, so mutations reach deep handlers.</summary>
public sealed record FuzzSite(string Token, IReadOnlyList<string> StoryIds, IReadOnlyList<string> CommentIds,
    IReadOnlyList<string> CommunitySlugs, IReadOnlyList<string> Usernames)
{
    /// <summary>Each signed-in identity's antiforgery token, for the endpoints the site's scripts call with one.</summary>
    public Dictionary<string, string> AntiforgeryTokens { get; } = [];

    /// <summary>A real value for a route parameter, chosen by its name.</summary>
    public string ValueFor(string parameter, Random random) => parameter.ToLowerInvariant() switch
    {
        "commentid" => random.Pick(CommentIds),
        "slug" or "community" => random.Pick(CommunitySlugs),
        "username" => random.Pick(Usernames),
        _ => random.Pick(StoryIds),
    };
}
