using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Folio.Features.Stories;
using Folio.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Folio.Features.Api;

/// <summary>
/// The editor's own rules (StoryInput's lengths, StoryRules) applied to an API request, keyed by the JSON field the
/// client sent, plus the few rules only the API has (tag lists, status names, publishedAt).
/// </summary>
public sealed class StoryValidation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public ValidationProblem ToProblem() => ApiProblems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors)
    {
        var validation = new StoryValidation();
        foreach (var (field, message) in errors)
        {
            validation.Add(JsonName(field), message);
        }

        return validation.ToProblem();
    }

    /// <summary>The input's lengths and the API's list rules, then the story workflow's rules for this action, keyed by JSON field.</summary>
    public async Task CheckStoryAsync(
        StoryWorkflow workflow, Story story, StoryInput input, IReadOnlyList<string?>? tags, StoryAction action, CancellationToken cancellationToken)
    {
        var lengths = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), lengths, validateAllProperties: true);
        foreach (var result in lengths)
        {
            foreach (var member in result.MemberNames)
            {
                Add(JsonName(member), result.ErrorMessage ?? "This value is not valid.");
            }
        }

        if (tags?.FirstOrDefault(t => t?.Contains(',') == true) is { } withComma)
        {
            Add("tags", $"“{Shorten(withComma)}” holds a comma; send each tag as its own item of the list.");
        }

        var (_, errors) = await workflow.CheckAsync(story, input, action, cancellationToken);
        foreach (var (field, message) in errors)
        {
            Add(JsonName(field), message);
        }
    }

    public void CheckStatus(string? value, bool allowUnpublished, out RequestedStatus? status)
    {
        if (!RequestedStatuses.TryParse(value, out status) || (!allowUnpublished && status == RequestedStatus.Unpublished))
        {
            Add("status", $"“{Shorten(value ?? "")}” is not a status you can ask for. "
                + (allowUnpublished ? RequestedStatuses.ForUpdate : RequestedStatuses.ForCreate));
        }
    }

    /// <summary>Only admins may date a story (to keep an imported story's original date); the date is UTC or has an offset, and is past.</summary>
    public DateTime? CheckPublishedAt(DateTime? publishedAt, RequestedStatus? status, StoryActor caller, DateTime now)
    {
        if (publishedAt is not { } at)
        {
            return null;
        }

        if (!caller.IsAdmin)
        {
            Add("publishedAt", "Only admins may set publishedAt (to keep an imported story's original date). Leave it out: a story is dated when it is published.");
            return null;
        }

        if (status != RequestedStatus.Published)
        {
            Add("publishedAt", "publishedAt dates a story being published; send it with \"status\": \"published\".");
        }

        if (at.Kind == DateTimeKind.Unspecified)
        {
            Add("publishedAt", "Give the time zone, e.g. 2026-02-03T14:00:00Z or 2026-02-03T15:00:00+01:00.");
            return null;
        }

        var utc = at.ToUniversalTime();
        if (utc > now)
        {
            Add("publishedAt", "publishedAt can't be in the future; to publish later, keep the story a draft until then.");
        }

        return utc;
    }

    private static string JsonName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
