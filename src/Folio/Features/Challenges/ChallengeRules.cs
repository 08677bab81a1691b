using Folio.Features.Accounts;

namespace Folio.Features.Challenges;

/// <summary>A challenge's entry rules in plain words, as its page lists them.</summary>
public static class ChallengeRules
{
    public static IReadOnlyList<string> Describe(Challenge challenge)
    {
        var rules = new List<string>();
        if (Words(challenge.MinWords, challenge.MaxWords) is { } words)
        {
            rules.Add(words);
        }

        if (challenge.RequiredTags.Count > 0)
        {
            rules.Add("Tags: " + string.Join(", ", challenge.RequiredTags.Select(t => "#" + t)));
        }

        rules.Add(challenge.EntriesPerCreator == 1 ? "One entry per creator" : $"Up to {challenge.EntriesPerCreator} entries per creator");
        rules.Add(challenge.EntrantRole switch
        {
            null => "Open to everyone with an account",
            Roles.Creator => "Open to creators",
            Roles.Trusted => "Open to trusted creators",
            var role => $"Open to members with the {role} role",
        });
        return rules;
    }

    public static string? Words(int? min, int? max) => (min, max) switch
    {
        ({ } least, { } most) => $"{least:N0} to {most:N0} words",
        ({ } least, null) => $"At least {least:N0} words",
        (null, { } most) => $"Up to {most:N0} words",
        _ => null,
    };
}
