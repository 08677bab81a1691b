using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Folio.Features.Communities;
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

    /// <summary>A slug that names no community gets its own message rather than the editor's "choose a community".</summary>
    public void CheckCommunity(string? slug, Community? found)
    {
        if (found is null && !string.IsNullOrWhiteSpace(slug))
        {
            Add("community", $"There is no community “{Shorten(slug)}”. Use the slug from its address, e.g. “earth” for /earth.");
        }
    }

    public void CheckStory(StoryInput input, IReadOnlyList<string?>? tags, Community? community, StoryIntent intent)
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

        foreach (var (field, message) in StoryRules.Check(input, community, intent))
        {
            var name = JsonName(field);
            if (name != "community" || !_errors.ContainsKey(name))
            {
                Add(name, message);
            }
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
    public DateTime? CheckPublishedAt(DateTime? publishedAt, RequestedStatus? status, StoryCaller caller, DateTime now)
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
