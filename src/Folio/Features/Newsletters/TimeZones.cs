namespace Folio.Features.Newsletters;

/// <summary>The IANA time zones this machine knows (Europe/Lisbon), for when a reader's digests arrive.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> All = [.. TimeZoneInfo.GetSystemTimeZones()
        .Select(zone => zone.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Append("UTC")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string zone) => Known.Contains(zone);

    /// <summary>"America/Argentina/Buenos_Aires" as "America/Argentina/Buenos Aires".</summary>
    public static string Label(string zone) => zone.Replace('_', ' ');
}
