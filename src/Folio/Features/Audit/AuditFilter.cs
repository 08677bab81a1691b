using System.Globalization;

namespace Folio.Features.Audit;

/// <summary>The audit log's filter as typed in the query string, and what is wrong with it, field by field.</summary>
public sealed class AuditFilter
{
    public static readonly IReadOnlyList<string> SubjectTypes = ["user", "community", "story", "comment", "webhook", "site"];

    public string? Action { get; init; }
    public string? Actor { get; init; }
    public string? SubjectType { get; init; }
    public string? Subject { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }

    public DateOnly? FromDate { get; private set; }
    public DateOnly? ToDate { get; private set; }

    public bool IsEmpty => new[] { Action, Actor, SubjectType, Subject, From, To }.All(string.IsNullOrWhiteSpace);

    /// <summary>Field errors keyed by query name; none means the filter can be applied.</summary>
    public Dictionary<string, string> Check(IEnumerable<string> allowedActions)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(Action) && !allowedActions.Contains(Action, StringComparer.Ordinal))
        {
            problems["action"] = "Choose an action from the list.";
        }

        if (!string.IsNullOrEmpty(SubjectType) && !SubjectTypes.Contains(SubjectType, StringComparer.Ordinal))
        {
            problems["subjectType"] = "Choose a kind of subject from the list.";
        }

        if (!string.IsNullOrWhiteSpace(Subject) && string.IsNullOrEmpty(SubjectType))
        {
            problems["subjectType"] = "Choose what kind of subject the id is for.";
        }

        if (Subject?.Trim().Length > 450)
        {
            problems["subject"] = "A subject id is at most 450 characters.";
        }

        if (Actor?.Trim().Length > 120)
        {
            problems["actor"] = "A username is at most 120 characters.";
        }

        FromDate = ParseDate(From, "from", problems);
        ToDate = ParseDate(To, "to", problems);
        if (FromDate > ToDate)
        {
            problems["to"] = "The end date is before the start date.";
        }

        return problems;
    }

    private static DateOnly? ParseDate(string? value, string field, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems[field] = "Enter a date like 2026-12-31.";
        return null;
    }
}
