using System.ComponentModel.DataAnnotations;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Settings;

namespace Folio.Features.Api;

/// <summary>The account behind the token, with the roles that decide what it may do, its email choices and its reading choices.</summary>
public sealed record ApiMe(
    string Username,
    string Name,
    string Bio,
    string? AvatarUrl,
    string Url,
    DateTime JoinedAt,
    IReadOnlyList<string> Roles,
    IReadOnlyList<ApiLink> Links,
    bool EmailOnReply,
    bool EmailOnReview,
    ApiReadingChoices ReadingChoices);

/// <summary>
/// What the account hides from lists, search, its digests and this API's list of stories (`hideAiGenerated`, and
/// `hiddenWarnings` from violence, self-harm, sexual-content, abuse, substance-use, strong-language, spoilers), and
/// whether a warned story's page keeps its text behind "Show story" (`coverWarnedStories`).
/// </summary>
public sealed record ApiReadingChoices(bool HideAiGenerated, IReadOnlyList<string> HiddenWarnings, bool CoverWarnedStories)
{
    public static ApiReadingChoices Of(FolioUser user) =>
        new(user.HideAiGenerated, LabelNames.Slugs(user.HiddenWarnings), user.CoverWarnedStories);
}

/// <summary>Changes to the reading choices; a field left out (or null) stays. `hiddenWarnings` replaces the list (`[]` hides none).</summary>
public sealed record ReadingChoicesRequest(bool? HideAiGenerated, IReadOnlyList<string?>? HiddenWarnings, bool? CoverWarnedStories);

/// <summary>
/// Changes to the profile; a field left out (or null) stays as it is. `links` replaces every link (at most 5;
/// `[]` removes them all); `bio: ""` clears the bio. The username is changed in Settings → Profile, not here.
/// </summary>
public sealed record UpdateMeRequest(
    string? Name, string? Bio, IReadOnlyList<LinkRequest?>? Links, bool? EmailOnReply, bool? EmailOnReview, ReadingChoicesRequest? ReadingChoices)
{
    /// <summary>The same rules as Settings → Profile (its <see cref="ProfileInput"/>), keyed by the JSON field names.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (Name is not null)
        {
            AddPropertyErrors(errors, "name", nameof(ProfileInput.DisplayName), Name);
        }

        if (Bio is not null)
        {
            AddPropertyErrors(errors, "bio", nameof(ProfileInput.Bio), Bio);
        }

        if (ReadingChoices?.HiddenWarnings is { } hidden && !LabelNames.TryParseWarnings(hidden, out _, out var unknown))
        {
            errors["readingChoices.hiddenWarnings"] = [$"“{unknown}” is not a content warning. Use any of: {LabelNames.WarningChoices}."];
        }

        if (Links is null)
        {
            return errors;
        }

        if (Links.Count(l => l is not null && !l.ToInput().IsBlank) > ProfileInput.MaxLinks)
        {
            errors["links"] = [ProfileInput.TooManyLinks];
        }

        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i] is not { } link)
            {
                errors[$"links[{i}]"] = ["Give each link as {\"label\": …, \"url\": …}."];
                continue;
            }

            var results = new List<ValidationResult>();
            var input = link.ToInput();
            Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    Add(errors, $"links[{i}].{JsonName(member)}", result.ErrorMessage!);
                }
            }
        }

        return errors;
    }

    /// <summary>Blank links are dropped, as the settings form drops its empty rows.</summary>
    public List<SocialLink>? NewLinks() =>
        Links is null ? null : new ProfileInput { Links = Links.OfType<LinkRequest>().Select(l => l.ToInput()).ToList() }.FilledLinks();

    private static void AddPropertyErrors(Dictionary<string, string[]> errors, string field, string member, string value)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateProperty(value, new ValidationContext(new ProfileInput()) { MemberName = member }, results);
        foreach (var result in results)
        {
            Add(errors, field, result.ErrorMessage!);
        }
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    private static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}

public sealed record LinkRequest(string? Label, string? Url)
{
    public LinkInput ToInput() => new() { Label = Label, Url = Url };
}
