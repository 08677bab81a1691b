using System.Globalization;
using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Newsletters;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Challenges;

/// <summary>A moment shown in a reader's time zone: the reader's own when signed in and set, UTC otherwise (and on every cached page).</summary>
public sealed record ZonedTime(DateTime Utc, TimeZoneInfo Zone)
{
    public DateTime Local => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(Utc, DateTimeKind.Utc), Zone);

    /// <summary>"Sunday 28 March 2027, 13:00 (Europe/London)".</summary>
    public string Text => $"{Local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({TimeZones.Label(Zone.Id)})";

    public string MachineReadable => DateTime.SpecifyKind(Utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>A challenge's moments in the reader's words: their time zone, the sentence form, the countdown.</summary>
public static class ChallengeTimes
{
    /// <summary>The signed-in reader's zone, when they set one; UTC otherwise.</summary>
    public static Task<TimeZoneInfo> ReaderZoneAsync(FolioDb db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } id ? ZoneOfAsync(db, id, cancellationToken) : Task.FromResult(TimeZoneInfo.Utc);

    public static async Task<TimeZoneInfo> ZoneOfAsync(FolioDb db, string userId, CancellationToken cancellationToken) =>
        DigestSchedule.ZoneOf(await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken));

    /// <summary>"29 March 2026 at 02:30 (Europe/London)", for sentences: the zone's own offset on that day, so summer time comes out right.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var name = zone == TimeZoneInfo.Utc ? "UTC" : TimeZones.Label(zone.Id);
        return $"{local.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} ({name})";
    }

    /// <summary>"3 days 4 hours", "4 hours 12 minutes", "12 minutes", "less than a minute"; the countdown module words it the same way.</summary>
    public static string Countdown(TimeSpan left)
    {
        if (left < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        var (days, hours, minutes) = (left.Days, left.Hours, left.Minutes);
        static string Of(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        return days > 0 ? (hours > 0 ? $"{Of(days, "day")} {Of(hours, "hour")}" : Of(days, "day"))
            : hours > 0 ? (minutes > 0 ? $"{Of(hours, "hour")} {Of(minutes, "minute")}" : Of(hours, "hour"))
            : Of(minutes, "minute");
    }
}
