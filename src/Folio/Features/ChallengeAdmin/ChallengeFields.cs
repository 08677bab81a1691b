using System.Globalization;
using Folio.Features.Newsletters;

namespace Folio.Features.ChallengeAdmin;

/// <summary>
/// A challenge as the API or the command line gives it, typed; a field left null stays as it is (or, for a new
/// challenge, as the blank form has it). <see cref="ApplyTo"/> writes it onto the form's <see cref="ChallengeInput"/>,
/// so every surface is checked by the same reader.
/// </summary>
public sealed record ChallengeFields
{
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? Prompt { get; init; }
    public string? HeroAltText { get; init; }

    /// <summary>The community's slug; "" makes the challenge site-wide.</summary>
    public string? Community { get; init; }

    /// <summary>The zone of <see cref="OpensAt"/> and <see cref="ClosesAt"/> when they carry no offset of their own.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 8601 with an offset (2027-03-28T09:00:00Z), or a wall-clock time in <see cref="TimeZone"/>.</summary>
    public string? OpensAt { get; init; }

    public string? ClosesAt { get; init; }
    public int? MinWords { get; init; }
    public int? MaxWords { get; init; }
    public IReadOnlyList<string>? RequiredTags { get; init; }
    public int? EntriesPerCreator { get; init; }
    public string? EntrantRole { get; init; }
    public bool? EntriesVisibleBeforeClose { get; init; }
    public int? JudgesPerEntry { get; init; }
    public bool? BlindJudging { get; init; }

    /// <summary>Replaces every criterion, in order; the weights are whole percents adding up to 100.</summary>
    public IReadOnlyList<CriterionInput>? Criteria { get; init; }

    public string? FirstPrize { get; init; }
    public string? SecondPrize { get; init; }
    public string? ThirdPrize { get; init; }
    public int? RunnersUp { get; init; }
    public string? RunnerUpPrize { get; init; }
    public IReadOnlyList<string>? Judges { get; init; }
    public string? LeadJudge { get; init; }

    /// <summary>Writes the given fields onto <paramref name="input"/>; returns what is wrong with the times, keyed as the form's fields.</summary>
    public Dictionary<string, string> ApplyTo(ChallengeInput input, DateTime? opensAt, DateTime? closesAt)
    {
        var problems = new Dictionary<string, string>();
        input.Slug = Slug ?? input.Slug;
        input.Title = Title ?? input.Title;
        input.Prompt = Prompt ?? input.Prompt;
        input.HeroAltText = HeroAltText ?? input.HeroAltText;
        input.MinWords = Text(MinWords) ?? input.MinWords;
        input.MaxWords = Text(MaxWords) ?? input.MaxWords;
        input.RequiredTags = RequiredTags is null ? input.RequiredTags : string.Join(", ", RequiredTags);
        input.EntriesPerCreator = Text(EntriesPerCreator) ?? input.EntriesPerCreator;
        input.EntrantRole = EntrantRole ?? input.EntrantRole;
        input.EntriesVisibleBeforeClose = EntriesVisibleBeforeClose ?? input.EntriesVisibleBeforeClose;
        input.JudgesPerEntry = Text(JudgesPerEntry) ?? input.JudgesPerEntry;
        input.BlindJudging = BlindJudging ?? input.BlindJudging;
        input.Criteria = Criteria is null ? input.Criteria : [.. Criteria];
        input.FirstPrize = FirstPrize ?? input.FirstPrize;
        input.SecondPrize = SecondPrize ?? input.SecondPrize;
        input.ThirdPrize = ThirdPrize ?? input.ThirdPrize;
        input.RunnersUp = Text(RunnersUp) ?? input.RunnersUp;
        input.RunnerUpPrize = RunnerUpPrize ?? input.RunnerUpPrize;
        input.Judges = Judges is null ? input.Judges : string.Join(", ", Judges);
        input.LeadJudge = LeadJudge ?? input.LeadJudge;

        // The times reach the form in UTC, to the second, whichever way they were given.
        var zone = TimeZone?.Trim();
        if (zone is { Length: > 0 } && !TimeZones.IsKnown(zone))
        {
            problems[nameof(ChallengeInput.TimeZone)] = $"“{zone}” is not a time zone this server knows; give an IANA name such as Europe/London, or UTC.";
            zone = null;
        }

        input.TimeZone = "UTC";
        input.OpensAt = Utc(OpensAt, opensAt, zone, nameof(ChallengeInput.OpensAt), "opening", problems);
        input.ClosesAt = Utc(ClosesAt, closesAt, zone, nameof(ChallengeInput.ClosesAt), "closing", problems);
        return problems;
    }

    private static string? Utc(string? typed, DateTime? current, string? zone, string field, string what, Dictionary<string, string> problems)
    {
        if (typed is null)
        {
            return current is { } kept ? Format(kept) : null;
        }

        var text = typed.Trim();
        if (HasOffset(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return Format(instant.UtcDateTime);
            }

            problems[field] = $"Give the {what} time in ISO 8601, as 2027-03-28T09:00:00Z or 2027-03-28T10:00:00+01:00.";
            return null;
        }

        if (text.Length > 0 && zone is null)
        {
            problems.TryAdd(field, $"Give the {what} time with its offset (2027-03-28T09:00:00Z, 2027-03-28T10:00:00+01:00) or name its time zone.");
            return null;
        }

        var (utc, problem) = LocalTimes.ToUtc(text, ChallengeInput.ZoneOrUtc(zone), what);
        if (problem is not null)
        {
            problems[field] = problem;
        }

        return utc is { } value ? Format(value) : null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
