using System.CommandLine;
using Folio.Features.ChallengeAdmin;

namespace Folio.Features.Admin;

/// <summary>The options `challenge add` and `challenge edit` share, read into <see cref="ChallengeFields"/>; one left out stays as it is.</summary>
internal sealed class ChallengeOptions(bool creating)
{
    private readonly Option<string> _slug = new("--slug") { Description = creating ? "The address, /challenges/{slug} (default: made from the title)." : "A new address." };
    private readonly Option<string> _title = new("--title") { Description = "The challenge's title." };
    private readonly Option<string> _prompt = new("--prompt") { Description = "What to write about, in Markdown." };
    private readonly Option<FileInfo> _promptFile = new("--prompt-file") { Description = "A UTF-8 file holding the prompt in Markdown." };
    private readonly Option<string> _community = new("--community") { Description = "The community's slug; \"\" for a site-wide challenge." };
    private readonly Option<string> _zone = new("--zone") { Description = "The IANA time zone (Europe/London) of --opens and --closes when they carry no offset." };
    private readonly Option<string> _opens = new("--opens") { Description = "When entries open: 2027-03-01T09:00 with --zone, or with an offset (2027-03-01T09:00+01:00, …Z)." };
    private readonly Option<string> _closes = new("--closes") { Description = "When entries close, as --opens." };
    private readonly Option<int?> _minWords = new("--min-words") { Description = "The fewest words an entry may have." };
    private readonly Option<int?> _maxWords = new("--max-words") { Description = "The most words an entry may have." };
    private readonly Option<string> _tags = new("--tags") { Description = "Tags every entry carries, separated by commas." };
    private readonly Option<int?> _entriesPerCreator = new("--entries-per-creator") { Description = "How many entries one creator may have (default 1)." };
    private readonly Option<string> _entrantRole = new("--entrant-role") { Description = "creator or trusted: who may enter; \"\" for every member." };
    private readonly Option<bool?> _visible = new("--entries-visible-before-close") { Description = "true: entries are shown as they are published; false: held until the close." };
    private readonly Option<int?> _judgesPerEntry = new("--judges-per-entry") { Description = "How many judges score each entry (default 1)." };
    private readonly Option<bool?> _blind = new("--blind-judging") { Description = "true: judges don't see authors' names." };
    private readonly Option<string[]> _criteria = new("--criterion") { Description = "A criterion and its weight in percent, as \"Fit to the prompt:40\"; repeat it, weights adding up to 100. Replaces every criterion." };
    private readonly Option<string> _judges = new("--judges") { Description = "The judges' usernames, separated by commas. Replaces every judge." };
    private readonly Option<string> _leadJudge = new("--lead-judge") { Description = "The judge who picks the winners (needed when there are several)." };
    private readonly Option<string> _firstPrize = new("--first-prize") { Description = "The winner's prize." };
    private readonly Option<string> _secondPrize = new("--second-prize") { Description = "Second place's prize." };
    private readonly Option<string> _thirdPrize = new("--third-prize") { Description = "Third place's prize." };
    private readonly Option<int?> _runnersUp = new("--runners-up") { Description = "How many runners-up the lead judge may name." };
    private readonly Option<string> _runnerUpPrize = new("--runner-up-prize") { Description = "Each runner-up's prize." };

    /// <summary>The option each of the form's fields is given by, for messages.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        [nameof(ChallengeInput.Prompt)] = "--prompt", [nameof(ChallengeInput.CommunityId)] = "--community", [nameof(ChallengeInput.TimeZone)] = "--zone",
        [nameof(ChallengeInput.OpensAt)] = "--opens", [nameof(ChallengeInput.ClosesAt)] = "--closes", [nameof(ChallengeInput.RequiredTags)] = "--tags",
        [nameof(ChallengeInput.EntriesVisibleBeforeClose)] = "--entries-visible-before-close", [nameof(ChallengeInput.BlindJudging)] = "--blind-judging",
        [nameof(ChallengeInput.Criteria)] = "--criterion",
    };

    public static string OptionName(string field) =>
        Names.TryGetValue(field, out var name) ? name : "--" + System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(field);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            _slug, _title, _prompt, _promptFile, _community, _zone, _opens, _closes, _minWords, _maxWords, _tags, _entriesPerCreator, _entrantRole,
            _visible, _judgesPerEntry, _blind, _criteria, _judges, _leadJudge, _firstPrize, _secondPrize, _thirdPrize, _runnersUp, _runnerUpPrize,
        })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(_prompt) is not null && result.GetValue(_promptFile) is not null)
            {
                result.AddError("Give --prompt or --prompt-file, not both.");
            }
        });
    }

    /// <summary>The fields given, or null (having said why) when the prompt file can't be read.</summary>
    public async Task<ChallengeFields?> ReadAsync(ParseResult parsed, AdminContext context)
    {
        var prompt = parsed.GetValue(_prompt);
        if (parsed.GetValue(_promptFile) is { } file)
        {
            if (!file.Exists)
            {
                context.Fail($"--prompt-file: no file at {file.FullName}");
                return null;
            }

            prompt = await File.ReadAllTextAsync(file.FullName, context.CancellationToken);
        }

        return new ChallengeFields
        {
            Slug = parsed.GetValue(_slug), Title = parsed.GetValue(_title), Prompt = prompt, Community = parsed.GetValue(_community),
            TimeZone = parsed.GetValue(_zone), OpensAt = parsed.GetValue(_opens), ClosesAt = parsed.GetValue(_closes),
            MinWords = parsed.GetValue(_minWords), MaxWords = parsed.GetValue(_maxWords), RequiredTags = List(parsed.GetValue(_tags)),
            EntriesPerCreator = parsed.GetValue(_entriesPerCreator), EntrantRole = parsed.GetValue(_entrantRole),
            EntriesVisibleBeforeClose = parsed.GetValue(_visible), JudgesPerEntry = parsed.GetValue(_judgesPerEntry), BlindJudging = parsed.GetValue(_blind),
            Criteria = parsed.GetValue(_criteria) is { Length: > 0 } criteria ? [.. criteria.Select(Criterion)] : null,
            Judges = List(parsed.GetValue(_judges)), LeadJudge = parsed.GetValue(_leadJudge),
            FirstPrize = parsed.GetValue(_firstPrize), SecondPrize = parsed.GetValue(_secondPrize), ThirdPrize = parsed.GetValue(_thirdPrize),
            RunnersUp = parsed.GetValue(_runnersUp), RunnerUpPrize = parsed.GetValue(_runnerUpPrize),
        };
    }

    /// <summary>"Fit to the prompt:40" as a row of the form; a missing weight is left for the form's reader to ask for.</summary>
    private static CriterionInput Criterion(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0
            ? new CriterionInput { Name = text, Weight = "" }
            : new CriterionInput { Name = text[..colon], Weight = text[(colon + 1)..] };
    }

    private static string[]? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
