using Folio.Features.Accounts;
using System.Globalization;
using Folio.Features.Tags;

namespace Folio.Features.Challenges.Entering;

/// <summary>Who is entering: their roles, and how many of their other stories are already in the challenge.</summary>
public sealed record Entrant(IReadOnlyCollection<string> Roles, int OtherEntries);

/// <summary>The story as it would be entered: its words and tags as the author has them now.</summary>
public sealed record EntryDraft(int WordCount, IReadOnlyCollection<string> TagNames);

/// <summary>How thoroughly to check: while a draft is saved only the window and the entrant; on submit everything.</summary>
public enum EntryCheck
{
    Draft,
    Submit,
}

/// <summary>
/// Every rule a challenge puts on an entry, in one place, for every surface that enters a story: whether it may be
/// entered now and, if not, each reason in words the author can act on. Times are shown in the reader's zone.
/// </summary>
public static class EntryRules
{
    public static IReadOnlyList<string> Check(Challenge challenge, Entrant entrant, EntryDraft story, DateTime now, TimeZoneInfo zone, EntryCheck check)
    {
        var reasons = new List<string>();
        if (now < challenge.OpensAt)
        {
            reasons.Add($"“{challenge.Title}” is not open yet: it opens on {ChallengeTimes.Format(challenge.OpensAt, zone)}.");
        }
        else if (challenge.PhaseAt(now) != ChallengePhase.Open)
        {
            reasons.Add($"“{challenge.Title}” closed on {ChallengeTimes.Format(challenge.ClosesAt, zone)}; late entries are not accepted.");
        }

        if (challenge.EntrantRole is { } role && !entrant.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add($"Only members with the “{role}” role may enter “{challenge.Title}”.");
        }

        if (entrant.OtherEntries >= challenge.EntriesPerCreator)
        {
            reasons.Add(challenge.EntriesPerCreator == 1
                ? $"You have already entered “{challenge.Title}”; it takes one entry per creator. Withdraw that entry to enter this story instead."
                : $"You have already entered {entrant.OtherEntries} stories in “{challenge.Title}”; it takes at most {challenge.EntriesPerCreator} per creator.");
        }

        if (check == EntryCheck.Draft)
        {
            return reasons;
        }

        if (WordsRefusal(challenge, story.WordCount) is { } words)
        {
            reasons.Add(words);
        }

        var tags = story.TagNames.Select(TagSlug.From).ToHashSet(StringComparer.Ordinal);
        var missing = challenge.RequiredTags.Where(tag => !tags.Contains(TagSlug.From(tag))).ToList();
        if (missing.Count > 0)
        {
            reasons.Add($"Add the {(missing.Count == 1 ? "tag" : "tags")} {string.Join(", ", missing.Select(t => $"“{t}”"))}: every entry in “{challenge.Title}” carries {(challenge.RequiredTags.Count == 1 ? "it" : string.Join(", ", challenge.RequiredTags.Select(t => $"“{t}”")))}.");
        }

        return reasons;
    }

    /// <summary>The rules as the challenge's page lists them, worded as the refusals above word them.</summary>
    public static IReadOnlyList<string> Describe(Challenge challenge)
    {
        var rules = new List<string>();
        if (challenge.MinWords is not null || challenge.MaxWords is not null)
        {
            var range = WordRange(challenge);
            rules.Add(char.ToUpperInvariant(range[0]) + range[1..]);
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

    /// <summary>"1,240 words; this challenge asks for 1,500 to 3,000", or null when the count fits.</summary>
    public static string? WordsRefusal(Challenge challenge, int words)
    {
        if ((challenge.MinWords is null || words >= challenge.MinWords) && (challenge.MaxWords is null || words <= challenge.MaxWords))
        {
            return null;
        }

        return $"{Plural(words)}; this challenge asks for {WordRange(challenge)}.";
    }

    /// <summary>"1,500 to 3,000 words", "at least 500 words", "at most 100 words", or "any length".</summary>
    public static string WordRange(Challenge challenge) => (challenge.MinWords, challenge.MaxWords) switch
    {
        ({ } min, { } max) => $"{N(min)} to {N(max)} words",
        ({ } min, null) => $"at least {Plural(min)}",
        (null, { } max) => $"at most {Plural(max)}",
        _ => "any length",
    };

    private static string Plural(int words) => words == 1 ? "1 word" : $"{N(words)} words";

    private static string N(int number) => number.ToString("N0", CultureInfo.InvariantCulture);
}
