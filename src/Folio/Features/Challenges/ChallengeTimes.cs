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

public static class ChallengeTimes
{
    public static async Task<TimeZoneInfo> ReaderZoneAsync(FolioDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } id)
        {
            return TimeZoneInfo.Utc;
        }

        var zone = await db.Users.Where(u => u.Id == id).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return DigestSchedule.ZoneOf(zone);
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
