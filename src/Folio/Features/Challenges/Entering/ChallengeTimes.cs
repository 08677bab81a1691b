using System.Globalization;
using Folio.Features.Newsletters;

namespace Folio.Features.Challenges.Entering;

/// <summary>A challenge's opening and closing moments in words, in the reader's time zone (UTC when it is unknown).</summary>
public static class ChallengeTimes
{
    public static TimeZoneInfo ZoneOf(string? zone) => DigestSchedule.ZoneOf(zone);

    /// <summary>"29 March 2026 at 02:30 (Europe/London)": the zone's own offset on that day, so summer time comes out right.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var name = zone == TimeZoneInfo.Utc ? "UTC" : TimeZones.Label(zone.Id);
        return $"{local.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} ({name})";
    }
}
