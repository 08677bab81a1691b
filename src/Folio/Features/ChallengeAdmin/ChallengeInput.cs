using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Folio.Features.Challenges;
using Folio.Features.Newsletters;

namespace Folio.Features.ChallengeAdmin;

/// <summary>The challenge form as typed, kept as text so a mistake comes back exactly as it was entered.</summary>
public sealed class ChallengeInput
{
    /// <summary>Empty rows offered below the saved criteria, so a few can be added in one save.</summary>
    public const int EmptyCriteriaRows = 3;

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [Display(Name = "Prompt")]
    public string? Prompt { get; set; }

    [Display(Name = "Hero image description (alt text)")]
    public string? HeroAltText { get; set; }

    [Display(Name = "Community")]
    public string? CommunityId { get; set; }

    [Display(Name = "Time zone of the dates below")]
    public string? TimeZone { get; set; }

    [Display(Name = "Opens")]
    public string? OpensAt { get; set; }

    [Display(Name = "Closes")]
    public string? ClosesAt { get; set; }

    [Display(Name = "Minimum words")]
    public string? MinWords { get; set; }

    [Display(Name = "Maximum words")]
    public string? MaxWords { get; set; }

    [Display(Name = "Required tags")]
    public string? RequiredTags { get; set; }

    [Display(Name = "Entries per creator")]
    public string? EntriesPerCreator { get; set; } = "1";

    [Display(Name = "Who may enter")]
    public string? EntrantRole { get; set; }

    [Display(Name = "Show entries before the challenge closes")]
    public bool EntriesVisibleBeforeClose { get; set; }

    [Display(Name = "Judges per entry")]
    public string? JudgesPerEntry { get; set; } = "1";

    [Display(Name = "Blind judging: judges don’t see authors’ names")]
    public bool BlindJudging { get; set; }

    public List<CriterionInput> Criteria { get; set; } = [];

    [Display(Name = "First prize")]
    public string? FirstPrize { get; set; }

    [Display(Name = "Second prize")]
    public string? SecondPrize { get; set; }

    [Display(Name = "Third prize")]
    public string? ThirdPrize { get; set; }

    [Display(Name = "Number of runners-up")]
    public string? RunnersUp { get; set; } = "0";

    [Display(Name = "Runner-up prize")]
    public string? RunnerUpPrize { get; set; }

    [Display(Name = "Judges")]
    public string? Judges { get; set; }

    [Display(Name = "Lead judge")]
    public string? LeadJudge { get; set; }

    public static ChallengeInput Blank(string? timeZone) => new ChallengeInput { TimeZone = timeZone ?? "UTC" }.WithEmptyCriteriaRows();

    public static ChallengeInput From(Challenge challenge, string? timeZone)
    {
        var zone = ZoneOrUtc(timeZone);
        var lead = challenge.Judges.FirstOrDefault(j => j.IsLead)?.User.UserName;
        return new ChallengeInput
        {
            Title = challenge.Title,
            Slug = challenge.Slug,
            Prompt = challenge.PromptMarkdown,
            HeroAltText = challenge.HeroAltText,
            CommunityId = challenge.CommunityId?.ToString(CultureInfo.InvariantCulture) ?? "",
            TimeZone = zone.Id,
            OpensAt = LocalTimes.FromUtc(challenge.OpensAt, zone),
            ClosesAt = LocalTimes.FromUtc(challenge.ClosesAt, zone),
            MinWords = challenge.MinWords?.ToString(CultureInfo.InvariantCulture),
            MaxWords = challenge.MaxWords?.ToString(CultureInfo.InvariantCulture),
            RequiredTags = string.Join(", ", challenge.RequiredTags),
            EntriesPerCreator = challenge.EntriesPerCreator.ToString(CultureInfo.InvariantCulture),
            EntrantRole = challenge.EntrantRole ?? "",
            EntriesVisibleBeforeClose = challenge.EntriesVisibleBeforeClose,
            JudgesPerEntry = challenge.JudgesPerEntry.ToString(CultureInfo.InvariantCulture),
            BlindJudging = challenge.BlindJudging,
            Criteria = [.. challenge.Criteria.OrderBy(c => c.Position)
                .Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight.ToString(CultureInfo.InvariantCulture) })],
            FirstPrize = challenge.FirstPrize,
            SecondPrize = challenge.SecondPrize,
            ThirdPrize = challenge.ThirdPrize,
            RunnersUp = challenge.RunnersUp.ToString(CultureInfo.InvariantCulture),
            RunnerUpPrize = challenge.RunnerUpPrize,
            Judges = string.Join(", ", challenge.Judges.Select(j => j.User.UserName).Order(StringComparer.OrdinalIgnoreCase)),
            LeadJudge = lead,
        }.WithEmptyCriteriaRows();
    }

    /// <summary>The saved (or typed) rows, then <see cref="EmptyCriteriaRows"/> empty ones.</summary>
    public ChallengeInput WithEmptyCriteriaRows()
    {
        Criteria = [.. Criteria.Where(c => !c.IsEmpty), .. Enumerable.Range(0, EmptyCriteriaRows).Select(_ => new CriterionInput())];
        return this;
    }

    public static TimeZoneInfo ZoneOrUtc(string? zone) => DigestSchedule.ZoneOf(string.IsNullOrWhiteSpace(zone) ? null : zone.Trim());

    /// <summary>The challenge the form asks for, or what to fix, keyed by the field's property name.</summary>
    public (ChallengeDraft? Draft, Dictionary<string, string> Problems) ToDraft(string? heroImageUrl)
    {
        var form = new ChallengeFormReader(this);
        var draft = form.Read(heroImageUrl);
        return (form.Problems.Count == 0 ? draft : null, form.Problems);
    }
}
