namespace Folio.Tests.Fuzzing;

/// <summary>
/// Reads the console log of a Folio process (the simple formatter: "fail: Category[id]" and indented lines under it)
/// for errors, such as ASP.NET Core's "An unhandled exception has occurred while executing the request".
/// </summary>
public static class ServerLog
{
    private static readonly string[] Levels = ["trce: ", "dbug: ", "info: ", "warn: ", "fail: ", "crit: "];

    /// <summary>Each error or critical entry, whole (its exception and stack trace), once per distinct first lines.</summary>
    public static List<string> Errors(IReadOnlyList<string> lines)
    {
        var entries = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (Levels.Any(level => line.StartsWith(level, StringComparison.Ordinal)))
            {
                current = line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal) ? [line] : null;
                if (current is not null)
                {
                    entries.Add(current);
                }
            }
            else
            {
                current?.Add(line);
            }
        }

        return entries
            .GroupBy(entry => string.Join('\n', entry.Where(l => !l.Contains("Connection id", StringComparison.Ordinal)
                && !l.Contains("Request id", StringComparison.Ordinal)).Take(3).Select(l => l.Trim())))
            .Select(group => $"{group.Count()} × " + string.Join('\n', group.First().Take(40)))
            .ToList();
    }
}
