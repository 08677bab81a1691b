using System.Globalization;
using Folio.Features.Accounts;
using Folio.Features.Challenges;
using Folio.Features.Newsletters;
using Folio.Features.Tags;
using Folio.Shared;

namespace Folio.Features.ChallengeAdmin;

/// <summary>Reads the typed <see cref="ChallengeInput"/> into a <see cref="ChallengeDraft"/>, collecting a message for every field to fix.</summary>
internal sealed class ChallengeFormReader(ChallengeInput input)
{
    public const int MaxWordsLimit = 1_000_000;

    /// <summary>The roles an entrant can be required to have; "" lets every signed-in member enter.</summary>
    public static readonly IReadOnlyList<string> EntrantRoles = [Roles.Creator, Roles.Trusted];

    public Dictionary<string, string> Problems { get; } = [];

    public ChallengeDraft Read(string? heroImageUrl)
    {
        var title = Required(input.Title, nameof(ChallengeInput.Title), "Give the challenge a title.", ChallengeConfiguration.TitleMaxLength);
        var slug = Slug.From(string.IsNullOrWhiteSpace(input.Slug) ? title : input.Slug, ChallengeConfiguration.SlugMaxLength);
        if (slug.Length == 0 && title.Length > 0)
        {
            Problems[nameof(ChallengeInput.Slug)] = "Give a slug of letters, digits and hyphens, such as winter-tales.";
        }

        var prompt = Required(input.Prompt, nameof(ChallengeInput.Prompt), "Write the prompt: what should entrants write about?", ChallengeConfiguration.PromptMaxLength);
        var alt = Optional(input.HeroAltText, nameof(ChallengeInput.HeroAltText), 300);
        var (opens, closes) = ReadTimes();
        var minWords = Count(input.MinWords, nameof(ChallengeInput.MinWords), 0, optional: true);
        var maxWords = Count(input.MaxWords, nameof(ChallengeInput.MaxWords), 1, optional: true);
        if (minWords is { } min && maxWords is { } max && min > max)
        {
            Problems[nameof(ChallengeInput.MaxWords)] = $"The maximum ({max:N0}) is below the minimum ({min:N0}). Raise the maximum or lower the minimum.";
        }

        var role = string.IsNullOrWhiteSpace(input.EntrantRole) ? null : input.EntrantRole.Trim();
        if (role is not null && !EntrantRoles.Contains(role))
        {
            Problems[nameof(ChallengeInput.EntrantRole)] = "Choose who may enter from the list.";
        }

        var judges = (input.Judges ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(j => j.TrimStart('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var lead = input.LeadJudge?.Trim().TrimStart('@') ?? "";
        if (judges.Count == 0)
        {
            Problems[nameof(ChallengeInput.Judges)] = "Name at least one judge by username.";
        }
        else if (lead.Length == 0 && judges.Count == 1)
        {
            lead = judges[0];
        }
        else if (!judges.Contains(lead, StringComparer.OrdinalIgnoreCase))
        {
            Problems[nameof(ChallengeInput.LeadJudge)] = lead.Length == 0
                ? "Name the lead judge: one of the judges, who picks the winners."
                : $"{lead} isn’t one of the judges. Give one of: {string.Join(", ", judges)}.";
        }

        return new ChallengeDraft
        {
            Title = title,
            Slug = slug,
            PromptMarkdown = prompt,
            HeroImageUrl = heroImageUrl,
            HeroAltText = alt,
            CommunityId = ReadCommunity(),
            OpensAt = opens,
            ClosesAt = closes,
            MinWords = minWords,
            MaxWords = maxWords,
            RequiredTags = ReadTags(),
            EntriesPerCreator = Count(input.EntriesPerCreator, nameof(ChallengeInput.EntriesPerCreator), 1) ?? 1,
            EntrantRole = role,
            EntriesVisibleBeforeClose = input.EntriesVisibleBeforeClose,
            JudgesPerEntry = Count(input.JudgesPerEntry, nameof(ChallengeInput.JudgesPerEntry), 1) ?? 1,
            BlindJudging = input.BlindJudging,
            Criteria = ReadCriteria(),
            FirstPrize = Optional(input.FirstPrize, nameof(ChallengeInput.FirstPrize), ChallengeConfiguration.PrizeMaxLength),
            SecondPrize = Optional(input.SecondPrize, nameof(ChallengeInput.SecondPrize), ChallengeConfiguration.PrizeMaxLength),
            ThirdPrize = Optional(input.ThirdPrize, nameof(ChallengeInput.ThirdPrize), ChallengeConfiguration.PrizeMaxLength),
            RunnersUp = Count(input.RunnersUp, nameof(ChallengeInput.RunnersUp), 0, optional: true) ?? 0,
            RunnerUpPrize = Optional(input.RunnerUpPrize, nameof(ChallengeInput.RunnerUpPrize), ChallengeConfiguration.PrizeMaxLength),
            Judges = judges,
            LeadJudge = lead,
        };
    }

    private (DateTime Opens, DateTime Closes) ReadTimes()
    {
        var zoneId = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone.Trim();
        if (!TimeZones.IsKnown(zoneId))
        {
            Problems[nameof(ChallengeInput.TimeZone)] = "Choose the time zone from the list.";
            return default;
        }

        var zone = ChallengeInput.ZoneOrUtc(zoneId);
        var (opens, opensProblem) = LocalTimes.ToUtc(input.OpensAt, zone, "opening");
        var (closes, closesProblem) = LocalTimes.ToUtc(input.ClosesAt, zone, "closing");
        if (opensProblem is not null)
        {
            Problems[nameof(ChallengeInput.OpensAt)] = opensProblem;
        }

        if (closesProblem is not null)
        {
            Problems[nameof(ChallengeInput.ClosesAt)] = closesProblem;
        }
        else if (opens is not null && closes <= opens)
        {
            Problems[nameof(ChallengeInput.ClosesAt)] = "The challenge must close after it opens. Choose a later closing time.";
        }

        return (opens ?? default, closes ?? default);
    }

    private int? ReadCommunity()
    {
        var text = input.CommunityId?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Problems[nameof(ChallengeInput.CommunityId)] = "Choose a community from the list, or site-wide.";
        return null;
    }

    private List<string> ReadTags() =>
        [.. (input.RequiredTags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => TagSlug.From(t.TrimStart('#'))).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    private List<CriterionDraft> ReadCriteria()
    {
        var criteria = new List<CriterionDraft>();
        foreach (var row in input.Criteria.Where(r => !r.IsEmpty))
        {
            var name = row.Name?.Trim() ?? "";
            if (name.Length == 0 || name.Length > 80)
            {
                Problems[nameof(ChallengeInput.Criteria)] = "Give every criterion a name of up to 80 characters, or clear its row.";
            }
            else if (!int.TryParse(row.Weight?.Trim().TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 100)
            {
                Problems[nameof(ChallengeInput.Criteria)] = $"Give “{name}” a weight as a whole percent, 1 to 100.";
            }
            else
            {
                criteria.Add(new CriterionDraft(name, weight));
            }
        }

        if (Problems.ContainsKey(nameof(ChallengeInput.Criteria)))
        {
            return criteria;
        }

        var total = criteria.Sum(c => c.Weight);
        if (criteria.Count == 0)
        {
            Problems[nameof(ChallengeInput.Criteria)] = "Give at least one criterion the judges score, with its weight.";
        }
        else if (total != 100)
        {
            Problems[nameof(ChallengeInput.Criteria)] = $"The weights add up to {total}%; they must add up to 100%.";
        }

        return criteria;
    }

    private string Required(string? text, string field, string missing, int maxLength)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            Problems[field] = missing;
        }
        else if (value.Length > maxLength)
        {
            Problems[field] = $"Keep it to {maxLength:N0} characters; it has {value.Length:N0}.";
        }

        return value;
    }

    private string? Optional(string? text, string field, int maxLength)
    {
        var value = text?.Trim() ?? "";
        if (value.Length > maxLength)
        {
            Problems[field] = $"Keep it to {maxLength:N0} characters; it has {value.Length:N0}.";
        }

        return value.Length == 0 ? null : value;
    }

    private int? Count(string? text, string field, int least, bool optional = false)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0 && optional)
        {
            return null;
        }

        if (int.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= least && number <= MaxWordsLimit)
        {
            return number;
        }

        Problems[field] = $"Give a whole number, {least} or more.";
        return null;
    }
}
