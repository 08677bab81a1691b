using System.Text.RegularExpressions;

namespace Folio.Tests.Fuzzing;

/// <summary>
/// Reads the console log of a Folio process (the simple formatter, with scopes: "fail: Category[id]", then indented lines
/// with the request path and the exception) for errors, such as ASP.NET Core's "An unhandled exception has occurred".
/// </summary>
public static partial class ServerLog
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Logging:Console:IncludeScopes"] = "true",
    };

    private static readonly string[] Levels = ["trce: ", "dbug: ", "info: ", "warn: ", "fail: ", "crit: "];

    /// <summary>Each kind of unhandled exception or critical entry (its exception type and where it was thrown), with how often and one whole.</summary>
    public static List<string> Errors(IReadOnlyList<string> lines) =>
        Entries(lines)
            // EF Core logs a failed save at Error level even when the code catches it (a duplicate of a double click): only
            // what nothing handled, which ASP.NET Core and Kestrel log as an "unhandled exception", and critical entries count.
            .Where(entry => entry[0].StartsWith("crit: ", StringComparison.Ordinal) || (entry[0].StartsWith("fail: ", StringComparison.Ordinal)
                && entry.Any(line => line.Contains("nhandled exception", StringComparison.Ordinal))))
            .GroupBy(Kind)
            .Select(group => $"{group.Count()} × {group.Key}\n    on {string.Join(", ", group.Select(RequestPath).Distinct().Take(8))}\n"
                + string.Join('\n', group.First().Take(16).Select(Cut)))
            .ToList();

    private static List<List<string>> Entries(IReadOnlyList<string> lines)
    {
        var entries = new List<List<string>>();
        foreach (var line in lines)
        {
            if (Levels.Any(level => line.StartsWith(level, StringComparison.Ordinal)))
            {
                entries.Add([line]);
            }
            else if (entries.Count > 0)
            {
                entries[^1].Add(line);
            }
        }

        return entries;
    }

    /// <summary>The category, the exception's type and the first frame in Folio's code (else the first frame).</summary>
    private static string Kind(List<string> entry)
    {
        var exception = entry.Select(l => ExceptionType().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? Cut(entry.Skip(1).FirstOrDefault(l => !l.TrimStart().StartsWith("=>", StringComparison.Ordinal)) ?? "");
        var frames = entry.Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToList();
        var frame = frames.FirstOrDefault(f => f.StartsWith("at Folio.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "";
        return $"{entry[0]} {exception} {Regex.Replace(frame, @" in /.*$", "")}";
    }

    private static string RequestPath(List<string> entry) =>
        entry.Select(l => RequestPathScope().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "(no request)";

    private static string Cut(string line) => line.Length > 300 ? line[..300] + $"… ({line.Length:N0} characters)" : line;

    [GeneratedRegex(@"RequestPath:(\S+)")]
    private static partial Regex RequestPathScope();

    [GeneratedRegex(@"^\s*(?:---> )?([\w.]+Exception)\b")]
    private static partial Regex ExceptionType();
}
