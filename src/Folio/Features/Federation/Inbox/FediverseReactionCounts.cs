namespace Folio.Features.Federation.Inbox;

/// <summary>How many people on other servers liked and boosted a story, as its page shows under the hearts (read with <see cref="Stories.StoryMarks"/>).</summary>
public sealed record FediverseReactionCounts(int Likes, int Boosts)
{
    public bool Any => Likes + Boosts > 0;

    /// <summary>"3 likes and 1 boost on the fediverse", leaving out a kind nobody gave.</summary>
    public string Text => string.Join(" and ", new[] { Plural(Likes, "like"), Plural(Boosts, "boost") }.Where(part => part.Length > 0)) + " on the fediverse";

    private static string Plural(int count, string noun) => count switch
    {
        0 => "",
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };
}
